/**
 * Rebuilds an event read from CSV, on demand: its main row (or Log Analytics row) and the steps and
 * modified-properties rows joined to it, re-parsed from their byte ranges by the same functions the
 * first read used.
 */
import type { LogData, RowIndex } from '../../model/logData';
import type { ModifiedProperty, ProvisioningRecord, ProvisioningStep } from '../../common/record';
import { restoreFormula } from './csvCells';
import type { MainField, ModifiedField, StepField } from './csvColumns';
import { mapColumns, ROLE_TABLES, type ColumnMap, type CsvRole } from './csvHeaders';
import { logAnalyticsRecord } from './csvLogAnalytics';
import { extraCells, mainRecord, modifiedFromRow, stepFromRow, stepNumber } from './csvPortal';
import { parseRow, parseRows } from './csvRowParser';
import { cellSpans, detectDelimiter, type CellSpan, type Delimiter } from './csvRows';
import { decodeSlice } from '../encoding';

/** How a loaded CSV file's rows are read: its role, delimiter and which column holds which field. */
export interface CsvLayout {
  role: CsvRole;
  delimiter: Delimiter;
  cols: ColumnMap<string>;
  /** The field of each column (undefined for columns no field maps to). */
  fields: (string | undefined)[];
}

/**
 * Keyed by the header array of each file: one per loaded file, and gone with the log. It stays a
 * module cache (not LoadedLog's) because it belongs to the header, which readers and the one-record
 * reader see before any LoadedLog exists; nothing in it depends on the log's events.
 */
const layouts = new WeakMap<readonly string[], CsvLayout>();

export function csvLayoutOf(log: LogData, file: number): CsvLayout | undefined {
  const f = log.files[file];
  const headers = log.csv?.headers[file];
  if (f === undefined || headers === undefined || headers.length === 0 || f.role === 'json') return undefined;
  let layout = layouts.get(headers);
  if (layout === undefined) {
    const cols = mapColumns(headers, ROLE_TABLES[f.role]) as ColumnMap<string>;
    const fields: (string | undefined)[] = headers.map(() => undefined);
    for (const [field, column] of Object.entries(cols.index) as [string, number][]) fields[column] = field;
    layout = { role: f.role, delimiter: detectDelimiter(f.bytes), cols, fields };
    layouts.set(headers, layout);
  }
  return layout;
}

/**
 * A cell's value as the reader takes it, with the bytes it stands on: blanks around it and a
 * formula-defusing apostrophe are not part of it, and a quoted cell's doubled quotes are one.
 */
export function csvCellValue(bytes: Uint8Array, span: CellSpan): { value: string; start: number; end: number } {
  let { start, end } = span;
  const blank = (c: number | undefined): boolean => c === 0x20 || c === 0x09;
  while (start < end && blank(bytes[start])) start++;
  while (end > start && blank(bytes[end - 1])) end--;
  const raw = decodeSlice(bytes, start, end).text;
  const unquoted = span.quoted ? raw.replace(/""/g, '"') : raw;
  const value = restoreFormula(unquoted);
  return { value, start: value !== unquoted ? start + 1 : start, end };
}

interface Row {
  cells: string[];
  layout: CsvLayout;
  bytes: Uint8Array;
  start: number;
  end: number;
}

function rowAt(log: LogData, file: number, start: number, end: number): Row | undefined {
  const layout = csvLayoutOf(log, file);
  const bytes = log.files[file]?.bytes;
  if (layout === undefined || bytes === undefined) return undefined;
  return { cells: parseRow(bytes, start, end, layout.delimiter).cells, layout, bytes, start, end };
}

/** The rows event `i` owns in `index`, parsed (adjacent rows of one file in one go). */
function rowsOf(log: LogData, index: RowIndex | undefined, i: number): Row[] {
  const out: Row[] = [];
  if (index === undefined) return out;
  const from = index.offsets[i]!;
  const to = index.offsets[i + 1]!;
  for (let r = from; r < to; ) {
    const file = index.file[r]!;
    let stop = r + 1;
    while (stop < to && index.file[stop] === file) stop++;
    const layout = csvLayoutOf(log, file);
    const bytes = log.files[file]?.bytes;
    if (layout !== undefined && bytes !== undefined) {
      const starts = Array.from(index.start.subarray(r, stop));
      const ends = Array.from(index.end.subarray(r, stop));
      parseRows(bytes, starts, ends, layout.delimiter, (row, start, end) => out.push({ cells: row.cells, layout, bytes, start, end }));
    }
    r = stop;
  }
  return out;
}

export function csvRecordAt(log: LogData, i: number): ProvisioningRecord | undefined {
  const { store } = log;
  if (i < 0 || i >= store.size) return undefined;
  const row = rowAt(log, store.file[i]!, store.start[i]!, store.end[i]!);
  if (row === undefined) return undefined;
  if (row.layout.role === 'csvLogAnalytics') return logAnalyticsRecord(row.cells, row.layout.cols, { depthTruncated: false });
  if (row.layout.role !== 'csvMain') return undefined;
  const rec = mainRecord(row.cells, row.layout.cols as ColumnMap<MainField>);
  rec.steps = stepsOf(log, i);
  rec.modifiedProperties = modifiedOf(log, i, rec.extra);
  return rec;
}

/** Steps in the order of their Step column when the file has one, else in file order. */
function stepsOf(log: LogData, i: number): ProvisioningStep[] {
  const read: { step: ProvisioningStep; n: number }[] = [];
  for (const row of rowsOf(log, log.csv?.steps, i)) {
    const cols = row.layout.cols as ColumnMap<StepField>;
    read.push({ step: stepFromRow(row.cells, cols, read.length), n: stepNumber(row.cells, cols) });
  }
  if (read.some((s) => !Number.isNaN(s.n))) {
    read.sort((a, b) => (Number.isNaN(a.n) ? Infinity : a.n) - (Number.isNaN(b.n) ? Infinity : b.n) || a.step.index - b.step.index);
  }
  return read.map(({ step }, index) => ({ ...step, index }));
}

/**
 * Modified properties; the modified-properties file's own extra columns have no place in the model,
 * so they are shown with the event's extra columns as "<column> (<property>)".
 */
function modifiedOf(log: LogData, i: number, extra: Record<string, string>): ModifiedProperty[] {
  const out: ModifiedProperty[] = [];
  for (const row of rowsOf(log, log.csv?.modified, i)) {
    const cols = row.layout.cols as ColumnMap<ModifiedField>;
    let spans: CellSpan[] | undefined;
    const quotedEmpty = (column: number): boolean => {
      spans ??= cellSpans(row.bytes, row.start, row.end, row.layout.delimiter);
      const s = spans[column];
      return s !== undefined && s.quoted && s.start === s.end;
    };
    const m = modifiedFromRow(row.cells, cols, quotedEmpty);
    out.push(m);
    for (const [name, value] of Object.entries(extraCells(row.cells, cols))) {
      if (value !== '') extra[`${name} (${m.displayName})`] = value;
    }
  }
  return out;
}

/**
 * Byte range of event `i`'s error-code cell value (inside its quotes, after a formula-defusing
 * apostrophe) in its file, for diagnostics; undefined when the event has no error code. For a Log
 * Analytics export that is the ResultSignature cell.
 */
export function csvCellRange(log: LogData, i: number, field: 'errorCode'): { start: number; end: number } | undefined {
  const { store } = log;
  if (i < 0 || i >= store.size || store.get(field, i) === '') return undefined;
  const file = store.file[i]!;
  const layout = csvLayoutOf(log, file);
  const bytes = log.files[file]?.bytes;
  if (layout === undefined || bytes === undefined) return undefined;
  const column = layout.cols.index[layout.role === 'csvLogAnalytics' ? 'ResultSignature' : 'errorCode'];
  if (column === undefined) return undefined;
  const span = cellSpans(bytes, store.start[i]!, store.end[i]!, layout.delimiter)[column];
  if (span === undefined) return undefined;
  const { value, start, end } = csvCellValue(bytes, span);
  return value === '' ? undefined : { start, end };
}
