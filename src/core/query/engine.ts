/**
 * The one query engine of a log: a filter (and, for the viewer, a sort) → the matching event
 * indices, within a few milliseconds at 100,000 events. The viewer, the palette, the tree and the
 * CLI all ask it. Filters combine: the portal's set (identity, date, status, action, job, cycle,
 * change, source, target, application) and more (identity type, error code, free text, hide
 * skipped, changes only). Text filters are case-insensitive substrings, matched once per distinct
 * interned value of their own fields (TextMatcher, which narrows from the previous keystroke's
 * answer), never once per event. A filter then walks one order (file order, or a sort order the
 * sorter computed once per column) and keeps what matches, typed-column tests first, so a filter
 * change never sorts.
 */
import { ACTIONS, STATUSES, STRING_FIELDS, type StringField } from '../common/record';
import { FLAG_CHANGED, type EventStore } from '../model/store';
import { TEXT_FILTER_KEYS, WINDOW_MS, isExact, type EventFilter, type TextFilterKey } from '../common/filter';
import type { SortDirection, SortKey } from '../common/columns';
import { needleOf, TextMatcher } from './textMatcher';
import { Sorter } from './sort';
import { distinctValues, identityTypeKey, ordinals } from './idSets';

export interface ViewSort {
  key: SortKey;
  dir: SortDirection;
}

/** Fields each text filter looks at. */
export const TEXT_FILTER_FIELDS: Readonly<Record<TextFilterKey, readonly StringField[]>> = {
  identity: ['sourceName', 'sourceId', 'targetName', 'targetId'],
  jobId: ['jobId'],
  cycleId: ['cycleId'],
  changeId: ['changeId'],
  sourceSystem: ['sourceSystem'],
  targetSystem: ['targetSystem'],
  application: ['appName', 'appId'],
  errorCode: ['errorCode'],
  // The raw timestamp text is left out: dates have their own filter.
  text: STRING_FIELDS.filter((f) => f !== 'activityDateTime'),
};

interface TextTest {
  cols: Uint32Array[];
  hit: Uint8Array;
}

/** The identity-type test: the source's type, else (no source type) the target's. */
interface TypeTest {
  src: Uint32Array;
  tgt: Uint32Array;
  srcHit: Uint8Array;
  tgtHit: Uint8Array;
}

export class QueryEngine {
  /** The log's one "contains" matcher: its strings are lower-cased and joined once per log. */
  readonly matcher: TextMatcher;
  private _sorter?: Sorter;
  private readonly distinct = new Map<StringField, Uint32Array>();
  private readonly scopes = new Map<TextFilterKey, Uint32Array>();
  private readonly joinedScopes = new Set<TextFilterKey>();
  private newest = NaN;

  constructor(readonly store: EventStore) {
    this.matcher = new TextMatcher(store);
    for (let i = 0; i < store.size; i++) {
      const t = store.time[i]!;
      if (!(t <= this.newest)) this.newest = t;
    }
  }

  /** The log's one sorter: its ranks and whole-log orders serve every view (viewer, tree, pickers). */
  get sorter(): Sorter {
    return (this._sorter ??= new Sorter(this.store));
  }

  /** Time of the newest event (epoch ms), NaN when none has a readable time. */
  get newestTime(): number {
    return this.newest;
  }

  /**
   * Indices of the events `filter` lets through, ordered by `sort` (file order without one). With a
   * sort and nothing filtered, the sorter's kept order itself (not a copy). `now` is injectable for tests.
   */
  run(filter: EventFilter, sort?: ViewSort, now = Date.now()): Uint32Array {
    const { store } = this;
    let status = ordinals(STATUSES, filter.status);
    if (filter.hideSkipped) {
      status ??= new Uint8Array(STATUSES.length).fill(1);
      status[STATUSES.indexOf('skipped')] = 0;
    }
    const action = ordinals(ACTIONS, filter.action);
    const types = this.typeTest(filter.identityType);
    const [since, until] = this.bounds(filter, now);
    const timed = since !== undefined || until !== undefined;
    const lo = since ?? -Infinity;
    const hi = until ?? Infinity;
    const changes = filter.changesOnly === true;
    const tests: TextTest[] = [];
    for (const key of TEXT_FILTER_KEYS) {
      const needle = needleOf(filter[key]);
      if (needle === undefined) continue;
      const hit = isExact(filter, key) ? this.equalHits(key, needle) : this.matcher.hits(needle, key, () => this.scope(key));
      tests.push({ cols: TEXT_FILTER_FIELDS[key].map((f) => store.column(f)), hit });
    }
    const order = sort ? this.order(sort) : fileOrder(store.size);
    if (types === undefined && status === undefined && action === undefined && !timed && !changes && tests.length === 0) return order;
    const out = new Uint32Array(order.length);
    let n = 0;
    const st = store.status;
    const ac = store.action;
    const time = store.time;
    const flags = store.flags;
    outer: for (let k = 0; k < order.length; k++) {
      const i = order[k]!;
      if (status !== undefined && status[st[i]!] === 0) continue;
      if (action !== undefined && action[ac[i]!] === 0) continue;
      if (changes && (flags[i]! & FLAG_CHANGED) === 0) continue;
      if (timed) {
        const t = time[i]!;
        if (!(t >= lo && t <= hi)) continue;
      }
      if (types !== undefined) {
        const s = types.src[i]!;
        if (types.srcHit[s] !== 1 && (s !== 0 || types.tgtHit[types.tgt[i]!] !== 1)) continue;
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

  /** Every event in the order of `sort` (the sorter keeps it). */
  order(sort: ViewSort): Uint32Array {
    return this.sorter.orderOfAll(sort.key, sort.dir);
  }

  /** The absolute [since, until] a filter stands for. */
  bounds(filter: EventFilter, now = Date.now()): [number | undefined, number | undefined] {
    let since = filter.since;
    let until = filter.until;
    if (filter.window) {
      const anchor = filter.windowFrom === 'now' || Number.isNaN(this.newest) ? now : this.newest;
      const from = anchor - WINDOW_MS[filter.window];
      since = since === undefined ? from : Math.max(since, from);
      if (filter.windowFrom === 'now') until = until === undefined ? now : Math.min(until, now);
    }
    return [since, until];
  }

  /**
   * Prepares for the first search while the page is idle, a slice at a time: lower-cases the
   * strings, then joins the strings of the free-text and identity filters. Returns true when done.
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

  /** Distinct string ids present in a column (cached). */
  distinctIds(field: StringField): Uint32Array {
    let d = this.distinct.get(field);
    if (d === undefined) {
      d = distinctValues([this.store.column(field)], this.store.strings.length);
      this.distinct.set(field, d);
    }
    return d;
  }

  /** A per-string-id flag array: 1 where a value of the filter's fields is `needle` as a whole (lower-cased, trimmed). */
  private equalHits(key: TextFilterKey, needle: string): Uint8Array {
    const hit = new Uint8Array(this.store.strings.length);
    for (const id of this.scope(key)) if (this.matcher.lowerOf(id).trim() === needle) hit[id] = 1;
    return hit;
  }

  /** The distinct string ids of a text filter's fields: only they need testing. */
  private scope(key: TextFilterKey): Uint32Array {
    let s = this.scopes.get(key);
    if (s === undefined) {
      const fields = TEXT_FILTER_FIELDS[key];
      // One field: its cached list as it is, no copy.
      s = fields.length === 1 ? this.distinctIds(fields[0]!) : distinctValues(fields.map((f) => this.distinctIds(f)), this.store.strings.length);
      this.scopes.set(key, s);
    }
    return s;
  }

  /** `user` matches `User` and the SCIM user URN: per distinct type string, whether its key is wanted. */
  private typeTest(wanted: readonly string[] | undefined): TypeTest | undefined {
    if (wanted === undefined || wanted.length === 0) return undefined;
    const keys = wanted.map((t) => t.toLowerCase());
    const hit = (field: StringField): Uint8Array => {
      const flags = new Uint8Array(this.store.strings.length);
      for (const id of this.distinctIds(field)) if (keys.includes(identityTypeKey(this.matcher.lowerOf(id)))) flags[id] = 1;
      return flags;
    };
    return { src: this.store.column('sourceType'), tgt: this.store.column('targetType'), srcHit: hit('sourceType'), tgtHit: hit('targetType') };
  }
}

/** Where `index` stands in a result (-1: filtered out). */
export function positionOf(result: Uint32Array, index: number): number {
  return result.indexOf(index);
}

function fileOrder(size: number): Uint32Array {
  const all = new Uint32Array(size);
  for (let i = 0; i < size; i++) all[i] = i;
  return all;
}
