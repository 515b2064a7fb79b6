/**
 * The values each filter can take in this file, with how many events have them: only the statuses,
 * actions, jobs, cycles, systems, applications, error codes and identity types present are offered,
 * as the portal offers only what the tenant has. One pass over the columns (no string work per
 * event), so it costs a few milliseconds at 100,000 events.
 */
import { lookupErrorCode } from '../catalog/catalog';
import { ACTIONS, ACTION_LABELS, STATUSES, STATUS_LABELS, type StringField } from '../common/record';
import type { FacetValue } from '../common/filter';
import { identityTypeKey } from './engine';
import type { EventStore } from '../model/store';

export interface ViewFacets {
  status: FacetValue[];
  action: FacetValue[];
  jobId: FacetValue[];
  /** Newest first; at most MAX_CYCLES (the rest is reachable by typing a cycle id). */
  cycleId: FacetValue[];
  cyclesTotal: number;
  sourceSystem: FacetValue[];
  targetSystem: FacetValue[];
  application: FacetValue[];
  errorCode: FacetValue[];
  identityType: FacetValue[];
}

export const MAX_CYCLES = 1000;
const MAX_VALUES = 500;

export function buildFacets(store: EventStore): ViewFacets {
  const n = store.size;
  const statusCounts = new Array<number>(STATUSES.length).fill(0);
  const actionCounts = new Array<number>(ACTIONS.length).fill(0);
  for (let i = 0; i < n; i++) {
    statusCounts[store.status[i]!]!++;
    actionCounts[store.action[i]!]!++;
  }
  const status = STATUSES.map((s, k) => ({ value: s, count: statusCounts[k]!, detail: STATUS_LABELS[s] })).filter((f) => f.count > 0);
  const action = ACTIONS.map((a, k) => ({ value: a, count: actionCounts[k]!, detail: ACTION_LABELS[a] })).filter((f) => f.count > 0);

  const jobApp = new Map<number, number>();
  const appCol = store.column('appName');
  const targetCol = store.column('targetSystem');
  const jobCounts = countIds(store, 'jobId', (i, job) => {
    if (!jobApp.has(job)) jobApp.set(job, appCol[i] || targetCol[i]!);
  });
  const jobId = toFacets(store, jobCounts, (id) => store.strings[jobApp.get(id) ?? 0] || undefined);

  const cycles = new Map<number, { count: number; first: number; last: number; job: number }>();
  const cycleCol = store.column('cycleId');
  const jobCol = store.column('jobId');
  for (let i = 0; i < n; i++) {
    const id = cycleCol[i]!;
    if (id === 0) continue;
    const t = store.time[i]!;
    let c = cycles.get(id);
    if (c === undefined) cycles.set(id, (c = { count: 0, first: NaN, last: NaN, job: jobCol[i]! }));
    c.count++;
    if (!Number.isNaN(t)) {
      if (!(t >= c.first)) c.first = t;
      if (!(t <= c.last)) c.last = t;
    }
  }
  const cycleId = [...cycles]
    .sort(([, a], [, b]) => newestFirst(a.last, b.last))
    .slice(0, MAX_CYCLES)
    .map(([id, c]) => {
      const f: FacetValue = { value: store.strings[id]!, count: c.count, first: c.first, last: c.last };
      const app = store.strings[jobApp.get(c.job) ?? 0];
      if (app) f.detail = app;
      return f;
    });

  const codeCounts = countIds(store, 'errorCode');
  const errorCode = toFacets(store, codeCounts, (id) => lookupErrorCode(store.strings[id]!).entry.title);

  const types = new Map<string, FacetValue>();
  const srcType = store.column('sourceType');
  const tgtType = store.column('targetType');
  for (let i = 0; i < n; i++) {
    // As QueryEngine does: the source's type, the target's when the source has none.
    const raw = store.strings[srcType[i] || tgtType[i]!]!;
    if (raw === '') continue;
    const key = identityTypeKey(raw);
    const f = types.get(key);
    if (f === undefined) types.set(key, { value: key, count: 1, detail: raw.slice(raw.lastIndexOf(':') + 1) });
    else f.count++;
  }

  return {
    status,
    action,
    jobId,
    cycleId,
    cyclesTotal: cycles.size,
    sourceSystem: toFacets(store, countIds(store, 'sourceSystem')),
    targetSystem: toFacets(store, countIds(store, 'targetSystem')),
    application: toFacets(store, countIds(store, 'appName')),
    errorCode,
    identityType: [...types.values()].sort(byCount),
  };
}

function countIds(store: EventStore, field: StringField, each?: (i: number, id: number) => void): Map<number, number> {
  const col = store.column(field);
  const counts = new Map<number, number>();
  for (let i = 0; i < col.length; i++) {
    const id = col[i]!;
    if (id === 0) continue;
    counts.set(id, (counts.get(id) ?? 0) + 1);
    each?.(i, id);
  }
  return counts;
}

function toFacets(store: EventStore, counts: Map<number, number>, detail?: (id: number) => string | undefined): FacetValue[] {
  const out: FacetValue[] = [];
  for (const [id, count] of counts) {
    // A filter value is matched as "contains": its first characters are enough, and keep messages small.
    const f: FacetValue = { value: store.strings[id]!.slice(0, 1000), count };
    const d = detail?.(id);
    if (d) f.detail = d;
    out.push(f);
  }
  return out.sort(byCount).slice(0, MAX_VALUES);
}

function byCount(a: FacetValue, b: FacetValue): number {
  return b.count - a.count || a.value.localeCompare(b.value);
}

function newestFirst(a: number, b: number): number {
  if (Number.isNaN(a)) return Number.isNaN(b) ? 0 : 1;
  if (Number.isNaN(b)) return -1;
  return b - a;
}
