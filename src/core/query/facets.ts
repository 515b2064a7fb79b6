/**
 * The values a log actually holds for each filter, with how many events carry each: what the
 * filter picker offers (the portal offers values from the tenant; we offer the file's). Counted on
 * interned ids in one pass per field.
 */
import { identityTypeKey } from './engine';
import { ACTIONS, STATUSES, type Action, type Status, type StringField } from '../common/record';
import type { EventStore } from '../model/store';

export interface FacetValue<T extends string = string> {
  value: T;
  count: number;
}

/** Distinct non-empty values of a text field, the most frequent first (ties by value). */
export function facetValues(store: EventStore, field: StringField): FacetValue[] {
  const col = store.column(field);
  const counts = new Uint32Array(store.strings.length);
  for (let i = 0; i < store.size; i++) counts[col[i]!]!++;
  const out: FacetValue[] = [];
  for (let id = 1; id < counts.length; id++) if (counts[id]! > 0) out.push({ value: store.strings[id]!, count: counts[id]! });
  return out.sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
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
  const src = store.column('sourceType');
  const tgt = store.column('targetType');
  const byKey = new Map<number, number>();
  for (let i = 0; i < store.size; i++) {
    const id = src[i] !== 0 ? src[i]! : tgt[i]!;
    if (id !== 0) byKey.set(id, (byKey.get(id) ?? 0) + 1);
  }
  const merged = new Map<string, number>();
  for (const [id, n] of byKey) {
    const key = identityTypeKey(store.strings[id]!);
    if (key !== '') merged.set(key, (merged.get(key) ?? 0) + n);
  }
  return [...merged].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : 1));
}

function ordinalFacet<T extends string>(column: Uint8Array, names: readonly T[], size: number): FacetValue<T>[] {
  const counts = new Array<number>(names.length).fill(0);
  for (let i = 0; i < size; i++) counts[column[i]!]!++;
  return names.map((value, k) => ({ value, count: counts[k]! })).filter((f) => f.count > 0);
}
