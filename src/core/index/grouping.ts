/**
 * The tree's alternative groupings of a log's events: by identity (one user's or group's history
 * across cycles), by error code, by status. Every event lands in exactly one group of each grouping,
 * so any event can be revealed whatever the grouping.
 *
 * Built for 100,000 events and tens of thousands of identities: keys are interned string ids, the
 * events are taken in one newest-first order computed once per store, groups live in typed arrays
 * (one array of events that each group views a slice of), and a group becomes an object only when
 * asked for (the tree asks for a page). Regrouping costs a few passes over typed arrays.
 */
import { STATUSES, type Status, type StatusCounts } from '../common/record';
import type { SortedStore } from '../query/sort';
import type { EventStore } from '../model/store';

export type GroupKind = 'identity' | 'errorCode' | 'status';

export interface EventGroup {
  /** Stable within a log, for element ids: identity key, error code, or status. */
  key: string;
  /** What the tree shows: the identity's name, the code, the status. */
  label: string;
  /** Event indices, newest first. */
  events: Uint32Array;
  counts: StatusCounts;
  /** Time of the newest event (epoch ms; NaN when none had a time). */
  last: number;
}

/** Status order of the by-status grouping: what needs attention first. */
export const STATUS_GROUP_ORDER: readonly Status[] = ['failure', 'warning', 'skipped', 'success'];

/** identityKeyOf's prefixes, by the field the key came from. */
const KEY_PREFIXES = ['id', 'name', 'target', 'targetName'] as const;
const FAILURE = STATUSES.indexOf('failure');

/** Every event index, newest first; events without a time last, in file order (the log's sorter keeps it). */
export function newestFirstOrder(log: SortedStore): Uint32Array {
  return log.sorter.orderOfAll('time', 'desc');
}

/**
 * The key that says two events are about the same object: the source identity's id, else its name,
 * else the target's id or name ('' when the event names no identity at all).
 */
export function identityKeyOf(store: EventStore, i: number): string {
  const sourceId = store.get('sourceId', i);
  if (sourceId !== '') return `id:${sourceId}`;
  const name = store.get('sourceName', i);
  if (name !== '') return `name:${name}`;
  const targetId = store.get('targetId', i);
  if (targetId !== '') return `target:${targetId}`;
  const targetName = store.get('targetName', i);
  return targetName === '' ? '' : `targetName:${targetName}`;
}

/** The name to show for an event's identity. */
export function identityLabelOf(store: EventStore, i: number): string {
  return store.get('sourceName', i) || store.get('targetName', i) || store.get('sourceId', i) || store.get('targetId', i);
}

/** The groups of one grouping, in display order; group objects are made on demand. */
export class Grouping {
  private readonly made = new Map<number, EventGroup>();

  constructor(
    readonly kind: GroupKind,
    /** Position (display order) of each event's group. */
    readonly groupOf: Int32Array,
    /** Every event, grouped: group at position p holds events[starts[p]..starts[p + 1]), newest first. */
    private readonly events: Uint32Array,
    private readonly starts: Int32Array,
    /** The raw key of each group (an interned string id, or a status ordinal; -1: none). */
    private readonly rawKeys: Int32Array,
    private readonly store: EventStore,
    private readonly describe: (rawKey: number, events: Uint32Array) => { key: string; label: string },
  ) {}

  get size(): number {
    return this.rawKeys.length;
  }

  /** The group at display position `p`. */
  group(p: number): EventGroup {
    let g = this.made.get(p);
    if (g !== undefined) return g;
    const events = this.events.subarray(this.starts[p]!, this.starts[p + 1]!);
    const counts: StatusCounts = { total: events.length, success: 0, failure: 0, skipped: 0, warning: 0 };
    const status = this.store.status;
    for (let k = 0; k < events.length; k++) counts[STATUSES[status[events[k]!]!]!]++;
    g = { ...this.describe(this.rawKeys[p]!, events), events, counts, last: this.store.time[events[0]!]! };
    this.made.set(p, g);
    return g;
  }

  /** Every group as an object: O(groups), for small groupings and tests; the tree pages with group(). */
  allGroups(): EventGroup[] {
    return Array.from({ length: this.size }, (_, p) => this.group(p));
  }
}

export function groupEvents(log: SortedStore, kind: GroupKind, options: { failuresFirst: boolean }): Grouping {
  const { store } = log;
  const order = newestFirstOrder(log);
  switch (kind) {
    case 'identity':
      return groupByIdentity(store, order, options.failuresFirst);
    case 'errorCode':
      return groupByErrorCode(store, order);
    case 'status':
      return groupByStatus(store, order);
  }
}

/** Buckets: each group's raw key and its events, in the order groups were first met (newest first). */
interface Buckets {
  rawKeys: Int32Array;
  starts: Int32Array;
  events: Uint32Array;
  /** Bucket of each event. */
  bucketOf: Int32Array;
}

/**
 * Events into buckets by a key in [-1, keySpace). Two passes over the newest-first order (count,
 * then place) fill one array: no per-group lists, no Map, whatever the number of groups. Buckets
 * are numbered as their newest events come, so bucket order is most-recently-active order.
 */
function bucket(store: EventStore, order: Uint32Array, keySpace: number, keyOf: (i: number) => number): Buckets {
  const slot = new Int32Array(keySpace + 1).fill(-1);
  const keys: number[] = [];
  const sizes: number[] = [];
  const bucketOf = new Int32Array(store.size);
  for (let k = 0; k < order.length; k++) {
    const i = order[k]!;
    const key = keyOf(i);
    const at = key < 0 ? keySpace : key;
    let b = slot[at]!;
    if (b < 0) {
      b = slot[at] = keys.length;
      keys.push(key);
      sizes.push(0);
    }
    sizes[b]!++;
    bucketOf[i] = b;
  }
  const starts = new Int32Array(keys.length + 1);
  for (let b = 0; b < keys.length; b++) starts[b + 1] = starts[b]! + sizes[b]!;
  const events = new Uint32Array(order.length);
  const next = starts.slice(0, keys.length);
  for (let k = 0; k < order.length; k++) {
    const i = order[k]!;
    events[next[bucketOf[i]!]!++] = i;
  }
  return { rawKeys: Int32Array.from(keys), starts, events, bucketOf };
}

/** The grouping with buckets shown in `display` order (bucket numbers); events re-laid to match. */
function arrange(store: EventStore, kind: GroupKind, b: Buckets, display: readonly number[] | undefined, describe: (rawKey: number, events: Uint32Array) => { key: string; label: string }): Grouping {
  if (display === undefined) return new Grouping(kind, b.bucketOf, b.events, b.starts, b.rawKeys, store, describe);
  const position = new Int32Array(display.length);
  display.forEach((bk, p) => (position[bk] = p));
  const starts = new Int32Array(display.length + 1);
  const events = new Uint32Array(b.events.length);
  const rawKeys = new Int32Array(display.length);
  display.forEach((bk, p) => {
    const from = b.starts[bk]!;
    const to = b.starts[bk + 1]!;
    events.set(b.events.subarray(from, to), starts[p]!);
    starts[p + 1] = starts[p]! + (to - from);
    rawKeys[p] = b.rawKeys[bk]!;
  });
  const groupOf = b.bucketOf;
  for (let i = 0; i < groupOf.length; i++) groupOf[i] = position[groupOf[i]!]!;
  return new Grouping(kind, groupOf, events, starts, rawKeys, store, describe);
}

/**
 * One group per identity (the same key as identityKeyOf, computed on interned ids), its history
 * newest first. With `failuresFirst`, identities whose latest event failed (still broken) come
 * first; otherwise, and within each part, the most recently active first (ties in file order).
 */
function groupByIdentity(store: EventStore, order: Uint32Array, failuresFirst: boolean): Grouping {
  const n = store.strings.length;
  const sourceId = store.column('sourceId');
  const sourceName = store.column('sourceName');
  const targetId = store.column('targetId');
  const targetName = store.column('targetName');
  // Unrolled: this runs once per event.
  const keyOf = (i: number): number => {
    let sid = sourceId[i]!;
    if (sid !== 0) return sid;
    if ((sid = sourceName[i]!) !== 0) return n + sid;
    if ((sid = targetId[i]!) !== 0) return 2 * n + sid;
    if ((sid = targetName[i]!) !== 0) return 3 * n + sid;
    return -1;
  };
  const b = bucket(store, order, 4 * n, keyOf);
  const describe = (raw: number, events: Uint32Array): { key: string; label: string } => {
    if (raw < 0) return { key: '', label: 'Unknown identity' };
    // The newest event that carries a display name (older records sometimes lack it), else an ID.
    let label = 0;
    for (let e = 0; e < events.length && label === 0; e++) label = sourceName[events[e]!]! || targetName[events[e]!]!;
    return { key: `${KEY_PREFIXES[Math.floor(raw / n)]}:${store.strings[raw % n]}`, label: label !== 0 ? store.strings[label]! : identityLabelOf(store, events[0]!) };
  };
  if (!failuresFirst) return arrange(store, 'identity', b, undefined, describe);
  // Buckets are already most-recently-active first: failures-first is a stable partition, not a sort.
  const failing: number[] = [];
  const others: number[] = [];
  for (let bk = 0; bk < b.rawKeys.length; bk++) (store.status[b.events[b.starts[bk]!]!] === FAILURE ? failing : others).push(bk);
  return arrange(store, 'identity', b, failing.length === 0 ? undefined : failing.concat(others), describe);
}

/** One group per error code as written, the most frequent first; events without a code last. */
function groupByErrorCode(store: EventStore, order: Uint32Array): Grouping {
  const col = store.column('errorCode');
  const b = bucket(store, order, store.strings.length, (i) => col[i]!);
  const size = (bk: number): number => b.starts[bk + 1]! - b.starts[bk]!;
  const code = (bk: number): string => store.strings[b.rawKeys[bk]!]!;
  const display = Array.from(b.rawKeys, (_, bk) => bk).sort((x, y) => Number(code(x) === '') - Number(code(y) === '') || size(y) - size(x) || compareText(code(x), code(y)));
  return arrange(store, 'errorCode', b, display, (raw) => {
    const c = store.strings[raw]!;
    return { key: c, label: c === '' ? 'No error code' : c };
  });
}

function groupByStatus(store: EventStore, order: Uint32Array): Grouping {
  const b = bucket(store, order, STATUSES.length, (i) => store.status[i]!);
  const rank = (bk: number): number => STATUS_GROUP_ORDER.indexOf(STATUSES[b.rawKeys[bk]!]!);
  const display = Array.from(b.rawKeys, (_, bk) => bk).sort((x, y) => rank(x) - rank(y));
  return arrange(store, 'status', b, display, (raw) => ({ key: STATUSES[raw]!, label: STATUSES[raw]! }));
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A cycle's (or any newest-first list's) events with failures moved to the front, order otherwise kept. */
export function failuresFirstOrder(store: EventStore, events: Uint32Array): Uint32Array {
  const out = new Uint32Array(events.length);
  let k = 0;
  for (const i of events) if (store.status[i] === FAILURE) out[k++] = i;
  for (const i of events) if (store.status[i] !== FAILURE) out[k++] = i;
  return out;
}
