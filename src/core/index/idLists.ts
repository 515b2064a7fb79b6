/**
 * IDs of chosen events, one kind at a time: the general form of the Microsoft article's PowerShell
 * recipes ("all job IDs in the file", "change IDs of the create events" = filter Action: Create,
 * then change IDs). Unique, in the order first met, empty values left out.
 */
import type { EventStore } from '../model/store';
import { type StringField } from '../common/record';

export type IdKind = 'job' | 'cycle' | 'change' | 'sourceId' | 'targetId';

export const ID_FIELDS: Readonly<Record<IdKind, StringField>> = {
  job: 'jobId',
  cycle: 'cycleId',
  change: 'changeId',
  sourceId: 'sourceId',
  targetId: 'targetId',
};

export const ID_LABELS: Readonly<Record<IdKind, { one: string; many: string }>> = {
  job: { one: 'job ID', many: 'job IDs' },
  cycle: { one: 'cycle ID', many: 'cycle IDs' },
  change: { one: 'change ID', many: 'change IDs' },
  sourceId: { one: 'source object ID', many: 'source object IDs' },
  targetId: { one: 'target object ID', many: 'target object IDs' },
};

export function isIdKind(v: unknown): v is IdKind {
  return typeof v === 'string' && Object.prototype.hasOwnProperty.call(ID_FIELDS, v);
}

/** Unique non-empty IDs of `kind` among `indices`, first-met order. */
export function collectIds(store: EventStore, indices: ArrayLike<number>, kind: IdKind): string[] {
  const col = store.column(ID_FIELDS[kind]);
  const seen = new Uint8Array(store.strings.length);
  const out: string[] = [];
  for (let k = 0; k < indices.length; k++) {
    const id = col[indices[k]!]!;
    if (id === 0 || seen[id] === 1) continue;
    seen[id] = 1;
    out.push(store.strings[id]!);
  }
  return out;
}
