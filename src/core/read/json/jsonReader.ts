/**
 * Reads every JSON-based format: portal downloads, Graph pages, JSON Lines, Azure Monitor records,
 * Log Analytics rows and PowerShell output. Records are found by the byte scanner and parsed one
 * at a time, so memory stays near the file size and a damaged record costs only itself.
 */
import type { FormatId, Problem } from '../../common/record';
import { PositionMapper } from '../positions';
import type { StoreBuilder } from '../../model/store';
import { decodeSlice } from '../encoding';
import { skipWhitespace, scanJson, type ScanEnd, type ScanSink } from './jsonScanner';
import { looksLikeConvertToJson } from './powershell';
import { RecordParser } from './recordParser';

export interface JsonReadResult {
  format: FormatId;
  formatDetail: string;
  nextLink?: string;
  /** An `@odata.context` of the provisioning endpoints: an empty page is still a (quiet) log. */
  provisioningContext?: boolean;
}

export function readJson(
  bytes: Uint8Array,
  fileIndex: number,
  builder: StoreBuilder,
  problems: Problem[],
  onProgress?: (done: number, total: number) => void,
): JsonReadResult {
  const n = bytes.length;
  const positions = new PositionMapper(bytes);
  const parser = new RecordParser(bytes, fileIndex, builder, positions, problems);
  const outer: Record<string, string> = {};
  let envelope = '';
  let topLevelValues = 0;
  let nextProgress = 0;
  const sink: ScanSink = {
    record(start, end) {
      parser.add(start, end);
      if (onProgress && end >= nextProgress) {
        onProgress(end, n);
        nextProgress = end + (4 << 20);
      }
    },
    outerString(key, start, end) {
      if (key.startsWith('@odata.')) outer[key] = JSON.parse(decodeSlice(bytes, start, end).text) as string;
    },
    envelope(key) {
      envelope = key;
    },
    stray(offset, kind) {
      parser.stray(offset, kind);
    },
  };

  const first = skipWhitespace(bytes, 0, n);
  const linesMode = bytes[first] === 0x7b && isJsonLines(bytes, first);
  if (linesMode) {
    let lineStart = first;
    while (lineStart < n) {
      let lineEnd = bytes.indexOf(0x0a, lineStart);
      if (lineEnd < 0) lineEnd = n;
      const start = skipWhitespace(bytes, lineStart, lineEnd);
      if (start < lineEnd) {
        topLevelValues++;
        reportCut(scanJson(bytes, start, lineEnd, sink), lineEnd);
      }
      lineStart = lineEnd + 1;
    }
  } else {
    const end = scanJson(bytes, first, n, sink);
    topLevelValues = end.topValues;
    reportCut(end, n);
  }
  onProgress?.(n, n);
  parser.finish();

  function reportCut(end: ScanEnd, at: number): void {
    if (end.depth === 0 && !end.inString) return;
    parser.truncated(end.openStart, trimRight(bytes, at));
  }

  const head = decodeSlice(bytes, first, Math.min(n, first + 4096)).text;
  const context = outer['@odata.context'] ?? '';
  const format = pickFormat(bytes[first], linesMode, envelope, topLevelValues, looksLikeConvertToJson(head), parser.kinds);
  const detail = format === 'singleRecord' && parser.kinds.diagnostic > 0 ? 'Azure Monitor diagnostic record' : graphDetail(context);
  const result: JsonReadResult = { format, formatDetail: detail };
  if (/provisioning/i.test(context)) result.provisioningContext = true;
  const nextLink = outer['@odata.nextLink'];
  if (nextLink) {
    result.nextLink = nextLink;
    problems.push({
      severity: 'info',
      code: 'moreGraphPages',
      message:
        'This is one page of a longer Graph result: it has an @odata.nextLink, so more events exist than this ' +
        'file holds. Fetch the following pages (follow @odata.nextLink until it is absent) to see them all.',
    });
  }
  return result;
}

/** JSON Lines: the first line holds one complete object and another value starts on a later line. */
export function isJsonLines(b: Uint8Array, first: number): boolean {
  const nl = b.indexOf(0x0a, first);
  if (nl < 0) return false;
  const noop: ScanSink = { record() {}, outerString() {}, envelope() {}, stray() {} };
  const end = scanJson(b, first, nl, noop);
  if (end.depth !== 0 || end.inString) return false;
  const next = skipWhitespace(b, nl, b.length);
  return next < b.length && b[next] === 0x7b;
}

function trimRight(b: Uint8Array, at: number): number {
  let i = at;
  while (i > 0 && (b[i - 1] === 0x0d || b[i - 1] === 0x0a)) i--;
  return i;
}

export function pickFormat(
  firstByte: number | undefined,
  linesMode: boolean,
  envelope: string,
  topLevelValues: number,
  powershell: boolean,
  kinds: { diagnostic: number; logAnalytics: number; graph: number },
): FormatId {
  const mostly = kinds.diagnostic > 0 && kinds.diagnostic >= kinds.graph ? 'diagnostic' : kinds.logAnalytics > kinds.graph ? 'logAnalytics' : 'graph';
  if (linesMode || topLevelValues > 1) {
    return mostly === 'diagnostic' ? 'diagnosticJsonLines' : mostly === 'logAnalytics' ? 'logAnalyticsJson' : 'jsonLines';
  }
  if (envelope === 'value') return 'graphPage';
  if (envelope === 'records') return 'diagnosticRecords';
  if (powershell) return 'powershellJson';
  if (mostly === 'logAnalytics') return 'logAnalyticsJson';
  if (firstByte === 0x5b) return mostly === 'diagnostic' ? 'diagnosticRecords' : 'portalJson';
  // One object, however laid out: a single record (a diagnostic one says so in the format detail).
  return 'singleRecord';
}

function graphDetail(context: string): string {
  if (context === '') return '';
  const version = /\/beta\//i.test(context) ? 'beta' : /\/v1\.0\//i.test(context) ? 'v1.0' : '';
  const legacy = /directoryProvisioning/i.test(context) ? 'directoryProvisioning, 2019 shape' : '';
  return [version, legacy].filter((s) => s !== '').join(', ');
}
