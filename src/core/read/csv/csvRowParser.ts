/**
 * The cells of CSV rows, read by papaparse from the rows' own text. One row at a time is what the
 * re-read on demand does; the first read hands papaparse up to 256 rows at once (per-call set-up
 * dominates otherwise: three times slower on a 100,000-event download) and checks that it found the
 * same rows the byte splitter did, falling back to row by row when anything is unusual. Both paths
 * give the same cells for a row.
 */
import * as Papa from 'papaparse';
import { restoreFormula } from './csvCells';
import { forEachRow, type Delimiter } from './csvRows';

export interface ParsedRow {
  cells: string[];
  /** papaparse's quote complaints: `MissingQuotes` (a quote never closes), `InvalidQuotes` (stray quote). */
  quoteError: 'MissingQuotes' | 'InvalidQuotes' | undefined;
  /** The bytes were not valid UTF-8 (U+FFFD stands in for what could not be read). */
  invalidUtf8: boolean;
}

interface PapaResult {
  data: string[][];
  errors: { code: string }[];
}

const QUOTE = 0x22;
const BATCH_ROWS = 256;
const BATCH_BYTES = 1 << 20;
const parsers = new Map<Delimiter, Papa.Parser>();
const decoder = new TextDecoder('utf-8');

function parserFor(delimiter: Delimiter): Papa.Parser {
  let p = parsers.get(delimiter);
  if (p === undefined) {
    p = new Papa.Parser({ delimiter, newline: '\n', quoteChar: '"' });
    parsers.set(delimiter, p);
  }
  return p;
}

function restoreFormulas(cells: string[]): string[] {
  for (let k = 0; k < cells.length; k++) {
    const c = cells[k]!;
    if (c.charCodeAt(0) === 0x27) cells[k] = restoreFormula(c);
  }
  return cells;
}

/**
 * A row can only be this long when a quote never closes and the rest of the file fell into one
 * cell; past V8's largest string (~512 MB) decoding would throw, so such a row is read up to here.
 */
const MAX_ROW_BYTES = 64 << 20;

/** The cells of the row at [start, end), formula apostrophes taken off. */
export function parseRow(b: Uint8Array, start: number, end: number, delimiter: Delimiter): ParsedRow {
  const text = decoder.decode(b.subarray(start, Math.min(end, start + MAX_ROW_BYTES)));
  // With quotes, give papaparse a line break after the row: it decides a closing quote by what follows.
  const input = text.includes('"') ? text + '\n' : text;
  const result = parserFor(delimiter).parse(input, 0, false) as PapaResult;
  const rows = result.data;
  if (input !== text && rows.length > 1 && rows[rows.length - 1]!.join('') === '') rows.pop();
  let quoteError: ParsedRow['quoteError'];
  for (const e of result.errors) {
    if (e.code === 'MissingQuotes' || e.code === 'InvalidQuotes') quoteError ??= e.code;
  }
  // The splitter follows papaparse's rules, so this cannot happen; if it ever does, keep every cell.
  if (rows.length > 1) quoteError ??= 'InvalidQuotes';
  const cells = rows.length > 1 ? rows.flat() : (rows[0] ?? ['']);
  // A quote that never closes runs to the end of the input, which includes the line break added above.
  const last = cells.length - 1;
  if (input !== text && quoteError === 'MissingQuotes' && cells[last]!.endsWith('\n')) cells[last] = cells[last]!.slice(0, -1);
  return { cells: restoreFormulas(cells), quoteError, invalidUtf8: text.includes('\uFFFD') };
}

/** Every non-empty row from `from` on, parsed, with its byte range (line break excluded). */
export function forEachParsedRow(
  b: Uint8Array,
  from: number,
  delimiter: Delimiter,
  onRow: (row: ParsedRow, start: number, end: number) => void,
): void {
  const starts: number[] = [];
  const ends: number[] = [];
  const flush = (): void => {
    parseRows(b, starts, ends, delimiter, onRow);
    starts.length = 0;
    ends.length = 0;
  };
  forEachRow(b, from, delimiter, (start, end) => {
    starts.push(start);
    ends.push(end);
    if (starts.length >= BATCH_ROWS || end - starts[0]! >= BATCH_BYTES) flush();
  });
  flush();
}

/** Only line breaks between one row and the next: the rows can be parsed as one text. */
function contiguous(b: Uint8Array, starts: readonly number[], ends: readonly number[]): boolean {
  for (let k = 1; k < starts.length; k++) {
    for (let i = ends[k - 1]!; i < starts[k]!; i++) if (b[i] !== 0x0a && b[i] !== 0x0d) return false;
  }
  return true;
}

/** The cells of the rows at [starts[k], ends[k]), in order; one papaparse call when the rows are adjacent. */
export function parseRows(
  b: Uint8Array,
  starts: readonly number[],
  ends: readonly number[],
  delimiter: Delimiter,
  onRow: (row: ParsedRow, start: number, end: number) => void,
): void {
  const n = starts.length;
  const oneByOne = (): void => {
    for (let k = 0; k < n; k++) onRow(parseRow(b, starts[k]!, ends[k]!, delimiter), starts[k]!, ends[k]!);
  };
  if (n < 2 || !contiguous(b, starts, ends)) return oneByOne();
  const text = decoder.decode(b.subarray(starts[0]!, ends[n - 1]!));
  const result = parserFor(delimiter).parse(text, 0, false) as PapaResult;
  // Blank lines, lone-CR line breaks, quote damage or bad bytes: let each row speak for itself.
  if (result.data.length !== n || result.errors.length > 0 || text.includes('\uFFFD')) return oneByOne();
  for (let k = 0; k < n; k++) {
    const cells = result.data[k]!;
    const last = cells.length - 1;
    // papaparse splits on LF, so an unquoted last cell before a CRLF keeps the CR; a quoted one does not.
    if (k < n - 1 && cells[last]!.endsWith('\r')) {
      if (b[ends[k]! - 1] === QUOTE) {
        onRow(parseRow(b, starts[k]!, ends[k]!, delimiter), starts[k]!, ends[k]!);
        continue;
      }
      cells[last] = cells[last]!.slice(0, -1);
    }
    onRow({ cells: restoreFormulas(cells), quoteError: undefined, invalidUtf8: false }, starts[k]!, ends[k]!);
  }
}
