/**
 * The problems a log shows in an editor: one per failed event on its error code (severity from the
 * catalog, message naming the code, its meaning and the identity), the reader's located problems
 * (a cut-off file, PowerShell's depth truncation, damaged records), and when a file has more
 * failures than the cap, one summary saying how many are not listed. Plain data: the VS Code
 * adapter only converts, and the benchmark measures exactly what the editor pays.
 */
import { lookupErrorCode, type CatalogSeverity } from '../../catalog/catalog';
import { formatCount } from '../../common/displayText';
import { locateErrorCodes } from './locate';
import type { LogData } from '../../model/logData';
import { ACTION_LABELS, type Status } from '../../common/record';
import type { EventStore } from '../../model/store';
import { oneLine as plainText } from '../../common/safeText';
import { FilePositions } from '../../read/positions';
import { DerivedKey } from '../../log/loadedLog';

export type DiagnosticKind = 'errorCode' | 'problem' | 'omitted';

export interface LogDiagnostic {
  kind: DiagnosticKind;
  /** Which loaded file (0: the file itself; CSV trio siblings after it). */
  file: number;
  /** 1-based; columns in UTF-16 units, end exclusive. */
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: CatalogSeverity;
  message: string;
  /** The error code, or the reader's problem code. */
  code: string;
  /** Documentation of the code. */
  docs?: string;
  /** The event (error-code diagnostics). */
  index?: number;
}

export interface LogDiagnosticOptions {
  /**
   * Least severe error code still reported. The reader's own problems are not error codes: their
   * errors and warnings always show, their information only when this is `info`.
   */
  minimum: CatalogSeverity;
  /** Error-code diagnostics per file at most. */
  maxPerFile: number;
  /** Loaded files to report on (default: all). */
  files?: ReadonlySet<number>;
}

/** The settings part of the options: what a file's configuration decides. */
export type DiagnosticSettings = Pick<LogDiagnosticOptions, 'minimum' | 'maxPerFile'>;

export const SEVERITY_RANK: Readonly<Record<CatalogSeverity, number>> = { error: 3, warning: 2, info: 1 };

/** `positions`: the log's kept mappers (LoadedLog.positions) when it has them. */
export function logDiagnostics(log: LogData, options: LogDiagnosticOptions, positions = new FilePositions(log.files)): LogDiagnostic[] {
  // An ordinary JSON file opened in the viewer is no log: its verdict is the viewer's, not a Problem.
  if (log.format === 'notALog') return [];
  const out: LogDiagnostic[] = [];
  const wanted = (file: number): boolean => options.files === undefined || options.files.has(file);
  for (const [file, picked] of pickFailures(log, options, wanted)) {
    const located = locateErrorCodes(log, picked.shown, positions);
    for (const l of located) {
      const match = lookupErrorCode(l.code);
      out.push({
        kind: 'errorCode',
        file,
        line: l.line,
        column: l.column,
        endLine: l.endLine,
        endColumn: l.endColumn,
        severity: l.severity,
        message: failureMessage(log.store, l.index, l.code),
        code: l.code,
        // An unknown code is log text: Problems would show it as the text of a Microsoft Learn link.
        ...(match.known ? { docs: match.entry.docs } : {}),
        index: l.index,
      });
    }
    if (picked.omitted.total > 0) out.push(omittedSummary(file, picked.shown.length, picked.omitted));
  }
  out.push(...readerProblems(log, options, wanted, positions));
  return out.sort((a, b) => a.file - b.file || a.line - b.line || a.column - b.column);
}

/** `ContosoEntryConflict: conflicting entry in the target app (Adele Vance)`. */
export function failureMessage(store: EventStore, i: number, code: string): string {
  const match = lookupErrorCode(code);
  const reason = store.get('reason', i);
  const what = match.known
    ? lowerFirst(match.entry.title)
    : `unrecognized error code${reason.trim() !== '' ? ` — ${plainText(reason, 100)}` : ''}`;
  const who = identityOf(store, i);
  // What happened and to whom first: Problems shows the code in its own column, and a long code in
  // front pushed the meaning and the person out of sight.
  const happened = `${ACTION_LABELS[store.actionOf(i)]} ${STATUS_WORDS[store.statusOf(i)]}`;
  return `${happened}${who !== '' ? ` for ${who}` : ''}: ${what}`;
}

const STATUS_WORDS: Readonly<Record<Status, string>> = { failure: 'failed', skipped: 'skipped', warning: 'had a warning', success: 'succeeded' };

/** The name a person knows the object by: source display name, else target's, else an id. */
export function identityOf(store: EventStore, i: number): string {
  for (const f of ['sourceName', 'targetName', 'sourceId', 'targetId'] as const) {
    const v = store.get(f, i).trim();
    if (v !== '') return plainText(v, 60);
  }
  return '';
}

interface Omitted {
  total: number;
  bySeverity: Record<CatalogSeverity, number>;
}

/**
 * Per file, the failures to show: the most severe first, then in file order, up to the cap; the
 * rest are counted. Severities are looked up once per distinct code, not once per event.
 */
function pickFailures(
  log: LogData,
  options: LogDiagnosticOptions,
  wanted: (file: number) => boolean,
): Map<number, { shown: number[]; omitted: Omitted }> {
  const { store } = log;
  const codes = store.column('errorCode');
  const rankOf = new Map<number, number>();
  const floor = SEVERITY_RANK[options.minimum];
  // Per file, per rank (3, 2, 1): event indices in store order, which is file order.
  const buckets = new Map<number, number[][]>();
  for (let i = 0; i < store.size; i++) {
    const id = codes[i]!;
    if (id === 0) continue;
    let rank = rankOf.get(id);
    if (rank === undefined) {
      const code = store.strings[id]!;
      // Log Analytics writes `None` for "no error"; readers normally drop it, this is a guard.
      rank = code.trim() === '' || code.trim().toLowerCase() === 'none' ? 0 : SEVERITY_RANK[lookupErrorCode(code).entry.severity];
      rankOf.set(id, rank);
    }
    if (rank < floor || rank === 0) continue;
    const file = store.file[i]!;
    if (!wanted(file)) continue;
    let b = buckets.get(file);
    if (b === undefined) buckets.set(file, (b = [[], [], [], []]));
    b[rank]!.push(i);
  }
  const out = new Map<number, { shown: number[]; omitted: Omitted }>();
  for (const [file, b] of buckets) {
    const shown: number[] = [];
    const omitted: Omitted = { total: 0, bySeverity: { error: 0, warning: 0, info: 0 } };
    const severities: [number, CatalogSeverity][] = [[3, 'error'], [2, 'warning'], [1, 'info']];
    for (const [rank, severity] of severities) {
      const list = b[rank]!;
      const room = Math.max(0, options.maxPerFile - shown.length);
      for (let k = 0; k < list.length && k < room; k++) shown.push(list[k]!);
      const left = Math.max(0, list.length - room);
      omitted.total += left;
      omitted.bySeverity[severity] += left;
    }
    out.set(file, { shown, omitted });
  }
  return out;
}

function omittedSummary(file: number, shown: number, omitted: Omitted): LogDiagnostic {
  const parts = (['error', 'warning', 'info'] as const)
    .filter((s) => omitted.bySeverity[s] > 0)
    .map((s) => `${formatCount(omitted.bySeverity[s])} ${s === 'info' ? 'information' : s}${omitted.bySeverity[s] === 1 || s === 'info' ? '' : 's'}`);
  return {
    kind: 'omitted',
    file,
    line: 1,
    column: 1,
    endLine: 1,
    endColumn: 2,
    severity: 'info',
    code: 'moreFailures',
    message:
      `${formatCount(omitted.total)} more failures in this file are not listed (${parts.join(', ')}): the first ${formatCount(shown)} are shown, ` +
      `as set by provlog.diagnostics.maxPerFile. Open the file in the Provisioning Log Viewer to see every one.`,
  };
}

/** The reader's problems that have a position, as ranges over the text they point at. */
function readerProblems(log: LogData, options: LogDiagnosticOptions, wanted: (file: number) => boolean, positions: FilePositions): LogDiagnostic[] {
  const out: LogDiagnostic[] = [];
  const floor = Math.min(SEVERITY_RANK[options.minimum], SEVERITY_RANK.warning);
  for (const p of log.problems) {
    if (p.line === undefined || p.column === undefined) continue;
    const severity: CatalogSeverity = p.severity;
    if (SEVERITY_RANK[severity] < floor) continue;
    const file = p.file === undefined ? 0 : log.files.findIndex((f) => f.name === p.file);
    const bytes = log.files[file]?.bytes;
    if (file < 0 || bytes === undefined || !wanted(file)) continue;
    const offsets = positions.of(file)!;
    const at = offsets.offsetAt(p.line, p.column);
    const [from, to] = problemSpan(bytes, at, p.code);
    const a = offsets.positionAt(from);
    const b = offsets.positionAt(to);
    out.push({ kind: 'problem', file, line: a.line, column: a.column, endLine: b.line, endColumn: b.column, severity, message: p.message, code: p.code ?? 'readError' });
  }
  return out;
}

/**
 * Byte range a problem covers: the flattened `@{…}` text of a depth-truncated value up to its
 * closing quote; the last character before the cut of a truncated file; else one character.
 */
function problemSpan(b: Uint8Array, at: number, code: string | undefined): [number, number] {
  if (code === 'depthTruncated') {
    for (let i = at; i < b.length; i++) {
      if (b[i] === 0x5c) i++;
      else if (b[i] === 0x22 || b[i] === 0x0a || b[i] === 0x0d) return [at, i];
    }
  }
  const isBreak = (c: number | undefined): boolean => c === undefined || c === 0x0a || c === 0x0d;
  if (!isBreak(b[at])) return [at, nextChar(b, at)];
  if (at > 0 && !isBreak(b[at - 1])) return [prevChar(b, at), at];
  return [at, at];
}

function nextChar(b: Uint8Array, i: number): number {
  let j = i + 1;
  while (j < b.length && (b[j]! & 0xc0) === 0x80) j++;
  return j;
}

function prevChar(b: Uint8Array, i: number): number {
  let j = i - 1;
  while (j > 0 && (b[j]! & 0xc0) === 0x80) j--;
  return j;
}

function lowerFirst(s: string): string {
  // `SCIM lookup…` keeps its capitals: only a capitalised ordinary word is lowered.
  return /^[A-Z][a-z]/.test(s) ? s[0]!.toLowerCase() + s.slice(1) : s;
}

/** Diagnostics of every file of a log, worked out where it was read (off the main thread). */
export interface PrecomputedDiagnostics {
  settings: DiagnosticSettings;
  items: LogDiagnostic[];
}

/** Where a loaded log keeps the diagnostics its load worker worked out, for the settings they were asked for. */
export const PRECOMPUTED_DIAGNOSTICS = new DerivedKey<PrecomputedDiagnostics>('diagnostics from the load worker');
