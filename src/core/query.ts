/**
 * Filters over a store, all combinable: the portal's set (identity, date, status, action, job, cycle,
 * change, source, target, application) and more (identity type, error code, free text, hide skipped,
 * changes only). Text filters are case-insensitive substrings. They are matched once per distinct
 * interned value rather than once per event, which keeps a filter change within milliseconds at
 * 100,000 events.
 */
import { ACTIONS, STATUSES, type Action, type Status } from './model';
import { FLAG_CHANGED, STRING_FIELDS, type EventStore, type StringField } from './store';
import type { TextFilterKey } from './viewFilter';

export type DateWindow = '24h' | '7d' | '30d';

export interface EventFilter {
  /** Name or id of the source or target identity. */
  identity?: string;
  /** `user`, `group`, … matching `User`, `Group` and SCIM URNs (`…:core:2.0:User`). */
  identityType?: string[];
  window?: DateWindow;
  /** What the window is relative to: the newest event of the file (default: downloads are often old) or now. */
  windowFrom?: 'newest' | 'now';
  /** Absolute bounds, epoch ms, inclusive. */
  since?: number;
  until?: number;
  status?: Status[];
  action?: Action[];
  jobId?: string;
  cycleId?: string;
  changeId?: string;
  sourceSystem?: string;
  targetSystem?: string;
  /** Application (service principal) name or id contains. */
  application?: string;
  errorCode?: string;
  /** Free text over every text field of the event. */
  text?: string;
  hideSkipped?: boolean;
  changesOnly?: boolean;
}

export const WINDOW_MS: Readonly<Record<DateWindow, number>> = {
  '24h': 24 * 3600_000,
  '7d': 7 * 24 * 3600_000,
  '30d': 30 * 24 * 3600_000,
};

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
  private readonly lower: (string | undefined)[] = [];
  private readonly distinct = new Map<StringField, Uint32Array>();
  private newest = NaN;
  private haystack?: { text: string; starts: Int32Array };
  /** Hits of the last few needles: typing in one box while toggling others reuses them. */
  private readonly hitCache = new Map<string, Uint8Array>();

  constructor(readonly store: EventStore) {
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
    const textTest = (fields: readonly StringField[], needle: string | undefined): void => {
      const n = needle?.split('\u0000').join('').trim().toLowerCase();
      if (!n) return;
      const hit = this.containing(n);
      const cols = fields.map((f) => store.column(f));
      textTests.push((i) => {
        for (const col of cols) if (hit[col[i]!] === 1) return true;
        return false;
      });
    };
    textTest(TEXT_FILTER_FIELDS.identity, filter.identity);
    textTest(TEXT_FILTER_FIELDS.jobId, filter.jobId);
    textTest(TEXT_FILTER_FIELDS.cycleId, filter.cycleId);
    textTest(TEXT_FILTER_FIELDS.changeId, filter.changeId);
    textTest(TEXT_FILTER_FIELDS.sourceSystem, filter.sourceSystem);
    textTest(TEXT_FILTER_FIELDS.targetSystem, filter.targetSystem);
    textTest(TEXT_FILTER_FIELDS.application, filter.application);
    textTest(TEXT_FILTER_FIELDS.errorCode, filter.errorCode);
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

  /**
   * A per-string-id flag array: 1 where the lower-cased string contains `needle`. One native
   * `indexOf` walk over all distinct strings joined into one text, instead of a call per string.
   */
  private containing(needle: string): Uint8Array {
    let hit = this.hitCache.get(needle);
    if (hit !== undefined) return hit;
    const { text, starts } = (this.haystack ??= this.buildHaystack());
    hit = new Uint8Array(this.store.strings.length);
    let at = text.indexOf(needle);
    while (at >= 0) {
      // The string holding position `at`: the last start at or before it.
      let lo = 0;
      let hi = starts.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (starts[mid]! <= at) lo = mid;
        else hi = mid - 1;
      }
      hit[lo] = 1;
      const next = lo + 1 < starts.length ? starts[lo + 1]! : text.length;
      at = text.indexOf(needle, next);
    }
    if (this.hitCache.size >= 8) this.hitCache.delete(this.hitCache.keys().next().value!);
    this.hitCache.set(needle, hit);
    return hit;
  }

  /** Every interned string, lower-cased, in id order, separated by NUL (which user text never contains). */
  private buildHaystack(): { text: string; starts: Int32Array } {
    const strings = this.store.strings;
    const starts = new Int32Array(strings.length);
    const parts: string[] = new Array<string>(strings.length);
    let at = 0;
    for (let id = 0; id < strings.length; id++) {
      starts[id] = at;
      const s = this.lowerOf(id);
      parts[id] = s;
      at += s.length + 1;
    }
    return { text: parts.join('\u0000'), starts };
  }

  /** A per-string-id flag array: 1 where the (lower-cased) value of that field passes `test`. */
  private matching(field: StringField, test: (lower: string) => boolean): Uint8Array {
    const hit = new Uint8Array(this.store.strings.length);
    for (const id of this.distinctIds(field)) {
      if (test(this.lowerOf(id))) hit[id] = 1;
    }
    return hit;
  }

  private lowerOf(id: number): string {
    let s = this.lower[id];
    if (s === undefined) this.lower[id] = s = this.store.strings[id]!.toLowerCase();
    return s;
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
