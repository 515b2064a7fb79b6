/**
 * A store in the form it crosses a thread boundary in: its strings as a few long texts plus
 * lengths. Structured clone copies one long string in one go, where hundreds of thousands of short
 * ones cost an allocation each on the receiving side (4.6 s on the extension host's main thread
 * for a 2.5 GB log, against a fraction of a second for slicing the texts).
 */
import { transferList, type StoreData } from './store';

/** Characters per text: far below V8's largest string (2^29), whatever the log's size. */
const TEXT_CHARS = 1 << 26;

export interface PackedStore {
  /** The store without its strings. */
  data: StoreData;
  texts: string[];
  /** Length of each string, in order; string k starts where k-1 ended (a new text starts at 0). */
  lengths: Uint32Array;
  /** Strings in each text. */
  counts: Uint32Array;
}

/** `data` with its strings packed (texts of at most `textChars`, unless one string is longer), and the buffers to transfer. */
export function packStore(data: StoreData, textChars = TEXT_CHARS): { packed: PackedStore; transfer: ArrayBuffer[] } {
  const lengths = Uint32Array.from(data.strings, (s) => s.length);
  const texts: string[] = [];
  const counts: number[] = [];
  let from = 0;
  let chars = 0;
  for (let k = 0; k <= data.strings.length; k++) {
    if (k === data.strings.length || (chars + lengths[k]! > textChars && k > from)) {
      texts.push(data.strings.slice(from, k).join(''));
      counts.push(k - from);
      from = k;
      chars = 0;
    }
    if (k < data.strings.length) chars += lengths[k]!;
  }
  const packed: PackedStore = { data: { ...data, strings: [] }, texts, lengths, counts: Uint32Array.from(counts) };
  return { packed, transfer: [...transferList(data), lengths.buffer as ArrayBuffer, packed.counts.buffer as ArrayBuffer] };
}

export function unpackStore(p: PackedStore): StoreData {
  const strings = new Array<string>(p.lengths.length);
  for (const step = slicer(p, strings); step(Infinity); );
  return { ...p.data, strings };
}

/**
 * unpackStore a slice at a time, `pause` between slices: a 2.5 GB log has 4.6 million strings, which
 * blocked the extension host's main thread for 0.4 s in one go.
 */
export async function unpackStoreInSlices(p: PackedStore, pause: () => Promise<void>, perSlice = 250_000): Promise<StoreData> {
  const strings = new Array<string>(p.lengths.length);
  for (const step = slicer(p, strings); step(perSlice); ) await pause();
  return { ...p.data, strings };
}

/** Fills `strings` from the packed texts, up to `count` more per call; returns true while some are left. */
function slicer(p: PackedStore, strings: string[]): (count: number) => boolean {
  let k = 0;
  let t = 0;
  let at = 0;
  let end = p.counts[0] ?? 0;
  return (count) => {
    const stop = Math.min(strings.length, k + count);
    while (k < stop) {
      // The next text starts where this one's count ends.
      while (k === end) {
        end += p.counts[++t]!;
        at = 0;
      }
      const next = at + p.lengths[k]!;
      strings[k++] = p.texts[t]!.slice(at, next);
      at = next;
    }
    return k < strings.length;
  };
}
