/**
 * Two cycles side by side, the question after a fix: which identities were fixed, which fail now
 * that did not before, which are still failing, which appear in only one cycle. Identities are
 * matched by identityKeyOf (source id, else name). An identity's outcome in a cycle is its newest
 * event there: a failure followed by a success in the same cycle counts as a success.
 */
import type { CycleGroup } from './eventIndex';
import { identityKeyOf, identityLabelOf } from './grouping';
import type { Action, Status } from '../common/record';
import type { EventStore } from '../model/store';
import { cycleActionTable } from './summary';
import { type StatusCounts } from '../common/record';

export interface Outcome {
  /** Event index of the identity's newest event in the cycle. */
  index: number;
  status: Status;
  action: Action;
  errorCode: string;
  changeId: string;
  /** Events of this identity in the cycle. */
  events: number;
}

export interface IdentityRow {
  key: string;
  name: string;
  sourceId: string;
  before?: Outcome;
  after?: Outcome;
}

export interface CycleSide {
  jobId: string;
  cycleId: string;
  first: number;
  last: number;
  counts: StatusCounts;
  identities: number;
  actions: Partial<Record<Action, StatusCounts>>;
}

export interface CodeDelta {
  code: string;
  before: number;
  after: number;
}

export interface CycleComparison {
  /** The cycle that started first, and the later one. */
  before: CycleSide;
  after: CycleSide;
  /** Failed before, did not fail after. */
  fixed: IdentityRow[];
  /** Failed after; present before without failing. */
  newlyFailing: IdentityRow[];
  /** Failed after; not in the earlier cycle at all. */
  failingNewIdentities: IdentityRow[];
  /** Failed before; not in the later cycle at all (not retried there, or out of scope). */
  failedOnlyBefore: IdentityRow[];
  /** Failed in both. */
  stillFailing: IdentityRow[];
  /** Identities of only the later cycle that did not fail, and of only the earlier one. */
  onlyAfter: IdentityRow[];
  onlyBefore: IdentityRow[];
  codes: CodeDelta[];
}

/** Compares two cycles in either order; the earlier-starting one becomes `before`. */
export function compareCycles(store: EventStore, a: CycleGroup, b: CycleGroup): CycleComparison {
  const [first, second] = startsBefore(b, a) ? [b, a] : [a, b];
  const before = outcomes(store, first);
  const after = outcomes(store, second);
  const result: CycleComparison = {
    before: side(store, first, before.size),
    after: side(store, second, after.size),
    fixed: [],
    newlyFailing: [],
    failingNewIdentities: [],
    failedOnlyBefore: [],
    stillFailing: [],
    onlyAfter: [],
    onlyBefore: [],
    codes: codeDeltas(store, first, second),
  };
  for (const [key, was] of before) {
    const now = after.get(key);
    const row: IdentityRow = { key, name: was.name, sourceId: was.sourceId, before: was.outcome };
    if (now === undefined) {
      (was.outcome.status === 'failure' ? result.failedOnlyBefore : result.onlyBefore).push(row);
      continue;
    }
    row.after = now.outcome;
    if (was.outcome.status === 'failure') (now.outcome.status === 'failure' ? result.stillFailing : result.fixed).push(row);
    else if (now.outcome.status === 'failure') result.newlyFailing.push(row);
  }
  for (const [key, now] of after) {
    if (before.has(key)) continue;
    const row: IdentityRow = { key, name: now.name, sourceId: now.sourceId, after: now.outcome };
    (now.outcome.status === 'failure' ? result.failingNewIdentities : result.onlyAfter).push(row);
  }
  return result;
}

interface Seen {
  name: string;
  sourceId: string;
  outcome: Outcome;
}

/** Each identity of a cycle with its outcome there, in the cycle's newest-first order. */
function outcomes(store: EventStore, cycle: CycleGroup): Map<string, Seen> {
  const seen = new Map<string, Seen>();
  // cycle.events is newest first: the first event met for an identity is its outcome.
  for (const i of cycle.events) {
    const key = identityKeyOf(store, i) || `event:${i}`;
    const known = seen.get(key);
    if (known !== undefined) {
      known.outcome.events++;
      continue;
    }
    const outcome: Outcome = {
      index: i,
      status: store.statusOf(i),
      action: store.actionOf(i),
      errorCode: store.get('errorCode', i),
      changeId: store.get('changeId', i),
      events: 1,
    };
    seen.set(key, { name: identityLabelOf(store, i), sourceId: store.get('sourceId', i), outcome });
  }
  return seen;
}

function side(store: EventStore, cycle: CycleGroup, identities: number): CycleSide {
  return {
    jobId: cycle.jobId,
    cycleId: cycle.cycleId,
    first: cycle.first,
    last: cycle.last,
    counts: cycle.counts,
    identities,
    actions: cycleActionTable(store, cycle.events),
  };
}

function codeDeltas(store: EventStore, before: CycleGroup, after: CycleGroup): CodeDelta[] {
  const deltas = new Map<string, CodeDelta>();
  const count = (cycle: CycleGroup, field: 'before' | 'after'): void => {
    for (const i of cycle.events) {
      const code = store.get('errorCode', i);
      if (code === '') continue;
      let d = deltas.get(code);
      if (d === undefined) deltas.set(code, (d = { code, before: 0, after: 0 }));
      d[field]++;
    }
  };
  count(before, 'before');
  count(after, 'after');
  return [...deltas.values()].sort((a, b) => b.after - a.after || b.before - a.before || (a.code < b.code ? -1 : 1));
}

function startsBefore(a: CycleGroup, b: CycleGroup): boolean {
  if (Number.isNaN(a.first) || Number.isNaN(b.first)) return false;
  return a.first < b.first;
}

/** Actions in the order of the portal's filter, for tables. */
export const TABLE_ACTIONS: readonly Action[] = ['create', 'update', 'delete', 'disable', 'stagedDelete', 'other'];
