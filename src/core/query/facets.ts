/**
 * The values each filter can take in this file, with how many events have them: only the statuses,
 * actions, jobs, cycles, systems, applications, error codes and identity types present are offered,
 * as the portal offers only what the tenant has (we offer the file's). Counted on interned ids and
 * ordinals in one pass per column (no string work per event), so it costs a few milliseconds at
 * 100,000 events. buildFacets is what the viewer's Filter menus get (capped, with details); the
 * per-filter functions below it are the palette's pickers (every value).
 */
import { lookupErrorCode } from '../catalog/catalog';
import { ACTIONS, ACTION_LABELS, STATUSES, STATUS_LABELS, type Action, type Status, type StringField } from '../common/record';
import type { FacetValue } from '../common/filter';
import { identityTypeKey } from './idSets';
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
  const status = statusFacet(store).map((f) => ({ ...f, detail: STATUS_LABELS[f.value] }));
  const action = actionFacet(store).map((f) => ({ ...f, detail: ACTION_LABELS[f.value] }));

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

  const identityType = [...identityTypeCounts(store)].map(([value, t]) => ({ value, count: t.count, detail: t.raw.slice(t.raw.lastIndexOf(':') + 1) }));

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
    identityType: identityType.sort(byCount),
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

/** Distinct non-empty values of a text field, the most frequent first (ties by value). */
export function facetValues(store: EventStore, field: StringField): FacetValue[] {
  const col = store.column(field);
  const counts = new Uint32Array(store.strings.length);
  for (let i = 0; i < store.size; i++) counts[col[i]!]!++;
  const out: FacetValue[] = [];
  for (let id = 1; id < counts.length; id++) if (counts[id]! > 0) out.push({ value: store.strings[id]!, count: counts[id]! });
  return out.sort(byCountThenCodeUnits);
}

export function statusFacet(store: EventStore): FacetValue<Status>[] {
  return ordinalFacet(store.status, STATUSES, store.size);
}

export function actionFacet(store: EventStore): FacetValue<Action>[] {
  return ordinalFacet(store.action, ACTIONS, store.size);
}

/**
 * Identity types as the query's identityType filter matches them (`User` and the SCIM user URN
 * are both `user`): the source's type, else the target's.
 */
export function identityTypeFacet(store: EventStore): FacetValue[] {
  const out: FacetValue[] = [];
  for (const [value, t] of identityTypeCounts(store)) if (value !== '') out.push({ value, count: t.count });
  return out.sort(byCountThenCodeUnits);
}

/** Events per identity-type key (as QueryEngine matches them), with the first raw type met for each. */
function identityTypeCounts(store: EventStore): Map<string, { count: number; raw: string }> {
  const src = store.column('sourceType');
  const tgt = store.column('targetType');
  const byId = new Uint32Array(store.strings.length);
  const firstMet: number[] = [];
  for (let i = 0; i < store.size; i++) {
    const id = src[i] || tgt[i]!;
    if (id !== 0 && byId[id]!++ === 0) firstMet.push(id);
  }
  const out = new Map<string, { count: number; raw: string }>();
  for (const id of firstMet) {
    const raw = store.strings[id]!;
    const key = identityTypeKey(raw);
    const t = out.get(key);
    if (t === undefined) out.set(key, { count: byId[id]!, raw });
    else t.count += byId[id]!;
  }
  return out;
}

function ordinalFacet<T extends string>(column: Uint8Array, names: readonly T[], size: number): FacetValue<T>[] {
  const counts = new Array<number>(names.length).fill(0);
  for (let i = 0; i < size; i++) counts[column[i]!]!++;
  return names.map((value, k) => ({ value, count: counts[k]! })).filter((f) => f.count > 0);
}

function byCountThenCodeUnits(a: FacetValue, b: FacetValue): number {
  return b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0);
}
