/**
 * Filters over a store, all combinable: the portal's set (identity, date, status, action, job, cycle,
 * change, source, target, application) and more (identity type, error code, free text, hide skipped,
 * changes only). Text filters are case-insensitive substrings. They are matched once per distinct
 * interned value rather than once per event, which keeps a filter change within milliseconds at
 * 100,000 events.
 */
import { ACTIONS, STATUSES, STRING_FIELDS, type StringField } from '../common/record';
import { FLAG_CHANGED, type EventStore } from '../model/store';
import { WINDOW_MS, isExact, type EventFilter, type TextFilterKey } from '../common/filter';
import { TextMatcher } from './textMatcher';

/** The matcher scope of free text over every interned string (the viewer's scopes are filter keys). */
const EVERY_STRING = '*';

/** Fields each text filter looks at; the viewer's ViewQuery must match exactly what run() does. */
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

export class QueryEngine {
  /**
   * The log's one "contains" matcher: the viewer's ViewQuery uses it too, so a large log holds its
   * strings lower-cased and joined once, not once per search engine.
   */
  readonly matcher: TextMatcher;
  private readonly distinct = new Map<StringField, Uint32Array>();
  private newest = NaN;
  private everyStringJoined = false;

  constructor(readonly store: EventStore) {
    this.matcher = new TextMatcher(store);
    for (let i = 0; i < store.size; i++) {
      const t = store.time[i]!;
      if (!(t <= this.newest)) this.newest = t;
    }
  }

  /** Time of the newest event (epoch ms), NaN when none has a readable time. */
  get newestTime(): number {
    return this.newest;
  }

  /** Indices of matching events, in file order. `now` is injectable for tests. */
  run(filter: EventFilter, now = Date.now()): Uint32Array {
    const { store } = this;
    // Cheap numeric tests first, text tests after them: most events are settled before any text is looked at.
    const tests: ((i: number) => boolean)[] = [];
    const textTests: ((i: number) => boolean)[] = [];
    const textTest = (fields: readonly StringField[], needle: string | undefined, exact = false): void => {
      const n = needle?.split('\u0000').join('').trim().toLowerCase();
      if (!n) return;
      const hit = exact ? this.equalHits(fields, n) : this.containing(n);
      const cols = fields.map((f) => store.column(f));
      textTests.push((i) => {
        for (const col of cols) if (hit[col[i]!] === 1) return true;
        return false;
      });
    };
    textTest(TEXT_FILTER_FIELDS.identity, filter.identity, isExact(filter, 'identity'));
    textTest(TEXT_FILTER_FIELDS.jobId, filter.jobId, isExact(filter, 'jobId'));
    textTest(TEXT_FILTER_FIELDS.cycleId, filter.cycleId, isExact(filter, 'cycleId'));
    textTest(TEXT_FILTER_FIELDS.changeId, filter.changeId, isExact(filter, 'changeId'));
    textTest(TEXT_FILTER_FIELDS.sourceSystem, filter.sourceSystem, isExact(filter, 'sourceSystem'));
    textTest(TEXT_FILTER_FIELDS.targetSystem, filter.targetSystem, isExact(filter, 'targetSystem'));
    textTest(TEXT_FILTER_FIELDS.application, filter.application, isExact(filter, 'application'));
    textTest(TEXT_FILTER_FIELDS.errorCode, filter.errorCode, isExact(filter, 'errorCode'));
    textTest(TEXT_FILTER_FIELDS.text, filter.text);
    if (filter.identityType && filter.identityType.length > 0) {
      const wanted = filter.identityType.map((t) => t.toLowerCase());
      const hit = (f: StringField): Uint8Array => this.matching(f, (s) => wanted.includes(identityTypeKey(s)));
      const src = store.column('sourceType');
      const tgt = store.column('targetType');
      const srcHit = hit('sourceType');
      const tgtHit = hit('targetType');
      tests.push((i) => srcHit[src[i]!] === 1 || (src[i] === 0 && tgtHit[tgt[i]!] === 1));
    }
    if (filter.status && filter.status.length > 0) {
      const ok = ordinalSet(STATUSES, filter.status);
      tests.push((i) => ok[store.status[i]!] === 1);
    }
    if (filter.hideSkipped) tests.push((i) => STATUSES[store.status[i]!] !== 'skipped');
    if (filter.action && filter.action.length > 0) {
      const ok = ordinalSet(ACTIONS, filter.action);
      tests.push((i) => ok[store.action[i]!] === 1);
    }
    if (filter.changesOnly) tests.push((i) => (store.flags[i]! & FLAG_CHANGED) !== 0);
    const [since, until] = this.bounds(filter, now);
    if (since !== undefined || until !== undefined) {
      const lo = since ?? -Infinity;
      const hi = until ?? Infinity;
      tests.push((i) => {
        const t = store.time[i]!;
        return t >= lo && t <= hi;
      });
    }
    tests.push(...textTests);
    const out = new Uint32Array(store.size);
    let k = 0;
    outer: for (let i = 0; i < store.size; i++) {
      for (const t of tests) if (!t(i)) continue outer;
      out[k++] = i;
    }
    return out.slice(0, k);
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

  /** Distinct string ids present in a column (cached). */
  distinctIds(field: StringField): Uint32Array {
    let d = this.distinct.get(field);
    if (d === undefined) {
      d = distinctValues([this.store.column(field)], this.store.strings.length);
      this.distinct.set(field, d);
    }
    return d;
  }

  /** A per-string-id flag array: 1 where the value of one of `fields` is `needle` as a whole (lower-cased, trimmed). */
  equalHits(fields: readonly StringField[], needle: string): Uint8Array {
    const hit = new Uint8Array(this.store.strings.length);
    for (const f of fields) {
      for (const id of this.distinctIds(f)) if (this.matcher.lowerOf(id).trim() === needle) hit[id] = 1;
    }
    return hit;
  }

  /**
   * A per-string-id flag array: 1 where the lower-cased string contains `needle`. Every string is
   * joined into one text on the first search, so a fresh needle is one native indexOf sweep.
   */
  private containing(needle: string): Uint8Array {
    if (!this.everyStringJoined) {
      const ids = new Uint32Array(this.store.strings.length);
      for (let id = 0; id < ids.length; id++) ids[id] = id;
      this.everyStringJoined = this.matcher.join(EVERY_STRING, ids, Infinity);
    }
    return this.matcher.hits(needle, EVERY_STRING);
  }

  /** A per-string-id flag array: 1 where the (lower-cased) value of that field passes `test`. */
  private matching(field: StringField, test: (lower: string) => boolean): Uint8Array {
    const hit = new Uint8Array(this.store.strings.length);
    for (const id of this.distinctIds(field)) {
      if (test(this.matcher.lowerOf(id))) hit[id] = 1;
    }
    return hit;
  }

}

/** `User`, `urn:ietf:params:scim:schemas:core:2.0:User`, `user` → `user`. */
export function identityTypeKey(type: string): string {
  const s = type.trim().toLowerCase();
  const colon = s.lastIndexOf(':');
  return colon >= 0 ? s.slice(colon + 1) : s;
}

/** A flag per member of `all` (1: wanted), so a test per event is one typed-array read. */
export function ordinalSet<T extends string>(all: readonly T[], wanted: readonly T[]): Uint8Array {
  const ok = new Uint8Array(all.length);
  for (const w of wanted) {
    const k = all.indexOf(w);
    if (k >= 0) ok[k] = 1;
  }
  return ok;
}

/**
 * The distinct ids in `lists` (each below `bound`), in first-met order. A flag array rather than a
 * Set: at 100,000 events the loop must not hash or allocate per id.
 */
export function distinctValues(lists: readonly Uint32Array[], bound: number): Uint32Array {
  const seen = new Uint8Array(bound);
  const ids: number[] = [];
  for (const list of lists) {
    for (let i = 0; i < list.length; i++) {
      const id = list[i]!;
      if (seen[id] === 0) {
        seen[id] = 1;
        ids.push(id);
      }
    }
  }
  return Uint32Array.from(ids);
}
