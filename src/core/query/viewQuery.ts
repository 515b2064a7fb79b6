/**
 * The viewer's query: a filter and a sort → matching event indices in display order, within a few
 * milliseconds at 100,000 events. The full sort order of each column is computed once and kept; a
 * filter then walks that order once, testing typed columns, and keeps what matches, so a filter
 * change never sorts. "Contains" filters use a TextMatcher that tests only the strings of their own
 * fields and narrows from the previous keystroke's answer. Results are identical to
 * QueryEngine.run (the unit tests check it); it answers for identity types and date windows.
 */
// eslint-disable-next-line no-restricted-imports -- until the viewer's query and QueryEngine are one engine
import type { LoadedLog } from '../log/loadedLog';
import { distinctValues, ordinalSet, TEXT_FILTER_FIELDS } from './engine';
import { ACTIONS, STATUSES } from '../common/record';
import { FLAG_CHANGED } from '../model/store';
import { TEXT_FILTER_KEYS, isExact, type TextFilterKey, type EventFilter } from '../common/filter';
import { needleOf, type TextMatcher } from './textMatcher';
import { type SortDirection, type SortKey } from '../common/columns';

export interface ViewSort {
  key: SortKey;
  dir: SortDirection;
}

interface TextTest {
  cols: Uint32Array[];
  hit: Uint8Array;
}

export class ViewQuery {
  readonly matcher: TextMatcher;
  private readonly scopes = new Map<TextFilterKey, Uint32Array>();
  private readonly joinedScopes = new Set<TextFilterKey>();

  constructor(private readonly model: LoadedLog) {
    this.matcher = model.query.matcher;
  }

  /** Indices of the events `filter` lets through, ordered by `sort`. `now` is injectable for tests. */
  run(filter: EventFilter, sort: ViewSort, now = Date.now()): Uint32Array {
    const { store } = this.model;
    const order = this.order(sort);
    // Identity types need QueryEngine's URN matching: rare, so it answers for them.
    let base: Uint8Array | undefined;
    if ((filter.identityType?.length ?? 0) > 0) {
      base = new Uint8Array(store.size);
      const matched = this.model.query.run({ identityType: filter.identityType! }, now);
      for (let k = 0; k < matched.length; k++) base[matched[k]!] = 1;
    }
    let status = ordinals(STATUSES, filter.status);
    if (filter.hideSkipped) {
      status ??= new Uint8Array(STATUSES.length).fill(1);
      status[STATUSES.indexOf('skipped')] = 0;
    }
    return this.scan(order, base, status, ordinals(ACTIONS, filter.action), filter, now);
  }

  /** One pass over the sort order keeping what every part of the filter lets through. */
  private scan(order: Uint32Array, base: Uint8Array | undefined, status: Uint8Array | undefined, action: Uint8Array | undefined, filter: EventFilter, now: number): Uint32Array {
    const { store } = this.model;
    const [since, until] = this.model.query.bounds(filter, now);
    const timed = since !== undefined || until !== undefined;
    const lo = since ?? -Infinity;
    const hi = until ?? Infinity;
    const changes = filter.changesOnly === true;
    const tests: TextTest[] = [];
    for (const key of TEXT_FILTER_KEYS) {
      const needle = needleOf(filter[key]);
      if (needle === undefined) continue;
      const fields = TEXT_FILTER_FIELDS[key];
      const hit = isExact(filter, key) ? this.model.query.equalHits(fields, needle) : this.matcher.hits(needle, key, () => this.scope(key));
      tests.push({ cols: fields.map((f) => store.column(f)), hit });
    }
    if (base === undefined && status === undefined && action === undefined && !timed && !changes && tests.length === 0) return order;
    const out = new Uint32Array(order.length);
    let n = 0;
    const st = store.status;
    const ac = store.action;
    const time = store.time;
    const flags = store.flags;
    outer: for (let k = 0; k < order.length; k++) {
      const i = order[k]!;
      if (base !== undefined && base[i] === 0) continue;
      if (status !== undefined && status[st[i]!] === 0) continue;
      if (action !== undefined && action[ac[i]!] === 0) continue;
      if (changes && (flags[i]! & FLAG_CHANGED) === 0) continue;
      if (timed) {
        const t = time[i]!;
        if (!(t >= lo && t <= hi)) continue;
      }
      for (const t of tests) {
        let any = false;
        for (const col of t.cols) {
          if (t.hit[col[i]!] === 1) {
            any = true;
            break;
          }
        }
        if (!any) continue outer;
      }
      out[n++] = i;
    }
    return out.slice(0, n);
  }

  /**
   * Prepares for the first search while the page is idle, a slice at a time: lower-cases the
   * strings, then finds the strings of the free-text and identity filters. Returns true when done.
   */
  warm(): boolean {
    if (!this.matcher.warm(20_000)) return false;
    for (const key of ['text', 'identity'] as const) {
      if (this.joinedScopes.has(key)) continue;
      if (this.matcher.join(key, this.scope(key))) this.joinedScopes.add(key);
      return false;
    }
    return true;
  }

  /** The distinct string ids of a text filter's fields: only they need testing. */
  private scope(key: TextFilterKey): Uint32Array {
    let s = this.scopes.get(key);
    if (s === undefined) {
      const { query } = this.model;
      const fields = TEXT_FILTER_FIELDS[key];
      // One field: its cached list as it is, no copy.
      s = fields.length === 1 ? query.distinctIds(fields[0]!) : distinctValues(fields.map((f) => query.distinctIds(f)), this.model.store.strings.length);
      this.scopes.set(key, s);
    }
    return s;
  }

  /** Every event in the order of `sort` (the log's sorter keeps it). */
  order(sort: ViewSort): Uint32Array {
    return this.model.sorter.orderOfAll(sort.key, sort.dir);
  }
}

/** undefined when nothing is chosen: the scan then skips the test instead of passing every event. */
function ordinals<T extends string>(all: readonly T[], wanted: readonly T[] | undefined): Uint8Array | undefined {
  return wanted === undefined || wanted.length === 0 ? undefined : ordinalSet(all, wanted);
}

/** Where `index` stands in a result (-1: filtered out). */
export function positionOf(result: Uint32Array, index: number): number {
  return result.indexOf(index);
}
