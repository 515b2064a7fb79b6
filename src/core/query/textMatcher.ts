/**
 * "Contains" matching for the text filters (the log's QueryEngine holds its one matcher), fast
 * enough to run on every keystroke at 100,000 events. A 250 MB download interns about half a
 * million distinct strings (ids mostly), so testing every distinct string per keystroke costs
 * ~100 ms. Typing mostly extends the text, and a string that does not contain "con" cannot contain
 * "conf": each answer is kept (a few, most recent first) and a longer needle only tests the strings
 * that matched a shorter one. For a fresh needle over a large scope, the scope's strings are
 * searched as one joined text (prepared while idle): a single indexOf sweep is several times
 * faster than half a million includes().
 */
import type { EventStore } from '../model/store';

interface Answer {
  /** Which strings were tested (a filter's fields); answers narrow only within the same scope. */
  scope: string;
  needle: string;
  /** 1 where the string of that id contains the needle. */
  hit: Uint8Array;
  /** The ids with hit = 1, to narrow from. */
  ids: Uint32Array;
}

const KEEP = 12;
/** Narrowing from more candidates than this is slower than sweeping the joined text. */
const SWEEP_ABOVE = 20_000;
/** Separates the strings of a joined scope; a needle never holds it (text filters come from a text box). */
const SEP = '\u0000';

/** A scope's strings joined in one text, with where each starts. */
interface Joined {
  text: string;
  /** Start offset of each string in `text`, ascending, plus one final entry for the end. */
  starts: Uint32Array;
  ids: Uint32Array;
}

export class TextMatcher {
  /**
   * The store's strings lower-cased as they are asked for: one copy per log, shared by every search
   * of it. Made on first use, not with the engine: at 2.5 GB it has 4 million slots (tens of ms),
   * which the first rows of a log need not wait for.
   */
  private lowerTable?: (string | undefined)[];
  private answers: Answer[] = [];
  private warmed = 0;
  private readonly joined = new Map<string, Joined>();
  private readonly joining = new Map<string, { parts: string[]; starts: Uint32Array; k: number; at: number }>();

  constructor(private readonly store: EventStore) {}

  private get lower(): (string | undefined)[] {
    return (this.lowerTable ??= new Array<string | undefined>(this.store.strings.length));
  }

  /**
   * Lower-cases up to `budget` more strings ahead of the first search; returns true when all are
   * done. Callers run it in slices while idle so the first keystroke does not pay for it.
   */
  warm(budget = 50_000): boolean {
    const { strings } = this.store;
    const end = Math.min(strings.length, this.warmed + budget);
    const lower = this.lower;
    for (let id = this.warmed; id < end; id++) lower[id] ??= strings[id]!.toLowerCase();
    this.warmed = end;
    return end >= strings.length;
  }

  /**
   * Per string id: 1 when the string contains `needle` (already trimmed and lower-cased). With a
   * scope, only the ids `ids()` lists are tested (the distinct values of a filter's fields); the
   * others stay 0. Without one, every string is tested.
   */
  hits(needle: string, scope = '', ids?: () => Uint32Array): Uint8Array {
    const cached = this.answers.findIndex((a) => a.scope === scope && a.needle === needle);
    if (cached >= 0) {
      const [a] = this.answers.splice(cached, 1);
      this.answers.unshift(a!);
      return a!.hit;
    }
    const n = this.store.strings.length;
    // The narrowest earlier answer whose needle this one contains: only its strings can match.
    let from: Answer | undefined;
    for (const a of this.answers) if (a.scope === scope && needle.includes(a.needle) && (!from || a.ids.length < from.ids.length)) from = a;
    // The joined text wins unless a narrower answer is small, or the needle is one character (it
    // matches most strings, and finding each match's string costs more than testing them all).
    const joined = this.joined.get(scope);
    if (joined && needle.length >= 2 && !needle.includes(SEP) && (!from || from.ids.length > SWEEP_ABOVE)) {
      return this.remember(scope, needle, this.sweep(joined, needle));
    }
    // Id 0 is the empty string: it never contains a non-empty needle.
    const candidates = from ? from.ids : ids ? ids() : undefined;
    const found = new Uint32Array(candidates ? candidates.length : n);
    let k = 0;
    if (candidates) {
      for (let c = 0; c < candidates.length; c++) {
        const id = candidates[c]!;
        if (id !== 0 && this.lowerOf(id).includes(needle)) found[k++] = id;
      }
    } else {
      for (let id = 1; id < n; id++) if (this.lowerOf(id).includes(needle)) found[k++] = id;
    }
    return this.remember(scope, needle, found.slice(0, k));
  }

  /**
   * Joins a scope's strings for fast first searches, up to `budget` strings per call (call while
   * idle until it returns true). hits() calls with this scope use it once it is complete.
   */
  join(scope: string, ids: Uint32Array, budget = 50_000): boolean {
    if (this.joined.has(scope)) return true;
    let b = this.joining.get(scope);
    if (b === undefined) this.joining.set(scope, (b = { parts: [], starts: new Uint32Array(ids.length + 1), k: 0, at: 0 }));
    const end = Math.min(ids.length, b.k + budget);
    for (; b.k < end; b.k++) {
      const str = this.lowerOf(ids[b.k]!);
      b.starts[b.k] = b.at;
      b.parts.push(str);
      b.at += str.length + 1;
    }
    if (b.k < ids.length) return false;
    b.starts[ids.length] = b.at;
    this.joined.set(scope, { text: b.parts.join(SEP), starts: b.starts, ids });
    this.joining.delete(scope);
    return true;
  }

  /** The ids whose string contains `needle`, found with indexOf over the joined text. */
  private sweep(j: Joined, needle: string): Uint32Array {
    const found: number[] = [];
    let at = j.text.indexOf(needle);
    while (at >= 0) {
      // The string that holds offset `at`: the last start at or before it.
      let lo = 0;
      let hi = j.ids.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (j.starts[mid]! <= at) lo = mid;
        else hi = mid - 1;
      }
      found.push(j.ids[lo]!);
      // One match per string is enough: go on from the next string.
      at = j.text.indexOf(needle, j.starts[lo + 1]!);
    }
    return Uint32Array.from(found);
  }

  private remember(scope: string, needle: string, list: Uint32Array): Uint8Array {
    const hit = new Uint8Array(this.store.strings.length);
    for (let c = 0; c < list.length; c++) hit[list[c]!] = 1;
    this.answers.unshift({ scope, needle, hit, ids: list });
    if (this.answers.length > KEEP) this.answers.length = KEEP;
    return hit;
  }

  /** The string of `id` lower-cased (kept: each string is lowered once per log). */
  lowerOf(id: number): string {
    const lower = this.lower;
    let s = lower[id];
    if (s === undefined) lower[id] = s = this.store.strings[id]!.toLowerCase();
    return s;
  }
}

/**
 * The needle a text filter value stands for, or undefined when it filters nothing. NUL characters
 * are dropped: they separate the strings of a joined scope, and no text box can type one.
 */
export function needleOf(text: string | undefined): string | undefined {
  const n = text?.split(SEP).join('').trim().toLowerCase();
  return n ? n : undefined;
}
