/**
 * Parses one record at a time (bytes → JSON → ProvisioningRecord → store) and keeps count of what
 * went wrong, so the reader can report each kind of damage once, with where it first happened,
 * instead of one message per record.
 */
import { parse as parseTolerant, type ParseError } from 'jsonc-parser';
import type { Problem, ProblemSeverity } from '../../common/record';
import { positionInText, type PositionMapper } from '../positions';
import { FLAG_DEPTH_TRUNCATED, type StoreBuilder } from '../../model/store';
import { decodeSlice } from '../encoding';
import type { Json, ReadNotes } from './json';
import { parseErrorText } from './parseErrorText';
import { depthTruncationMessage } from './powershell';
import { normalizeRecord } from '../normalize/normalizeRecord';
import { isDiagnosticWithoutEvent } from '../normalize/normalizeAzureMonitor';
import { firstJsonProblem } from '../../prettify/prettify';

/** Individual messages per kind before they are summarised. */
const MAX_PER_KIND = 50;

interface Tally {
  count: number;
  first: number;
}

export class RecordParser {
  readonly kinds = { graph: 0, diagnostic: 0, logAnalytics: 0 };
  private records = 0;
  private readonly notProvisioning: Tally = { count: 0, first: -1 };
  /** Diagnostic records (`category: "ProvisioningLogs"`) without the `properties` that hold the event. */
  private readonly noProperties: Tally = { count: 0, first: -1 };
  private readonly invalidUtf8: Tally = { count: 0, first: -1 };
  private readonly flattened: Tally = { count: 0, first: -1 };
  private readonly strays = { text: 0, notAnObject: 0, unbalanced: 0 };
  private damaged = 0;

  constructor(
    private readonly bytes: Uint8Array,
    private readonly fileIndex: number,
    private readonly builder: StoreBuilder,
    private readonly positions: PositionMapper,
    private readonly problems: Problem[],
  ) {}

  add(start: number, end: number): void {
    this.records++;
    const { text, invalid } = decodeSlice(this.bytes, start, end);
    if (invalid) tally(this.invalidUtf8, start);
    let value: Json;
    try {
      value = JSON.parse(text) as Json;
    } catch {
      const parsed = this.parseDamaged(text, start, end);
      if (parsed === undefined) return;
      value = parsed;
    }
    const notes: ReadNotes = { depthTruncated: false };
    const rec = normalizeRecord(value, notes);
    if (rec === undefined) {
      tally(isDiagnosticWithoutEvent(value) ? this.noProperties : this.notProvisioning, start);
      return;
    }
    if (rec.flavor === 'graph' || rec.flavor === 'diagnostic' || rec.flavor === 'logAnalytics') this.kinds[rec.flavor]++;
    if (notes.depthTruncated) tally(this.flattened, this.flattenedOffset(start, end));
    this.builder.add(rec, { file: this.fileIndex, start, end }, notes.depthTruncated ? FLAG_DEPTH_TRUNCATED : 0);
  }

  stray(offset: number, kind: 'text' | 'notAnObject' | 'unbalanced'): void {
    if (this.strays[kind]++ >= MAX_PER_KIND) return;
    const where = this.at(offset);
    const message = {
      text: `Unexpected text at ${where}, outside any record; it was skipped.`,
      notAnObject: `The value at ${where} is not a record (an object was expected); it was skipped.`,
      unbalanced: `Unexpected closing bracket at ${where}; it was skipped.`,
    }[kind];
    this.push('warning', message, offset, 'stray');
  }

  /** The bytes ran out inside a record that starts at `openStart`; `at` is where they stop. */
  truncated(openStart: number, at: number): void {
    const atEnd = at >= this.bytes.length - 2;
    const start = openStart >= 0 ? ` (it starts at ${this.at(openStart)})` : '';
    const message = atEnd
      ? `The file ends in the middle of a record${start}: it was probably cut off while downloading or copying. ` +
        `Every complete record before the cut was read (${this.builder.count}).`
      : `This line ends in the middle of a record${start}; the line was skipped and reading went on with the next one.`;
    this.push('error', message, at, 'truncated');
  }

  finish(): void {
    const recognised = this.kinds.graph + this.kinds.diagnostic + this.kinds.logAnalytics;
    if (this.noProperties.count > 0) {
      const n = this.noProperties.count;
      this.push(
        recognised === 0 ? 'error' : 'warning',
        `${n === 1 ? '1 Azure Monitor record' : `${n} Azure Monitor records`} with category "ProvisioningLogs" ${n === 1 ? 'has' : 'have'} no "properties" object ` +
          `(first at ${this.at(this.noProperties.first)}), which is where the provisioning event itself belongs; ${n === 1 ? 'it was' : 'they were'} skipped. ` +
          'The export may have been filtered or edited (a query that dropped the properties column).',
        this.noProperties.first,
        'diagnosticWithoutProperties',
      );
    }
    if (this.notProvisioning.count > 0 && recognised === 0 && this.noProperties.count === 0) {
      this.push('error', NOT_A_LOG, this.notProvisioning.first, 'notProvisioningLog');
    } else if (this.notProvisioning.count > 0) {
      this.push(
        'warning',
        `${this.notProvisioning.count} record(s) are not provisioning events (first at ${this.at(this.notProvisioning.first)}) and were skipped.`,
        this.notProvisioning.first,
        'notProvisioningRecord',
      );
    }
    if (this.records === 0 && this.strays.text === 0) {
      this.problems.push({ severity: 'warning', code: 'noRecords', message: 'The file holds no provisioning events.' });
    }
    if (this.invalidUtf8.count > 0) {
      this.push(
        'warning',
        `${this.invalidUtf8.count} record(s) hold bytes that are not valid UTF-8 (first in the record at ${this.at(this.invalidUtf8.first)}); ` +
          'they were read with \uFFFD in their place. The file may have been re-saved in another encoding (such as Windows-1252).',
        this.invalidUtf8.first,
        'invalidUtf8',
      );
    }
    if (this.flattened.count > 0) {
      this.push('warning', depthTruncationMessage(`at ${this.at(this.flattened.first)}`), this.flattened.first, 'depthTruncated');
    }
    for (const kind of ['text', 'notAnObject', 'unbalanced'] as const) {
      const more = this.strays[kind] - MAX_PER_KIND;
      if (more > 0) this.problems.push({ severity: 'warning', code: 'stray', message: `…and ${more} more such places were skipped.` });
    }
    const moreDamaged = this.damaged - MAX_PER_KIND;
    if (moreDamaged > 0) {
      this.problems.push({ severity: 'error', code: 'invalidRecord', message: `…and ${moreDamaged} more records are not valid JSON.` });
    }
  }

  /** Invalid JSON: tolerate trailing commas and comments, keep a damaged record's readable part. */
  private parseDamaged(text: string, start: number, end: number): Json | undefined {
    const errors: ParseError[] = [];
    const value = parseTolerant(text, errors, { allowTrailingComma: true, disallowComments: false }) as Json;
    const recStart = this.positions.positionAt(start);
    const where = `line ${recStart.line}, column ${recStart.column}`;
    const firstError = errors[0];
    if (firstError === undefined) {
      // Prettify's grammar says where (the comma, the comment): one locator for both.
      const found = firstJsonProblem(this.bytes.subarray(start, end));
      const at = found === undefined ? start : start + found.offset;
      const what = found?.code === 'trailingComma' ? 'a trailing comma' : found?.code === 'unexpected' ? 'a comment or another JSON extension' : 'a trailing comma or a comment';
      this.push('warning', `The record at ${where} is not strict JSON: ${what} at ${this.at(at)}; it was read anyway.`, at, 'lenientJson');
      return value;
    }
    this.damaged++;
    const p = positionInText(recStart, text, firstError.offset);
    const usable = value !== null && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length > 0;
    if (this.damaged <= MAX_PER_KIND) {
      this.problems.push({
        severity: 'error',
        code: 'invalidRecord',
        message:
          `The record at ${where} is not valid JSON: ${parseErrorText(firstError.error)} at line ${p.line}, column ${p.column}. ` +
          (usable ? 'The record is incomplete: what could be read before the damage was kept.' : 'It was skipped.'),
        line: p.line,
        column: p.column,
      });
    }
    return usable ? value : undefined;
  }

  private flattenedOffset(start: number, end: number): number {
    const view = this.bytes.subarray(start, end);
    const candidates = [indexOfAscii(view, '"@{'), indexOfAscii(view, '"System.')].filter((k) => k >= 0);
    return candidates.length > 0 ? start + Math.min(...candidates) + 1 : start;
  }

  private at(offset: number): string {
    const p = this.positions.positionAt(offset);
    return `line ${p.line}, column ${p.column}`;
  }

  private push(severity: ProblemSeverity, message: string, offset: number, code: string): void {
    const p = this.positions.positionAt(Math.max(0, offset));
    this.problems.push({ severity, message, line: p.line, column: p.column, code });
  }
}

function tally(t: Tally, offset: number): void {
  if (t.count++ === 0) t.first = offset;
}

function indexOfAscii(view: Uint8Array, needle: string): number {
  const bytes = Array.from(needle, (c) => c.charCodeAt(0));
  let from = 0;
  for (;;) {
    const k = view.indexOf(bytes[0]!, from);
    if (k < 0 || k + bytes.length > view.length) return -1;
    if (bytes.every((b, j) => view[k + j] === b)) return k;
    from = k + 1;
  }
}

export const NOT_A_LOG =
  'This is not a provisioning log: none of its records has the fields of a provisioning event ' +
  '(changeId, cycleId, provisioningAction, provisioningSteps or provisioningStatusInfo, or an Azure Monitor record ' +
  'with category "ProvisioningLogs"). The viewer reads the Entra portal JSON download (an array of records), a saved ' +
  'Graph page ({"value": […]}), Azure Monitor exports ({"records": […]} or one record per line), Log Analytics ' +
  'AADProvisioningLogs rows, PowerShell ConvertTo-Json output, and the portal CSV download.';
