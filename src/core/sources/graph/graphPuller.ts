/**
 * The pull: every record of a time range from Graph's auditLogs/provisioning into a sink (the JSON Lines file),
 * window by window (see windowPlan.ts), page by page within a window, inside the request budget (rateLimiter.ts),
 * with duplicates dropped by id and the local part of the filter applied. Pure: the HTTP client, clock, token
 * and file are injected, so the CLI, the extension and the tests run the same loop.
 */
import type { TokenSource } from '../http/auth';
import { realClock, type Clock } from '../http/clock';
import { joinUrl } from '../http/endpoints';
import { retryAfterMs } from '../http/retryAfter';
import type { FetchLike, RetryPolicy } from '../http/transport';
import { type GraphFetchState, type GraphQuery } from './fetchState';
import { GraphClient } from './graphClient';
import { explainStatus, GraphPullError } from './graphErrors';
import { windowFilter } from './graphFilter';
import { keepMatching } from './localFilter';
import type { RateLimiter } from './rateLimiter';
import { objectKey, SeenIds } from './seenIds';
import { DEFAULT_WINDOW_PLAN, WindowPlanner, type TimeWindow, type WindowPlanOptions } from './windowPlan';

export interface GraphSink {
  /** Appends whole lines (one write); resolves with the file's size afterwards. */
  append(lines: readonly string[]): Promise<number>;
  /** Saves how far the pull got. */
  checkpoint(state: GraphFetchState): Promise<void>;
}

export interface PullProgress {
  /** Records written to the file (this run and, on resume, before). */
  written: number;
  /** Records Graph sent this run, duplicates included. */
  received: number;
  duplicates: number;
  /** Records the local part of the filter left out. */
  filteredOut: number;
  requests: number;
  /** Time spent waiting because Graph said 429. */
  throttledMs: number;
  /** Time spent pacing to stay inside the budget. */
  pacedMs: number;
  /** Waits after 5xx, dropped connections and stalls. */
  retries: number;
  /** Windows halved because throttling persisted or a nextLink repeated. */
  shrinks: number;
  /** Every record before this instant is in the file. */
  done: number;
}

export interface PullOptions {
  readonly query: GraphQuery;
  readonly since: number;
  readonly until: number;
  /** Continue a pull: the state saved by the last checkpoint (the caller cut the file back to `bytes`) and the ids near its end. */
  readonly resume?: { readonly state: GraphFetchState; readonly seen: SeenIds };
  readonly fetch: FetchLike;
  readonly tokens: TokenSource;
  readonly limiter: RateLimiter;
  readonly sink: GraphSink;
  readonly clock?: Clock;
  readonly signal?: AbortSignal;
  readonly policy?: Partial<RetryPolicy>;
  readonly plan?: WindowPlanOptions;
  readonly consentUrl?: string;
  readonly random?: () => number;
  readonly onProgress?: (p: Readonly<PullProgress>) => void;
}

/** How far behind the cursor ids are remembered: windows meet with a millisecond's overlap, Graph's times have more digits. */
export const OVERLAP_MS = 1000;
/** Halvings at the smallest window before a pull gives up on throttling. */
const MAX_STUCK = 3;

type Drained = { kind: 'complete'; distinct: number } | { kind: 'throttled'; waitMs: number } | { kind: 'loop' };

export async function pullGraph(opts: PullOptions): Promise<{ state: GraphFetchState; progress: PullProgress }> {
  const clock = opts.clock ?? realClock;
  const resume = opts.resume?.state;
  const seen = opts.resume?.seen ?? new SeenIds();
  const planner = new WindowPlanner(opts.plan ?? DEFAULT_WINDOW_PLAN, resume?.windowMs);
  const progress: PullProgress = { written: resume?.records ?? 0, received: 0, duplicates: 0, filteredOut: 0, requests: 0, throttledMs: 0, pacedMs: 0, retries: 0, shrinks: 0, done: resume?.done ?? opts.since };
  let bytes = resume?.bytes ?? 0;
  const state = (): GraphFetchState => ({ query: opts.query, since: opts.since, until: opts.until, done: progress.done, bytes, records: progress.written, windowMs: planner.windowMs });
  const report = (): void => {
    progress.requests = opts.limiter.requests;
    progress.pacedMs = opts.limiter.waitedMs;
    opts.onProgress?.({ ...progress });
  };
  const client = new GraphClient({
    ...opts,
    clock,
    onWait: (w) => {
      if (w.reason === 'throttled') progress.throttledMs += w.ms;
      else progress.retries++;
    },
  });
  await opts.sink.checkpoint(state());
  let stuck = 0;
  while (progress.done < opts.until) {
    const w = planner.next(progress.done, opts.until);
    const drained = await drainWindow(w);
    if (drained.kind === 'complete') {
      stuck = 0;
      progress.done = w.end;
      planner.completed(w, drained.distinct);
      seen.forgetBefore(w.end - OVERLAP_MS);
      await opts.sink.checkpoint(state());
      report();
      continue;
    }
    progress.shrinks++;
    if (drained.kind === 'throttled') opts.limiter.pause(drained.waitMs);
    if (!planner.shrink(w) && ++stuck > MAX_STUCK) {
      throw drained.kind === 'loop'
        ? new GraphPullError('server', 'Microsoft Graph kept sending the same next page, even for one second of logs.')
        : explainStatus(429, '', { filter: '' });
    }
    report();
  }
  report();
  return { state: state(), progress };

  async function drainWindow(w: TimeWindow): Promise<Drained> {
    const filter = windowFilter(opts.query.clauses, w.start, w.end);
    const base = joinUrl(opts.query.graphUrl, `${opts.query.apiVersion}/auditLogs/provisioning`);
    let url = `${base}?$top=${opts.query.top}&$filter=${encodeURIComponent(filter)}`;
    const followed = new Map<string, number>();
    let distinct = 0;
    let pending = client.get(url, filter);
    for (;;) {
      const res = await pending;
      if (res.status === 429) return { kind: 'throttled', waitMs: retryAfterMs(res.headers.get('retry-after'), clock.now()) ?? opts.limiter.budget.windowMs };
      const page = parsePage(res.text);
      let next: typeof pending | undefined;
      let loop = false;
      if (page.nextLink !== undefined) {
        checkSameOrigin(page.nextLink, opts.query.graphUrl);
        followed.set(url, (followed.get(url) ?? 0) + 1);
        // A page that points at itself (or back) is followed once more, as a glitch; twice is a loop.
        loop = (followed.get(page.nextLink) ?? 0) >= 2;
        if (!loop) {
          // The next page is asked for while this one is written: the request's round trip overlaps the work.
          next = client.get(page.nextLink, filter);
          void next.catch(() => undefined);
          url = page.nextLink;
        }
      }
      progress.received += page.records.length;
      // Density is judged by distinct records: a repeated page must not make the next window smaller.
      distinct += await write(page.records);
      report();
      if (loop) return { kind: 'loop' };
      if (!next) return { kind: 'complete', distinct };
      pending = next;
    }
  }

  /** Writes the records not seen before that the local filter keeps; returns how many were not seen before. */
  async function write(records: readonly unknown[]): Promise<number> {
    let lines: string[] = [];
    for (const r of records) {
      const line = JSON.stringify(r);
      const key = objectKey(r);
      // A record without an id cannot be deduplicated; it is kept rather than lost.
      if (key && !seen.add(key.id, key.time)) {
        progress.duplicates++;
        continue;
      }
      lines.push(line);
    }
    const distinct = lines.length;
    if (opts.query.local) {
      const kept = keepMatching(lines, opts.query.local);
      progress.filteredOut += lines.length - kept.length;
      lines = kept;
    }
    if (lines.length === 0) return distinct;
    bytes = await opts.sink.append(lines);
    progress.written += lines.length;
    return distinct;
  }
}

export interface Page {
  records: unknown[];
  nextLink?: string;
}

export function parsePage(text: string): Page {
  let o: unknown;
  try {
    o = JSON.parse(text);
  } catch {
    throw new GraphPullError('server', 'Microsoft Graph answered with a page that is not JSON.');
  }
  const body = o as { value?: unknown; '@odata.nextLink'?: unknown };
  if (typeof o !== 'object' || o === null || !Array.isArray(body.value)) throw new GraphPullError('server', 'Microsoft Graph answered without a "value" list of records.');
  const next = body['@odata.nextLink'];
  return typeof next === 'string' && next !== '' ? { records: body.value, nextLink: next } : { records: body.value };
}

/** The token goes with every request: a nextLink may only lead back to the Graph endpoint we were given. */
function checkSameOrigin(link: string, graphUrl: string): void {
  let ok = false;
  try {
    ok = new URL(link).origin === new URL(graphUrl).origin;
  } catch {
    ok = false;
  }
  if (!ok) throw new GraphPullError('server', 'Microsoft Graph sent a next-page link to another host; it was not followed.');
}
