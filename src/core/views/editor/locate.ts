/**
 * Where each failure's error code stands in the file: 1-based lines, UTF-16 columns (as VS Code
 * counts), the value without its quotes. Diagnostics and `provlog errors` are built on it.
 */
import { lookupErrorCode, type CatalogSeverity } from '../../catalog/catalog';
import { csvCellRange } from '../../read/csv/csvRecords';
import type { LogData } from '../../model/logData';
import { FilePositions } from '../../read/positions';

export interface ErrorLocation {
  index: number;
  code: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: CatalogSeverity;
  changeId: string;
  /** Which loaded file the position is in. */
  file: number;
}

/** Keys whose string value is an error code, most specific first. */
const CODE_KEYS = ['"errorCode"', '"ResultSignature"', '"resultSignature"'].map((k) => new TextEncoder().encode(k));

/** Error-code locations of the given events (default: all), in file order; pass the log's kept `positions` when it has them. */
export function locateErrorCodes(log: LogData, indices?: ArrayLike<number>, positions = new FilePositions(log.files)): ErrorLocation[] {
  const { store } = log;
  const codeCol = store.column('errorCode');
  const wanted: number[] = [];
  const n = indices ? indices.length : store.size;
  for (let k = 0; k < n; k++) {
    const i = indices ? indices[k]! : k;
    if (codeCol[i] !== 0) wanted.push(i);
  }
  // Sorted by file and offset so that each file's positions are found in one forward sweep.
  wanted.sort((a, b) => store.file[a]! - store.file[b]! || store.start[a]! - store.start[b]! || a - b);
  const out: ErrorLocation[] = [];
  for (const i of wanted) {
    const range = valueRange(log, i);
    if (range === undefined) continue;
    const fileIndex = store.file[i]!;
    const mapper = positions.of(fileIndex)!;
    const from = mapper.positionAt(range.start);
    const to = mapper.positionAt(range.end);
    const code = store.strings[codeCol[i]!]!;
    out.push({
      index: i,
      code,
      line: from.line,
      column: from.column,
      endLine: to.line,
      endColumn: to.column,
      severity: lookupErrorCode(code).entry.severity,
      changeId: store.get('changeId', i),
      file: fileIndex,
    });
  }
  return out;
}

/** Byte range of the code's value inside event `i`'s own bytes. */
function valueRange(log: LogData, i: number): { start: number; end: number } | undefined {
  const { store } = log;
  if (store.flavorOf(i) === 'csv') return csvCellRange(log, i, 'errorCode');
  const bytes = log.files[store.file[i]!]?.bytes;
  if (bytes === undefined || store.start[i]! < 0) return undefined;
  const code = store.get('errorCode', i);
  for (const key of CODE_KEYS) {
    let from = store.start[i]!;
    const end = store.end[i]!;
    for (;;) {
      const at = indexOfBytes(bytes, key, from, end);
      if (at < 0) break;
      const r = stringValueAfter(bytes, at + key.length, end);
      if (r !== undefined && decodeString(bytes, r.start, r.end).trim() === code) return r;
      from = at + key.length;
    }
  }
  return flattenedRange(bytes, code, store.start[i]!, store.end[i]!);
}

const FLATTENED_KEY = new TextEncoder().encode('errorCode=');

/**
 * PowerShell's ConvertTo-Json at its default -Depth 2 writes the error object as one string,
 * `"errorInformation": "@{errorCode=Timeout; reason=…}"`: the code stands after `errorCode=`, ended
 * by `;` or `}`. The reader finds it there; so must the diagnostics.
 */
function flattenedRange(bytes: Uint8Array, code: string, start: number, end: number): { start: number; end: number } | undefined {
  const wanted = new TextEncoder().encode(code);
  for (let from = start; ; ) {
    const at = indexOfBytes(bytes, FLATTENED_KEY, from, end);
    if (at < 0) return undefined;
    const s = at + FLATTENED_KEY.length;
    let same = s + wanted.length <= end;
    for (let k = 0; same && k < wanted.length; k++) same = bytes[s + k] === wanted[k];
    const after = bytes[s + wanted.length];
    if (same && (after === 0x3b || after === 0x7d)) return { start: s, end: s + wanted.length };
    from = s;
  }
}

/** After a key: optional space, a colon, optional space, then a string; its range without quotes. */
function stringValueAfter(b: Uint8Array, i: number, end: number): { start: number; end: number } | undefined {
  while (i < end && isSpace(b[i]!)) i++;
  if (b[i] !== 0x3a) return undefined;
  i++;
  while (i < end && isSpace(b[i]!)) i++;
  if (b[i] !== 0x22) return undefined;
  const start = i + 1;
  for (i = start; i < end; i++) {
    if (b[i] === 0x5c) i++;
    else if (b[i] === 0x22) return { start, end: i };
  }
  return undefined;
}

function decodeString(b: Uint8Array, start: number, end: number): string {
  try {
    return JSON.parse('"' + new TextDecoder().decode(b.subarray(start, end)) + '"') as string;
  } catch {
    return '';
  }
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

function indexOfBytes(b: Uint8Array, needle: Uint8Array, from: number, end: number): number {
  const first = needle[0]!;
  for (let at = b.indexOf(first, from); at >= 0 && at + needle.length <= end; at = b.indexOf(first, at + 1)) {
    let k = 1;
    while (k < needle.length && b[at + k] === needle[k]) k++;
    if (k === needle.length) return at;
  }
  return -1;
}
