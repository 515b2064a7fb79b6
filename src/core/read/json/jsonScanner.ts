/**
 * Finds record boundaries in UTF-8 JSON bytes without parsing: one pass tracking only strings and
 * bracket depth, so each record can be parsed on its own and located by byte offset later.
 *
 * Records are: the elements of a top-level array; the elements of the `value` (Graph page) or
 * `records` (Azure Monitor envelope) array of a top-level object; otherwise each top-level object
 * itself (a single record, or a stream of them). Several top-level values in a row are all read.
 */

export interface ScanSink {
  /** A record (normally an object) spanning bytes [start, end). */
  record(start: number, end: number): void;
  /** A string property directly on a top-level object (e.g. `@odata.nextLink`); range includes quotes. */
  outerString(key: string, start: number, end: number): void;
  /** The key of a top-level object's array whose elements were reported as records. */
  envelope(key: string): void;
  /** Something that is not a record where records belong (offset of its first byte). */
  stray(offset: number, kind: 'text' | 'notAnObject' | 'unbalanced'): void;
}

export interface ScanEnd {
  /** Depth when the bytes ran out: 0 when every value was complete. */
  depth: number;
  inString: boolean;
  /** Start of the record (or top-level value) that was still open, or -1. */
  openStart: number;
  /** Top-level values that were complete. */
  topValues: number;
}

const RECORD_KEYS = new Set(['value', 'records']);
/** Bracket kinds are remembered this deep; deeper nesting is not checked (records are ~6 deep). */
const MAX_TRACKED = 256;

export function scanJson(b: Uint8Array, from: number, to: number, sink: ScanSink): ScanEnd {
  let depth = 0;
  let recDepth = -1; // depth of the array whose elements are records
  let recStart = -1;
  let topStart = -1;
  let topIsObject = false;
  let topHadRecords = false;
  let expectKey = false;
  let lastKey = '';
  let topValues = 0;
  const opened = new Uint8Array(MAX_TRACKED);
  let i = from;
  while (i < to) {
    const c = b[i]!;
    if (c === 0x22) {
      const strStart = i++;
      while (i < to) {
        const d = b[i]!;
        if (d === 0x22) break;
        i += d === 0x5c ? 2 : 1;
      }
      if (i >= to) return { depth, inString: true, openStart: recStart >= 0 ? recStart : topStart >= 0 ? topStart : strStart, topValues };
      if (depth === 1 && topIsObject) {
        if (expectKey) {
          lastKey = asciiText(b, strStart + 1, i);
          expectKey = false;
        } else sink.outerString(lastKey, strStart, i + 1);
      } else if (depth === recDepth && recStart < 0) sink.stray(strStart, 'notAnObject');
      else if (depth === 0) sink.stray(strStart, 'text');
      i++;
      continue;
    }
    if (c === 0x7b || c === 0x5b) {
      if (depth === 0) {
        topStart = i;
        topIsObject = c === 0x7b;
        topHadRecords = false;
        recDepth = topIsObject ? -1 : 1;
        expectKey = topIsObject;
      } else if (depth === recDepth && recStart < 0) {
        recStart = i;
        if (c === 0x5b) sink.stray(i, 'notAnObject');
      } else if (depth === 1 && topIsObject && c === 0x5b && RECORD_KEYS.has(lastKey) && !topHadRecords) {
        recDepth = 2;
        topHadRecords = true;
        sink.envelope(lastKey);
      }
      if (depth < MAX_TRACKED) opened[depth] = c;
      depth++;
      i++;
      continue;
    }
    if (c === 0x7d || c === 0x5d) {
      // A bracket of the other kind than the one open (`]` inside an object): the text was damaged in
      // the middle (a docs example "shortened" with `...`), not cut off at its end. Close what lies
      // above the matching container here, so a record open at this point ends here and is read as
      // damaged, and the rest of the file is read as usual.
      const want = c === 0x7d ? 0x7b : 0x5b;
      if (depth > 0 && depth <= MAX_TRACKED && opened[depth - 1] !== want) {
        let k = depth - 2;
        while (k >= 0 && opened[k] !== want) k--;
        if (k < 0) {
          // Matches nothing open: a stray bracket inside a value, skipped.
          i++;
          continue;
        }
        // Close the containers above the matching one at this offset, as if their brackets stood here.
        while (depth > k + 1) {
          depth--;
          if (depth === recDepth && recStart >= 0) {
            if (b[recStart] === 0x7b) sink.record(recStart, i);
            recStart = -1;
          } else if (depth === recDepth - 1) recDepth = -1;
        }
      }
      depth--;
      if (depth < 0) {
        sink.stray(i, 'unbalanced');
        depth = 0;
      } else if (depth === recDepth && recStart >= 0) {
        if (b[recStart] === 0x7b) sink.record(recStart, i + 1);
        recStart = -1;
      } else if (depth === recDepth - 1) recDepth = -1;
      if (depth === 0 && topStart >= 0) {
        if (topIsObject && !topHadRecords) sink.record(topStart, i + 1);
        topStart = -1;
        topValues++;
        recDepth = -1;
      }
      i++;
      continue;
    }
    if (c === 0x2c) {
      if (depth === 1 && topIsObject) expectKey = true;
    } else if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09 && c !== 0x3a) {
      if (depth === 0) {
        sink.stray(i, 'text');
        // Skip the rest of the junk: to the next line or the next value, whichever comes first.
        while (i < to && b[i] !== 0x0a && b[i] !== 0x7b && b[i] !== 0x5b) i++;
        continue;
      }
      if (depth === recDepth && recStart < 0) {
        sink.stray(i, 'notAnObject');
        while (i < to && b[i] !== 0x2c && b[i] !== 0x5d && b[i] !== 0x7d) i++;
        continue;
      }
    }
    i++;
  }
  return { depth, inString: false, openStart: recStart >= 0 ? recStart : topStart, topValues };
}

/**
 * Keys we look for are `value`, `records` and `@odata.*`; anything else only needs to be "not one of
 * them", which saves building a string for every key of every JSON Lines record.
 */
function asciiText(b: Uint8Array, start: number, end: number): string {
  const n = end - start;
  if (n > 64 || (n !== 5 && n !== 7 && b[start] !== 0x40)) return '';
  let s = '';
  for (let i = start; i < end; i++) s += String.fromCharCode(b[i]!);
  return s;
}

/** Index of the first byte that is not JSON whitespace at or after `i`, or `to`. */
export function skipWhitespace(b: Uint8Array, i: number, to: number): number {
  while (i < to) {
    if (!isJsonSpace(b[i]!)) return i;
    i++;
  }
  return to;
}

/** JSON's white space: space, line feed, carriage return, tab. */
export function isJsonSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}
