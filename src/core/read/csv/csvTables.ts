/**
 * One CSV file as the reader sees it: its delimiter, header and role, and its rows one at a time
 * with their damage counted. Also the small pieces the reader and the re-reader share.
 */
import type { LoadedFile } from '../../model/logData';
import { STATUSES, STEP_TYPES, type ProvisioningStep, type Status, type StepType } from '../../common/record';
import { ownCopy } from './csvCells';
import { LOOKED_FOR, detectRole, type CsvRole } from './csvHeaders';
import type { JoinedRows } from './csvJoin';
import type { CsvProblems } from './csvProblems';
import { forEachParsedRow, parseRow, type ParsedRow } from './csvRowParser';
import { detectDelimiter, forEachRow, type Delimiter } from './csvRows';

export interface Table {
  file: number;
  role: CsvRole;
  delimiter: Delimiter;
  headers: string[];
  /** Where the rows after the header start (at the header's line break; empty rows are skipped). */
  body: number;
}

/** The header row of a file and what it says the file is; undefined (and a problem) when it says nothing. */
export function openTable(f: LoadedFile, file: number, report: CsvProblems): Table | undefined {
  const b = f.bytes;
  const delimiter = detectDelimiter(b);
  let header: { start: number; end: number } | undefined;
  forEachRow(b, 0, delimiter, (start, end) => {
    header = { start, end };
    // Excel's `sep=;` line names the delimiter (detectDelimiter finds the same one); the header follows it.
    return end - start === 5 && /^sep=.$/i.test(String.fromCharCode(...b.subarray(start, end)));
  });
  if (header === undefined || headerIsBlank(b, header.start, header.end)) {
    report.push('warning', 'empty', `${report.name(file)} is empty; it was skipped.`, file);
    return undefined;
  }
  const headers = parseRow(b, header.start, header.end, delimiter).cells;
  headers[0] = headers[0]!.replace(/^\uFEFF/, '');
  const role = detectRole(headers);
  if (role === undefined) {
    const shown = headers.slice(0, 8).map((h) => `"${h}"`).join(', ') + (headers.length > 8 ? ', …' : '');
    report.push(
      'error',
      'notProvisioningLog',
      `${report.name(file)} is not part of a provisioning log: its columns (${shown}) are not those of any provisioning-log CSV. Looked for ${LOOKED_FOR}.`,
      file,
      header.start,
    );
    return undefined;
  }
  return { file, role, delimiter, headers, body: header.end };
}

function headerIsBlank(b: Uint8Array, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (b[i] !== 0x20 && b[i] !== 0x09) return false;
  return true;
}

/** Every row after the header, parsed, with ragged rows, quote damage and bad UTF-8 counted. Returns the row count. */
export function readRows(
  t: Table,
  bytes: Uint8Array,
  report: CsvProblems,
  onRow: (row: ParsedRow, start: number, end: number) => void,
): number {
  let rows = 0;
  forEachParsedRow(bytes, t.body, t.delimiter, (row, start, end) => {
    if (row.cells.length !== t.headers.length) report.row('ragged', t.file, start);
    if (row.quoteError === 'MissingQuotes') report.row('unterminatedQuote', t.file, start);
    if (row.quoteError === 'InvalidQuotes') report.row('strayQuote', t.file, start);
    if (row.invalidUtf8) report.row('invalidUtf8', t.file, start);
    onRow(row, start, end);
    rows++;
  });
  return rows;
}

/** Change IDs as compared for the join: GUIDs, so blanks and case do not count. */
export function joinKey(changeId: string): string {
  return changeId.trim().toLowerCase();
}

/**
 * Cells become strings the store keeps. Each gets its own copy (see ownCopy), except that a value
 * equal to the one above it in the same column (job, cycle, system, app: most of them) reuses that
 * string, which the store has already hashed. JSON cells of a Log Analytics row are parsed into new
 * strings anyway and are left alone.
 */
export class CellKeeper {
  private readonly above: string[] = [];

  constructor(private readonly skipJson: boolean) {}

  keep(cells: string[]): string[] {
    for (let k = 0; k < cells.length; k++) {
      const c = cells[k]!;
      if (c === this.above[k]) {
        cells[k] = this.above[k]!;
      } else if (!(this.skipJson && (c.startsWith('{') || c.startsWith('[')))) {
        cells[k] = this.above[k] = ownCopy(c);
      }
    }
    return cells;
  }
}

const STEP_TYPE_ORD = new Map<StepType, number>(STEP_TYPES.map((t, i) => [t, i]));
const STATUS_ORD = new Map<Status, number>(STATUSES.map((s, i) => [s, i]));

/** Steps rows carry a tag: step type ordinal × 8 + status ordinal (stepsAtLoad reads it back). */
export function stepTag(type: StepType, status: Status): number {
  return (STEP_TYPE_ORD.get(type) ?? 0) * 8 + (STATUS_ORD.get(status) ?? 0);
}

/**
 * The steps of an event as the store sees them at load time: type and status only, which is all
 * "changes only" (FLAG_CHANGED) looks at. Names, descriptions and details are read on demand.
 */
export function stepsAtLoad(rows: JoinedRows | undefined, keyId: number): ProvisioningStep[] {
  if (rows === undefined) return [];
  return rows.tagsOf(keyId).map((tag, index) => ({
    index,
    name: '',
    type: STEP_TYPES[tag >> 3] ?? 'unknown',
    status: STATUSES[tag & 7] ?? 'success',
    description: '',
    details: {},
  }));
}
