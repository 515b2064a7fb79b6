/**
 * What stands at a byte of a log's text, in the log's own terms: an error code, a change, cycle or
 * job ID, or an enum value (action, status, step type, error category, initiator type), with the
 * event it belongs to. Works on every format the readers know: JSON records by key path, CSV rows
 * (portal and Log Analytics) by column.
 */
import { csvCellValue, csvLayoutOf } from '../../read/csv/csvRecords';
import { cellSpans } from '../../read/csv/csvRows';
import { decodeSlice } from '../../read/encoding';
import type { LogData } from '../../model/logData';
import { jsonValueAt, lastKeys } from './jsonValueAt';
import { RecordLocator } from '../../read/recordLocator';

export type TokenRole = 'errorCode' | 'skipReason' | 'changeId' | 'cycleId' | 'jobId' | 'action' | 'status' | 'stepType' | 'errorCategory' | 'initiatorType';

export interface LogToken {
  /** The event the token belongs to. */
  index: number;
  role: TokenRole;
  /** The value as the log means it: a JSON string decoded, a CSV cell unquoted. */
  value: string;
  /** Byte range of the value in its file (inside quotes). */
  start: number;
  end: number;
  /** The key or column header it stands under, as written. */
  key: string;
  /** Written as a number (diagnostic exports write enums as their ordinals). */
  numeric: boolean;
}

/** Keys (lower case) and the role of their values. `type` counts only under `initiatedBy`. */
const KEY_ROLES: ReadonlyMap<string, TokenRole> = new Map([
  ['errorcode', 'errorCode'],
  ['resultsignature', 'errorCode'],
  // In a step's details: why the step (and so the event) was skipped.
  ['skipreason', 'skipReason'],
  ['changeid', 'changeId'],
  // Azure Monitor and Log Analytics put the change ID in the correlation ID as well.
  ['correlationid', 'changeId'],
  ['cycleid', 'cycleId'],
  ['jobid', 'jobId'],
  ['provisioningaction', 'action'],
  ['action', 'action'],
  ['status', 'status'],
  ['resulttype', 'status'],
  ['provisioningsteptype', 'stepType'],
  ['errorcategory', 'errorCategory'],
  ['initiatortype', 'initiatorType'],
  ['initiatingtype', 'initiatorType'],
]);

/** CSV fields (portal names and Log Analytics columns) and their roles. */
const FIELD_ROLES: ReadonlyMap<string, TokenRole> = new Map([
  ['errorCode', 'errorCode'],
  ['ResultSignature', 'errorCode'],
  ['changeId', 'changeId'],
  ['ChangeId', 'changeId'],
  ['cycleId', 'cycleId'],
  ['CycleId', 'cycleId'],
  ['jobId', 'jobId'],
  ['JobId', 'jobId'],
  ['action', 'action'],
  ['provisioningAction', 'action'],
  ['Action', 'action'],
  ['ProvisioningAction', 'action'],
  ['status', 'status'],
  ['ResultType', 'status'],
  ['errorCategory', 'errorCategory'],
  ['initiatorType', 'initiatorType'],
]);

/**
 * The token at byte `offset` of loaded file `file`, or undefined when nothing we explain stands
 * there. Besides values under known keys, the event's own error code is found wherever else it is
 * written: inside Log Analytics' JSON-string columns (`ProvisioningStatusInfo`), in a reason. Pass
 * the log's kept locator (LoadedLog.locator) when asking often.
 */
export function logTokenAt(log: LogData, file: number, offset: number, locator = new RecordLocator(log)): LogToken | undefined {
  const index = locator.eventAt(file, offset);
  if (index === undefined) return undefined;
  const token = (log.store.flavorOf(index) === 'csv' ? csvToken(log, index, offset) : jsonToken(log, index, offset)) ?? ownCodeAt(log, index, file, offset);
  if (token === undefined || token.value.trim() === '') return undefined;
  // Log Analytics writes `None` where there is no error.
  if (token.role === 'errorCode' && token.value.trim().toLowerCase() === 'none') return undefined;
  return token;
}

function jsonToken(log: LogData, index: number, offset: number): LogToken | undefined {
  const { store } = log;
  const bytes = log.files[store.file[index]!]?.bytes;
  if (bytes === undefined) return undefined;
  const hit = jsonValueAt(bytes, store.start[index]!, store.end[index]!, offset);
  if (hit === undefined) return undefined;
  const { key, parent } = lastKeys(hit.path);
  if (key === undefined) return undefined;
  const lower = key.toLowerCase();
  const role = lower === 'type' && parent?.toLowerCase() === 'initiatedby' ? 'initiatorType' : KEY_ROLES.get(lower);
  if (role === undefined) return undefined;
  return { index, role, value: hit.value, start: hit.start, end: hit.end, key, numeric: !hit.quoted };
}

const CODE_CHAR = new Uint8Array(256);
for (const c of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.-') CODE_CHAR[c.charCodeAt(0)] = 1;

/** The word under the offset, when it is the event's error code. */
function ownCodeAt(log: LogData, index: number, file: number, offset: number): LogToken | undefined {
  const code = log.store.get('errorCode', index);
  const bytes = log.files[file]?.bytes;
  if (code === '' || bytes === undefined || CODE_CHAR[bytes[offset] ?? 0] !== 1) return undefined;
  let start = offset;
  let end = offset;
  const from = Math.max(0, log.store.start[index]!);
  const to = log.store.end[index]!;
  while (start > from && CODE_CHAR[bytes[start - 1]!] === 1) start--;
  while (end < to && CODE_CHAR[bytes[end]!] === 1) end++;
  if (end - start !== code.length || decodeSlice(bytes, start, end).text !== code) return undefined;
  return { index, role: 'errorCode', value: code, start, end, key: '', numeric: false };
}

function csvToken(log: LogData, index: number, offset: number): LogToken | undefined {
  const { store } = log;
  const file = store.file[index]!;
  const loaded = log.files[file];
  const headers = log.csv?.headers[file];
  const layout = csvLayoutOf(log, file);
  if (loaded === undefined || headers === undefined || layout === undefined) return undefined;
  const spans = cellSpans(loaded.bytes, store.start[index]!, store.end[index]!, layout.delimiter);
  const column = spans.findIndex((s) => offset >= s.start - (s.quoted ? 1 : 0) && offset <= s.end + (s.quoted ? 1 : 0));
  const span = spans[column];
  const field = layout.fields[column];
  const role = field === undefined ? undefined : FIELD_ROLES.get(field);
  if (span === undefined || role === undefined) return undefined;
  const { value, start, end } = csvCellValue(loaded.bytes, span);
  return { index, role, value, start, end, key: headers[column] ?? '', numeric: false };
}
