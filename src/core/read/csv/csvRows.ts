/**
 * CSV rows as byte ranges. A byte-level, quote-aware splitter finds where each row starts and ends
 * in the UTF-8 bytes (the store keeps those ranges, not copies) without ever turning a file into one
 * string; papaparse then reads the cells (csvRowParser.ts). The splitter follows papaparse's quote
 * rules, so both agree on where rows end. Only ASCII bytes (quote, delimiter, CR, LF) are looked at,
 * so the ranges stay right even when a file is not valid UTF-8.
 */

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;
const SPACE = 0x20;
const TAB = 0x09;

/** Delimiters we accept: comma (the portal), semicolon and tab (Excel re-saves in some locales). */
const DELIMITERS = [',', ';', '\t'] as const;
export type Delimiter = (typeof DELIMITERS)[number];

/** The delimiter that occurs most often, outside quotes, on the first line; comma when none does. */
export function detectDelimiter(b: Uint8Array): Delimiter {
  const counts = [0, 0, 0];
  let quoted = false;
  for (let i = 0; i < b.length && i < 65536; i++) {
    const c = b[i]!;
    if (c === QUOTE) quoted = !quoted;
    else if (!quoted && (c === LF || c === CR)) break;
    else if (!quoted) {
      const k = DELIMITERS.indexOf(String.fromCharCode(c) as Delimiter);
      if (k >= 0) counts[k]!++;
    }
  }
  let best = 0;
  for (let k = 1; k < counts.length; k++) if (counts[k]! > counts[best]!) best = k;
  return DELIMITERS[best]!;
}

/**
 * Byte length of the white-space character at `k` (what String.prototype.trim removes, line breaks
 * aside), or 0: papaparse lets such characters stand between a closing quote and the delimiter.
 */
function blankAt(b: Uint8Array, k: number): number {
  const c = b[k];
  if (c === SPACE || c === TAB || c === 0x0b || c === 0x0c) return 1;
  if (c === 0xc2) return b[k + 1] === 0xa0 ? 2 : 0;
  if (c === 0xe1) return b[k + 1] === 0x9a && b[k + 2] === 0x80 ? 3 : 0;
  if (c === 0xe3) return b[k + 1] === 0x80 && b[k + 2] === 0x80 ? 3 : 0;
  if (c === 0xef) return b[k + 1] === 0xbb && b[k + 2] === 0xbf ? 3 : 0;
  if (c !== 0xe2) return 0;
  const c1 = b[k + 1];
  const c2 = b[k + 2] ?? 0;
  if (c1 === 0x80) return c2 <= 0x8a || c2 === 0xa8 || c2 === 0xa9 || c2 === 0xaf ? 3 : 0;
  return c1 === 0x81 && c2 === 0x9f ? 3 : 0;
}

/**
 * Where a quoted field that starts at `open` ends: just after its closing quote, or -1 when it never
 * closes. papaparse's rule: `""` is a quote inside the field; a quote closes the field
 * only when blanks and then a delimiter, a line break or the end follow; any other quote is data.
 */
function afterQuoted(b: Uint8Array, open: number, delim: number): number {
  let i = open + 1;
  for (;;) {
    const q = b.indexOf(QUOTE, i);
    if (q < 0) return -1;
    if (b[q + 1] === QUOTE) {
      i = q + 2;
      continue;
    }
    let k = q + 1;
    for (let w = blankAt(b, k); w > 0; w = blankAt(b, k)) k += w;
    const c = b[k];
    if (c === undefined || c === delim || c === LF || c === CR) return q + 1;
    i = q + 1;
  }
}

/**
 * Calls `onRow(start, end)` for every non-empty row from `from` on, in order, until it returns false;
 * `end` excludes the line break (LF, CRLF or a lone CR). A line break inside a quoted field belongs
 * to the field.
 */
export function forEachRow(
  b: Uint8Array,
  from: number,
  delimiter: Delimiter,
  onRow: (start: number, end: number) => boolean | void,
): void {
  const delim = delimiter.charCodeAt(0);
  const n = b.length;
  let i = from;
  let rowStart = from;
  while (i < n) {
    if (b[i] === QUOTE) {
      const after = afterQuoted(b, i, delim);
      i = after < 0 ? n : after;
    }
    let c = 0;
    while (i < n) {
      c = b[i]!;
      if (c === delim || c === LF || c === CR) break;
      i++;
    }
    if (i >= n) break;
    if (c === delim) {
      i++;
      continue;
    }
    if (i > rowStart && onRow(rowStart, i) === false) return;
    i += c === CR && b[i + 1] === LF ? 2 : 1;
    rowStart = i;
  }
  if (rowStart < n) onRow(rowStart, n);
}

export interface CellSpan {
  /** Byte range of the cell's value: inside the quotes when the cell is quoted. */
  start: number;
  end: number;
  quoted: boolean;
}

/** Byte spans of the cells of the row at [start, end), by the same rules as `forEachRow` and papaparse. */
export function cellSpans(b: Uint8Array, start: number, end: number, delimiter: Delimiter): CellSpan[] {
  const delim = delimiter.charCodeAt(0);
  const row = b.subarray(start, end);
  const spans: CellSpan[] = [];
  let i = 0;
  for (;;) {
    if (row[i] === QUOTE) {
      const after = afterQuoted(row, i, delim);
      spans.push({ start: start + i + 1, end: start + (after < 0 ? row.length : after - 1), quoted: true });
      i = after < 0 ? row.length : after;
      while (i < row.length && row[i] !== delim) i++;
    } else {
      const from = i;
      while (i < row.length && row[i] !== delim) i++;
      spans.push({ start: start + from, end: start + i, quoted: false });
    }
    if (i >= row.length) return spans;
    i++;
  }
}
