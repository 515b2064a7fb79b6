import { type EventFilter } from '../../common/filter';
/**
 * How far a pull got, kept next to the output file (OUT.jsonl → OUT.jsonl.fetch-state) rather than inside it, so
 * the JSON Lines file holds Graph records only and every reader opens it as it is. The name ends in neither
 * .json nor .jsonl, so the viewer's file associations (*provisioning*.json) never claim it. The state says which query
 * made the file and the end of the last window drained completely, with the file's size at that moment: Resume
 * cuts the file back to that size (dropping the half-drained window's records) and starts the next window
 * there, so a cancelled pull resumed ends with the same file as one that never stopped. It holds no token.
 */

export type GraphApiVersion = 'v1.0' | 'beta';

/** What decides which records a pull brings: a resume must use the same. */
export interface GraphQuery {
  readonly graphUrl: string;
  readonly apiVersion: GraphApiVersion;
  /** Pushed-down `$filter` clauses besides the time window. */
  readonly clauses: readonly string[];
  /** The part applied locally, if any. */
  readonly local?: EventFilter;
  readonly top: number;
}

export interface GraphFetchState {
  readonly query: GraphQuery;
  /** The requested window, epoch ms: since inclusive, until exclusive. */
  readonly since: number;
  readonly until: number;
  /** Every window before this instant has been drained and written. */
  readonly done: number;
  /** The output file's size, in bytes, when `done` was reached. */
  readonly bytes: number;
  /** Records in the file at that moment. */
  readonly records: number;
  /** The window size the planner had reached, so a resume continues at the same pace. */
  readonly windowMs: number;
}

const KIND = 'provlog.graphFetch';
const VERSION = 1;

export function stateFileName(outputPath: string): string {
  return `${outputPath}.fetch-state`;
}

export function isComplete(s: GraphFetchState): boolean {
  return s.done >= s.until;
}

export function serializeState(s: GraphFetchState): string {
  const iso = (t: number): string => new Date(t).toISOString();
  return `${JSON.stringify(
    {
      kind: KIND,
      version: VERSION,
      query: s.query,
      since: iso(s.since),
      until: iso(s.until),
      done: iso(s.done),
      bytes: s.bytes,
      records: s.records,
      windowMs: s.windowMs,
    },
    null,
    2,
  )}\n`;
}

/** The state in `text`, or one sentence saying why it cannot be used. */
export function parseState(text: string): GraphFetchState | string {
  let o: unknown;
  try {
    o = JSON.parse(text);
  } catch {
    return 'The fetch state file is not valid JSON.';
  }
  if (!isObject(o) || o['kind'] !== KIND) return 'The fetch state file was not written by a Microsoft Graph fetch.';
  if (o['version'] !== VERSION) return `The fetch state file has version ${String(o['version'])}; this version reads ${VERSION}.`;
  const q = o['query'];
  const since = Date.parse(String(o['since']));
  const until = Date.parse(String(o['until']));
  const done = Date.parse(String(o['done']));
  const nums = [o['bytes'], o['records'], o['windowMs']];
  if (!isObject(q) || typeof q['graphUrl'] !== 'string' || (q['apiVersion'] !== 'v1.0' && q['apiVersion'] !== 'beta') || !Array.isArray(q['clauses']) || !q['clauses'].every((c) => typeof c === 'string') || typeof q['top'] !== 'number' || (q['local'] !== undefined && !isObject(q['local']))) {
    return 'The fetch state file does not describe a query.';
  }
  if ([since, until, done].some(Number.isNaN) || !nums.every((n) => typeof n === 'number' && Number.isFinite(n) && n >= 0) || done < since) {
    return 'The fetch state file has unreadable times or sizes.';
  }
  const query: GraphQuery = {
    graphUrl: q['graphUrl'],
    apiVersion: q['apiVersion'],
    clauses: q['clauses'] as string[],
    top: q['top'],
    ...(q['local'] !== undefined ? { local: q['local'] as EventFilter } : {}),
  };
  return { query, since, until, done, bytes: nums[0] as number, records: nums[1] as number, windowMs: nums[2] as number };
}

/** Two queries bring the same records (the order of filter fields does not matter). */
export function sameQuery(a: GraphQuery, b: GraphQuery): boolean {
  return canonical(a) === canonical(b);
}

function canonical(q: GraphQuery): string {
  const local = q.local ? Object.fromEntries(Object.entries(q.local).filter(([, v]) => v !== undefined).sort(([x], [y]) => x.localeCompare(y))) : {};
  return JSON.stringify([q.graphUrl.replace(/\/+$/, ''), q.apiVersion, [...q.clauses], local, q.top]);
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
