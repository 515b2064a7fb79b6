/**
 * Reads CSV downloads: the Entra portal's trio (ProvisioningLogs, …_ProvisioningSteps,
 * …_ModifiedProperties, joined on Change ID) and the Log Analytics AADProvisioningLogs export. Each
 * file's role comes from its header row, never its name. Steps and modified-properties rows are
 * read first so that each event can be stored with what "changes only" needs; events keep byte
 * ranges of their rows, and the full record is re-read on demand (csvRecords.ts).
 */
import type { CsvIndex, LoadedFile } from '../../model/logData';
import type { FormatId, ModifiedProperty, Problem } from '../../common/record';
import { FLAG_DEPTH_TRUNCATED, type StoreBuilder } from '../../model/store';
import { LOG_ANALYTICS_COLUMNS, MAIN_COLUMNS, MODIFIED_COLUMNS, STEP_COLUMNS } from './csvColumns';
import { mapColumns, type CsvRole } from './csvHeaders';
import { JoinedRows } from './csvJoin';
import { logAnalyticsRecord } from './csvLogAnalytics';
import { mainRecord, stepKind } from './csvPortal';
import { CsvProblems, missingModifiedMessage, missingStepsMessage, noMainFileMessage } from './csvProblems';
import type { ParsedRow } from './csvRowParser';
import { CellKeeper, joinKey, openTable, readRows, stepsAtLoad, stepTag, type Table } from './csvTables';
import type { ReadNotes } from '../json/json';

export interface CsvReadResult {
  format: FormatId;
  formatDetail: string;
  index: CsvIndex;
}

const PROGRESS_STEP = 4 << 20;
/** What the store sees of a modified property at load time: only whether there are any matters there. */
const NOT_YET_READ: ModifiedProperty = Object.freeze({ displayName: '', oldValue: null, newValue: null });

export function readCsvFiles(
  files: LoadedFile[],
  builder: StoreBuilder,
  problems: Problem[],
  onProgress?: (done: number, total: number) => void,
): CsvReadResult {
  const report = new CsvProblems(files, problems);
  const index: CsvIndex = { headers: files.map(() => []) };
  const tables: Table[] = [];
  files.forEach((f, k) => {
    const t = openTable(f, k, report);
    if (t === undefined) return;
    index.headers[k] = t.headers;
    f.role = t.role;
    report.widths.set(k, t.headers.length);
    tables.push(t);
  });
  const ofRole = (role: CsvRole): Table[] => tables.filter((t) => t.role === role);
  const events = tables.filter((t) => t.role === 'csvMain' || t.role === 'csvLogAnalytics');
  const steps = ofRole('csvSteps');
  const modified = ofRole('csvModifiedProperties');
  const format: FormatId = events[0]?.role === 'csvLogAnalytics' ? 'logAnalyticsCsv' : 'portalCsv';
  const result: CsvReadResult = { format, formatDetail: '', index };
  if (events.length === 0) {
    if (steps.length + modified.length > 0) {
      report.push('error', 'csvNoMainFile', noMainFileMessage([...steps, ...modified].map((t) => report.name(t.file))));
    }
    report.flush();
    return result;
  }

  const total = files.reduce((n, f) => n + f.bytes.length, 0);
  let done = 0;
  let nextProgress = 0;
  const read = (t: Table, onRow: (row: ParsedRow, start: number, end: number) => void): void => {
    const bytes = files[t.file]!.bytes;
    const rows = readRows(t, bytes, report, (row, start, end) => {
      onRow(row, start, end);
      if (onProgress !== undefined && done + end >= nextProgress) {
        onProgress(done + end, total);
        nextProgress = done + end + PROGRESS_STEP;
      }
    });
    done += bytes.length;
    // A steps or modified-properties file without rows is normal (no event changed attributes).
    if (rows === 0 && (t.role === 'csvMain' || t.role === 'csvLogAnalytics')) {
      report.push('warning', 'csvHeaderOnly', `${report.name(t.file)} has a header but no rows: it holds no provisioning events.`, t.file);
    }
  };

  let stepRows: JoinedRows | undefined;
  for (const t of steps) {
    const cols = mapColumns(t.headers, STEP_COLUMNS);
    const joined = (stepRows ??= new JoinedRows());
    read(t, (row, start, end) => {
      const kind = stepKind(row.cells, cols);
      const tag = stepTag(kind.type, kind.status);
      joined.add(joinKey(row.cells[cols.index.changeId ?? -1] ?? ''), t.file, start, end, tag);
    });
  }
  let modifiedRows: JoinedRows | undefined;
  for (const t of modified) {
    const cols = mapColumns(t.headers, MODIFIED_COLUMNS);
    const joined = (modifiedRows ??= new JoinedRows());
    read(t, (row, start, end) => joined.add(joinKey(row.cells[cols.index.changeId ?? -1] ?? ''), t.file, start, end));
  }

  // Per event (in store order): its chain in the steps and in the modified-properties rows, -1 for none.
  const stepIds: number[] = [];
  const modifiedIds: number[] = [];
  for (const t of events) {
    if (t.role === 'csvLogAnalytics') {
      const cols = mapColumns(t.headers, LOG_ANALYTICS_COLUMNS);
      const keeper = new CellKeeper(true);
      read(t, (row, start, end) => {
        const notes: ReadNotes = { depthTruncated: false };
        const rec = logAnalyticsRecord(keeper.keep(row.cells), cols, notes);
        const flags = notes.depthTruncated ? FLAG_DEPTH_TRUNCATED : 0;
        if (builder.add(rec, { file: t.file, start, end }, flags) < 0) return;
        stepIds.push(-1);
        modifiedIds.push(-1);
      });
      continue;
    }
    const cols = mapColumns(t.headers, MAIN_COLUMNS);
    const keeper = new CellKeeper(false);
    read(t, (row, start, end) => {
      const rec = mainRecord(keeper.keep(row.cells), cols);
      const key = joinKey(rec.changeId);
      const stepId = stepRows?.keyId(key) ?? -1;
      const modifiedId = modifiedRows?.keyId(key) ?? -1;
      rec.steps = stepsAtLoad(stepRows, stepId);
      rec.modifiedProperties = Array.from({ length: modifiedRows?.countOf(modifiedId) ?? 0 }, () => NOT_YET_READ);
      if (builder.add(rec, { file: t.file, start, end }) < 0) return;
      stepIds.push(stepId);
      modifiedIds.push(modifiedId);
    });
  }

  for (const [joined, ids] of [[stepRows, stepIds], [modifiedRows, modifiedIds]] as const) {
    if (joined === undefined) continue;
    for (const [file, u] of joined.unmatched(ids)) report.row('unmatched', file, u.firstStart, u.count);
    for (const [file, u] of joined.withoutKey) report.row('noChangeId', file, u.firstStart, u.count);
  }
  if (stepRows) index.steps = stepRows.index(stepIds);
  if (modifiedRows) index.modified = modifiedRows.index(modifiedIds);

  const mains = ofRole('csvMain');
  if (mains.length > 0) {
    const mainName = report.name(mains[0]!.file);
    if (steps.length === 0) report.push('warning', 'csvNoStepsFile', missingStepsMessage(mainName));
    if (modified.length === 0) report.push('info', 'csvNoModifiedFile', missingModifiedMessage(mainName));
    result.formatDetail = ['main file', steps.length > 0 ? 'steps' : '', modified.length > 0 ? 'modified properties' : '']
      .filter((s) => s !== '')
      .join(' + ');
  }
  onProgress?.(total, total);
  report.flush();
  return result;
}
