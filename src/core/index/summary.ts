/**
 * Summaries people ask for first: counts by status and action, the top error codes, the success
 * rate, and per cycle the action × status table (as MSIdentityTools' -SummarizeByCycleId shows it).
 */
import { countStatus, emptyCounts, type EventIndex } from './eventIndex';
import { ACTIONS, STATUSES, type Action, type Problem, type Status, type StatusCounts } from '../common/record';
import { FLAG_CHANGED, type EventStore } from '../model/store';

export interface ErrorCodeCount {
  code: string;
  count: number;
  /** Latest event time with this code. */
  lastSeen: number;
}

export interface LogSummary {
  events: number;
  status: Record<Status, number>;
  action: Record<Action, number>;
  jobs: number;
  cycles: number;
  /** Distinct change ids. */
  changes: number;
  /** Events that really changed the target system (an export step succeeded). */
  targetChanges: number;
  errorCodes: ErrorCodeCount[];
  /** Successes among attempts (success + failure + warning); NaN when nothing was attempted. */
  successRate: number;
  first: number;
  last: number;
}

/**
 * Summary over `indices` (default: every event). Only the store is read, so a LogData does as well
 * as an EventIndex: a caller without an index does not build one (that walks every event) for it.
 */
export function summarize({ store }: Pick<EventIndex, 'store'>, indices?: ArrayLike<number>): LogSummary {
  // Counted by ordinal and by string id in typed arrays: one pass over 100,000 events allocates nothing per event.
  const byStatus = new Uint32Array(STATUSES.length);
  const byAction = new Uint32Array(ACTIONS.length);
  const codes = new Map<number, ErrorCodeCount>();
  const jobs = new Set<number>();
  const ids = store.strings.length;
  // A (job, cycle) pair as one number, exact while job * ids + cycle stays below 2^53; past that, as text.
  const cycles = new Set<number | string>();
  const exactPairs = ids <= 2 ** 26;
  const changeSeen = new Uint8Array(ids);
  let changes = 0;
  const codeCol = store.column('errorCode');
  const jobCol = store.column('jobId');
  const cycleCol = store.column('cycleId');
  const changeCol = store.column('changeId');
  let targetChanges = 0;
  let first = NaN;
  let last = NaN;
  const n = indices ? indices.length : store.size;
  let lastJob = -1;
  let lastCycle = -1;
  for (let k = 0; k < n; k++) {
    const i = indices ? indices[k]! : k;
    byStatus[store.status[i]!]!++;
    byAction[store.action[i]!]!++;
    const job = jobCol[i]!;
    const cycle = cycleCol[i]!;
    // Events of one cycle mostly come in a row: the sets are asked only when the pair changes.
    if (job !== lastJob || cycle !== lastCycle) {
      lastJob = job;
      lastCycle = cycle;
      jobs.add(job);
      cycles.add(exactPairs ? job * ids + cycle : `${job}:${cycle}`);
    }
    const change = changeCol[i]!;
    if (change !== 0 && changeSeen[change] === 0) {
      changeSeen[change] = 1;
      changes++;
    }
    if ((store.flags[i]! & FLAG_CHANGED) !== 0) targetChanges++;
    const t = store.time[i]!;
    if (!(t >= first)) first = Number.isNaN(t) ? first : t;
    if (!(t <= last)) last = Number.isNaN(t) ? last : t;
    const code = codeCol[i]!;
    if (code !== 0) {
      const c = codes.get(code);
      if (c === undefined) codes.set(code, { code: store.strings[code]!, count: 1, lastSeen: t });
      else {
        c.count++;
        if (!(t <= c.lastSeen)) c.lastSeen = t;
      }
    }
  }
  const status = zero(STATUSES);
  STATUSES.forEach((s, k) => (status[s] = byStatus[k]!));
  const action = zero(ACTIONS);
  ACTIONS.forEach((a, k) => (action[a] = byAction[k]!));
  const attempts = status.success + status.failure + status.warning;
  return {
    events: n,
    status,
    action,
    jobs: jobs.size,
    cycles: cycles.size,
    changes,
    targetChanges,
    errorCodes: [...codes.values()].sort((a, b) => b.count - a.count || a.code.localeCompare(b.code)),
    successRate: attempts === 0 ? NaN : status.success / attempts,
    first,
    last,
  };
}

/** Per cycle: for each action, counts by status (rows with no events are left out). */
export function cycleActionTable(store: EventStore, events: ArrayLike<number>): Partial<Record<Action, StatusCounts>> {
  const table: Partial<Record<Action, StatusCounts>> = {};
  for (let k = 0; k < events.length; k++) {
    const i = events[k]!;
    const a = ACTIONS[store.action[i]!]!;
    countStatus((table[a] ??= emptyCounts()), STATUSES[store.status[i]!]!);
  }
  return table;
}

/** The CLI's `summary --json` contract (zero counts omitted). */
export function summaryJson(s: LogSummary, problems: Problem[]): Record<string, unknown> {
  return {
    events: s.events,
    status: nonZero(s.status),
    action: nonZero(s.action),
    jobs: s.jobs,
    cycles: s.cycles,
    changes: s.changes,
    errorCodes: Object.fromEntries(s.errorCodes.map((c) => [c.code, c.count])),
    problems: problems.map((p) => {
      const o: Record<string, unknown> = { severity: p.severity, message: p.message };
      if (p.line !== undefined) o['line'] = p.line;
      if (p.column !== undefined) o['column'] = p.column;
      if (p.file !== undefined) o['file'] = p.file;
      return o;
    }),
  };
}

function zero<T extends string>(keys: readonly T[]): Record<T, number> {
  return Object.fromEntries(keys.map((k) => [k, 0])) as Record<T, number>;
}

function nonZero<T extends string>(r: Record<T, number>): Partial<Record<T, number>> {
  return Object.fromEntries(Object.entries(r).filter(([, v]) => (v as number) > 0)) as Partial<Record<T, number>>;
}
