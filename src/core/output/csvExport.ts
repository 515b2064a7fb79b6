/**
 * Export of chosen events as the portal's CSV trio: the main file (one row per event), the steps
 * file (one row per step) and the modified-properties file (one row per attribute), joined by
 * Change ID, with headers our reader accepts. Every cell is defused against formula injection and
 * the reader undoes exactly that, so export → read gives back the same events. Details maps are
 * written as JSON; a modified value that is `null` is an empty cell, an empty string is `""`.
 */
import { csvLine } from '../read/csv/csvCells';
import { MAIN_COLUMNS, MODIFIED_COLUMNS, STEP_COLUMNS, type MainField } from '../read/csv/csvColumns';
import { mapColumns } from '../read/csv/csvHeaders';
import type { LogData } from '../model/logData';
import { STATUS_LABELS, type Details, type ProvisioningRecord, type StepType } from '../common/record';
import { recordAt } from '../read/recordAt';

export type CsvTrioFile = 'main' | 'steps' | 'modified';

/** Excel reads a CSV as UTF-8 only when it starts with a byte-order mark; our reader skips it. */
const BOM = '\uFEFF';
const FLUSH_AT = 64 * 1024;

const details = (d: Details): string => (Object.keys(d).length > 0 ? JSON.stringify(d) : '');
const stepTypeText = (t: StepType): string => t[0]!.toUpperCase() + t.slice(1);

const MAIN_VALUES: Readonly<Record<MainField, (r: ProvisioningRecord) => string>> = {
  date: (r) => r.activityDateTime,
  id: (r) => r.id,
  jobId: (r) => r.jobId,
  cycleId: (r) => r.cycleId,
  changeId: (r) => r.changeId,
  action: (r) => r.actionLabel,
  provisioningAction: (r) => r.action,
  status: (r) => STATUS_LABELS[r.status],
  sourceName: (r) => r.sourceIdentity.displayName,
  sourceType: (r) => r.sourceIdentity.identityType,
  sourceId: (r) => r.sourceIdentity.id,
  sourceDetails: (r) => details(r.sourceIdentity.details),
  targetName: (r) => r.targetIdentity.displayName,
  targetType: (r) => r.targetIdentity.identityType,
  targetId: (r) => r.targetIdentity.id,
  targetDetails: (r) => details(r.targetIdentity.details),
  sourceSystem: (r) => r.sourceSystem.displayName,
  sourceSystemId: (r) => r.sourceSystem.id,
  sourceSystemDetails: (r) => details(r.sourceSystem.details),
  targetSystem: (r) => r.targetSystem.displayName,
  targetSystemId: (r) => r.targetSystem.id,
  targetSystemDetails: (r) => details(r.targetSystem.details),
  appName: (r) => r.servicePrincipal.displayName,
  appId: (r) => r.servicePrincipal.id,
  initiatorName: (r) => r.initiatedBy.displayName,
  initiatorId: (r) => r.initiatedBy.id,
  initiatorType: (r) => r.initiatedBy.initiatorType,
  errorCode: (r) => r.error?.errorCode ?? '',
  reason: (r) => r.error?.reason ?? '',
  errorCategory: (r) => r.error?.errorCategory ?? '',
  additionalDetails: (r) => r.error?.additionalDetails ?? '',
  recommendedAction: (r) => r.error?.recommendedAction ?? '',
  duration: (r) => (r.durationMs === null ? '' : String(r.durationMs)),
  tenantId: (r) => r.tenantId,
};

/** Outside modified properties, an empty value is just an empty cell. */
const bare = (s: string): string | null => (s === '' ? null : s);

/**
 * Extra columns of modified-properties files that were read (kept on the record as
 * "<column> (<property>)"), so that they go back into the modified-properties file.
 */
function modifiedExtraColumns(log: LogData): string[] {
  const names = new Set<string>();
  log.files.forEach((f, k) => {
    if (f.role !== 'csvModifiedProperties') return;
    for (const e of mapColumns(log.csv?.headers[k] ?? [], MODIFIED_COLUMNS).extras) names.add(e.name);
  });
  return [...names];
}

export function exportCsvTrio(log: LogData, indices: Iterable<number>, write: (file: CsvTrioFile, chunk: string) => void): void {
  const pending: Record<CsvTrioFile, string[]> = { main: [], steps: [], modified: [] };
  const size: Record<CsvTrioFile, number> = { main: 0, steps: 0, modified: 0 };
  const flush = (file: CsvTrioFile): void => {
    if (pending[file].length === 0) return;
    write(file, pending[file].join(''));
    pending[file] = [];
    size[file] = 0;
  };
  const emit = (file: CsvTrioFile, line: string): void => {
    pending[file].push(line);
    size[file] += line.length;
    if (size[file] >= FLUSH_AT) flush(file);
  };

  const mainExtras = [...log.store.extraNames];
  const modifiedExtras = modifiedExtraColumns(log);
  emit('main', BOM + csvLine([...MAIN_COLUMNS.map((c) => c.header), ...mainExtras]));
  emit('steps', BOM + csvLine(STEP_COLUMNS.map((c) => c.header)));
  emit('modified', BOM + csvLine([...MODIFIED_COLUMNS.map((c) => c.header), ...modifiedExtras]));

  for (const i of indices) {
    const rec = recordAt(log, i);
    if (rec === undefined) continue;
    const main = MAIN_COLUMNS.map((c) => bare(MAIN_VALUES[c.field](rec)));
    emit('main', csvLine([...main, ...mainExtras.map((n) => bare(rec.extra[n] ?? ''))]));
    for (const s of rec.steps) {
      const cells = [rec.changeId, String(s.index + 1), s.name, stepTypeText(s.type), STATUS_LABELS[s.status], s.description, details(s.details)];
      emit('steps', csvLine(cells.map(bare)));
    }
    for (const m of rec.modifiedProperties) {
      const extras = modifiedExtras.map((n) => bare(rec.extra[`${n} (${m.displayName})`] ?? ''));
      emit('modified', csvLine([bare(rec.changeId), bare(m.displayName), m.oldValue, m.newValue, ...extras]));
    }
  }
  for (const file of ['main', 'steps', 'modified'] as const) flush(file);
}
