/**
 * A store in the form it crosses a thread boundary in: its strings as UTF-8 in a few buffers that are
 * transferred, not copied, plus each string's length. Structured clone copies a string twice (into
 * the message, then out of it on the other side) and makes hundreds of thousands of short ones an
 * allocation each on the receiving side. Bytes move for free, are decoded in a few native calls, and
 * the strings are slices of the decoded text: at 100,000 events that is 36 MB less at the peak of a
 * load, and the extension host no longer stops for the copy when a 2.5 GB log arrives.
 */
import { transferList, type StoreData } from './store';

/** Bytes per buffer: each is decoded in one go on the receiving side, a few milliseconds. */
const TEXT_BYTES = 4 << 20;

export interface PackedStore {
  /** The store without its strings. */
  data: StoreData;
  /** The strings' UTF-8, in order; a buffer ends where a string does. */
  texts: Uint8Array[];
  /** Length of each string in UTF-16 code units; string k starts where k-1 ended (a new text starts at 0). */
  lengths: Uint32Array;
  /** Strings in each text. */
  counts: Uint32Array;
  /**
   * Strings UTF-8 cannot carry as they are (a lone surrogate), by index: sent as strings. In the
   * texts each stands as an empty string (length 0), and is put in its place at the end.
   */
  odd: [number, string][];
}

const encoder = new TextEncoder();

/** `data` with its strings packed (texts of about `textBytes`, more for one long string), and the buffers to transfer. */
export function packStore(data: StoreData, textBytes = TEXT_BYTES): { packed: PackedStore; transfer: ArrayBuffer[] } {
  const { strings } = data;
  const lengths = new Uint32Array(strings.length);
  const texts: Uint8Array[] = [];
  const counts: number[] = [];
  const odd: [number, string][] = [];
  let left = 0;
  for (const s of strings) left += s.length;
  let buf = new Uint8Array(0);
  let at = 0;
  let inText = 0;
  const close = (): void => {
    if (inText > 0) {
      texts.push(buf.subarray(0, at));
      counts.push(inText);
    }
    inText = 0;
  };
  for (let k = 0; k < strings.length; k++) {
    const s = strings[k]!;
    if (!wellFormed(s)) {
      odd.push([k, s]);
      inText++;
      continue;
    }
    lengths[k] = s.length;
    // At most 3 bytes per UTF-16 code unit: room for that, or a new buffer.
    if (at + 3 * s.length > buf.length) {
      close();
      // A small log's strings need no full-size buffer.
      buf = new Uint8Array(Math.max(3 * s.length, Math.min(textBytes, 3 * left)));
      at = 0;
    }
    at += encoder.encodeInto(s, buf.subarray(at)).written;
    left -= s.length;
    inText++;
  }
  close();
  const packed: PackedStore = { data: { ...data, strings: [] }, texts, lengths, counts: Uint32Array.from(counts), odd };
  const transfer = [...transferList(data), lengths.buffer as ArrayBuffer, packed.counts.buffer as ArrayBuffer, ...texts.map((t) => t.buffer as ArrayBuffer)];
  return { packed, transfer };
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
  const decoder = new TextDecoder();
  let k = 0;
  let t = 0;
  let end = 0;
  let text = '';
  let at = 0;
  return (count) => {
    const stop = Math.min(strings.length, k + count);
    while (k < stop) {
      // The next text starts where this one's count ends (every text holds at least one string).
      if (k === end) {
        text = decoder.decode(p.texts[t]);
        end += p.counts[t++]!;
        at = 0;
      }
      const next = at + p.lengths[k]!;
      strings[k++] = text.slice(at, next);
      at = next;
    }
    if (k < strings.length) return true;
    for (const [j, s] of p.odd) strings[j] = s;
    return false;
  };
}

/** Strings with a lone surrogate would not survive UTF-8 (each would come back as U+FFFD). */
function wellFormed(s: string): boolean {
  const f = (s as { isWellFormed?: () => boolean }).isWellFormed;
  return f !== undefined ? f.call(s) : !/[\uD800-\uDFFF]/.test(s);
}
