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
  const status = statusFacet(store).map((f) => ({ ...f, detail: STATUS_LABELS[f.value] }));
  const action = actionFacet(store).map((f) => ({ ...f, detail: ACTION_LABELS[f.value] }));
  const counter = new IdCounter(store.strings.length);

  const appCol = store.column('appName');
  const targetCol = store.column('targetSystem');
  // A job's application: that of the first event of the job.
  const jobCol = store.column('jobId');
  const jobApp = new Map<number, number>();
  const jobs = counter.count(jobCol);
  jobs.ids.forEach((id, k) => jobApp.set(id, appCol[jobs.firstAt[k]!] || targetCol[jobs.firstAt[k]!]!));
  const jobId = toFacets(store, jobs, (id) => store.strings[jobApp.get(id) ?? 0] || undefined);

  const cycleCol = store.column('cycleId');
  const cycles = counter.count(cycleCol);
  const [first, last] = counter.timeRanges(cycleCol, cycles.ids, store.time);
  const cycleId = cycles.ids
    .map((_, k) => k)
    .sort((a, b) => newestFirst(last[a]!, last[b]!))
    .slice(0, MAX_CYCLES)
    .map((k) => {
      const f: FacetValue = { value: store.strings[cycles.ids[k]!]!, count: cycles.counts[k]!, first: first[k]!, last: last[k]! };
      const app = store.strings[jobApp.get(jobCol[cycles.firstAt[k]!]!) ?? 0];
      if (app) f.detail = app;
      return f;
    });

  const errorCode = toFacets(store, counter.count(store.column('errorCode')), (id) => lookupErrorCode(store.strings[id]!).entry.title);

  const identityType = [...identityTypeCounts(store)].map(([value, t]) => ({ value, count: t.count, detail: t.raw.slice(t.raw.lastIndexOf(':') + 1) }));

  return {
    status,
    action,
    jobId,
    cycleId,
    cyclesTotal: cycles.ids.length,
    sourceSystem: toFacets(store, counter.count(store.column('sourceSystem'))),
    targetSystem: toFacets(store, counter.count(store.column('targetSystem'))),
    application: toFacets(store, counter.count(store.column('appName'))),
    errorCode,
    identityType: identityType.sort(byCount),
  };
}

/** A column's distinct non-empty ids in the order first met, how many events hold each, and the first such event. */
interface IdCounts {
  ids: number[];
  counts: number[];
  firstAt: number[];
}

/**
 * Counts events per interned id in one typed array shared by every column's pass and left zeroed
 * after each: a Map per column would cost a hash lookup per event (a quarter of a second for the
 * facets of 930,000 events).
 */
class IdCounter {
  private readonly scratch: Uint32Array;

  constructor(strings: number) {
    this.scratch = new Uint32Array(strings);
  }

  count(col: Uint32Array): IdCounts {
    const { scratch } = this;
    const ids: number[] = [];
    const firstAt: number[] = [];
    for (let i = 0; i < col.length; i++) {
      const id = col[i]!;
      if (id !== 0 && scratch[id]!++ === 0) {
        ids.push(id);
        firstAt.push(i);
      }
    }
    const counts = ids.map((id) => scratch[id]!);
    for (const id of ids) scratch[id] = 0;
    return { ids, counts, firstAt };
  }

  /** Per id of `ids` (a count of `col`), the oldest and newest readable time of its events (NaN: none). */
  timeRanges(col: Uint32Array, ids: readonly number[], time: Float64Array): [Float64Array, Float64Array] {
    const { scratch } = this;
    ids.forEach((id, k) => (scratch[id] = k + 1));
    const first = new Float64Array(ids.length).fill(NaN);
    const last = new Float64Array(ids.length).fill(NaN);
    for (let i = 0; i < col.length; i++) {
      const slot = scratch[col[i]!]!;
      const t = time[i]!;
      if (slot === 0 || Number.isNaN(t)) continue;
      if (!(t >= first[slot - 1]!)) first[slot - 1] = t;
      if (!(t <= last[slot - 1]!)) last[slot - 1] = t;
    }
    for (const id of ids) scratch[id] = 0;
    return [first, last];
  }
}

function toFacets(store: EventStore, counted: IdCounts, detail?: (id: number) => string | undefined): FacetValue[] {
  const out: FacetValue[] = [];
  counted.ids.forEach((id, k) => {
    // A filter value is matched as "contains": its first characters are enough, and keep messages small.
    const f: FacetValue = { value: store.strings[id]!.slice(0, 1000), count: counted.counts[k]! };
    const d = detail?.(id);
    if (d) f.detail = d;
    out.push(f);
  });
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
