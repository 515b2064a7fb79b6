/**
 * Rows of the portal CSV trio → the model: a main row is an event without its steps and modified
 * properties; a steps row is one step; a modified-properties row is one attribute change. The same
 * functions serve the first read and the re-read on demand, so both give the same record.
 */
import {
  type Details,
  type ErrorInformation,
  type ModifiedProperty,
  type ProvisioningRecord,
  type ProvisioningStep,
  type Status,
  type StepType,
} from '../../common/record';
import { parseTime } from '../../common/time';
import type { MainField, ModifiedField, StepField } from './csvColumns';
import type { ColumnMap } from './csvHeaders';
import {
  errorCodeText,
  normalizeAction,
  normalizeErrorCategory,
  normalizeInitiatorType,
  normalizeStatus,
  normalizeStepType,
} from '../normalize/enums';
import { details as detailsOf, isObject, num, type Json } from '../json/json';

/** The cell of `field`, '' when the file has no such column or the row is short. */
function cellOf<F extends string>(cells: readonly string[], cols: ColumnMap<F>, field: F): string {
  const k = cols.index[field];
  return k === undefined ? '' : (cells[k] ?? '');
}

/** Unknown columns, and cells beyond the header of a ragged row, under the names they are kept by. */
export function extraCells<F extends string>(cells: readonly string[], cols: ColumnMap<F>): Details {
  const out: Details = {};
  for (const { column, name } of cols.extras) out[name] = cells[column] ?? '';
  for (let k = cols.width; k < cells.length; k++) out[`Column ${k + 1}`] = cells[k]!;
  return out;
}

/**
 * A details cell: a JSON object (what our export writes), `key=value; key2=value2` text, or else
 * plain text kept whole under `Details`.
 */
export function readDetails(text: string): Details {
  const s = text.trim();
  if (s === '') return {};
  if (s.startsWith('{')) {
    try {
      const v = JSON.parse(s) as Json;
      if (isObject(v)) return detailsOf(v, { depthTruncated: false });
    } catch {
      // not JSON after all: read as text below
    }
  }
  const parts = s.split(/;\s*(?=[^;=]+=)/);
  if (parts.every((p) => /^[^=;]{1,100}=/.test(p))) {
    const out: Details = {};
    for (const p of parts) {
      const eq = p.indexOf('=');
      out[p.slice(0, eq).trim()] = p.slice(eq + 1).trim();
    }
    return out;
  }
  return { Details: text };
}

export function mainRecord(cells: readonly string[], cols: ColumnMap<MainField>): ProvisioningRecord {
  const c = (f: MainField): string => cellOf(cells, cols, f);
  const actionLabel = c('action') || c('provisioningAction');
  const errorCode = errorCodeText(c('errorCode'));
  const error: ErrorInformation = {
    errorCode,
    reason: c('reason'),
    additionalDetails: c('additionalDetails'),
    errorCategory: normalizeErrorCategory(c('errorCategory')),
    recommendedAction: c('recommendedAction'),
  };
  const hasError = Object.values(error).some((v) => v !== '');
  const extra = extraCells(cells, cols);
  const durationText = c('duration').trim();
  const durationMs = num(durationText);
  // A duration we cannot read as milliseconds ("00:00:03") is still shown, as an extra column.
  if (durationMs === null && durationText !== '') extra[headerOf(cols, 'duration')] = durationText;
  return {
    id: c('id'),
    activityDateTime: c('date'),
    time: parseTime(c('date')),
    tenantId: c('tenantId'),
    jobId: c('jobId'),
    cycleId: c('cycleId'),
    changeId: c('changeId'),
    action: normalizeAction(c('provisioningAction')) ?? normalizeAction(c('action')) ?? 'other',
    actionLabel,
    status: normalizeStatus(c('status')) ?? (hasError ? 'failure' : 'success'),
    durationMs,
    initiatedBy: { id: c('initiatorId'), displayName: c('initiatorName'), initiatorType: normalizeInitiatorType(c('initiatorType')) },
    servicePrincipal: { id: c('appId'), displayName: c('appName') },
    sourceSystem: { id: c('sourceSystemId'), displayName: c('sourceSystem'), details: readDetails(c('sourceSystemDetails')) },
    targetSystem: { id: c('targetSystemId'), displayName: c('targetSystem'), details: readDetails(c('targetSystemDetails')) },
    sourceIdentity: { id: c('sourceId'), displayName: c('sourceName'), identityType: c('sourceType'), details: readDetails(c('sourceDetails')) },
    targetIdentity: { id: c('targetId'), displayName: c('targetName'), identityType: c('targetType'), details: readDetails(c('targetDetails')) },
    error: hasError ? error : null,
    steps: [],
    modifiedProperties: [],
    extra,
    flavor: 'csv',
  };
}

function headerOf<F extends string>(cols: ColumnMap<F>, field: F): string {
  return cols.headers[cols.index[field] ?? -1] ?? field;
}

/** A step's type: the Type cell, else what the step's name says (`EntryExportUpdate` is an export). */
function stepType(typeCell: string, name: string): StepType {
  const t = normalizeStepType(typeCell.replace(/[\s_-]+/g, ''));
  if (t !== 'unknown' || typeCell.trim() !== '') return t;
  const n = name.toLowerCase();
  if (n.includes('scoping')) return 'scoping';
  if (n.includes('matching')) return 'matching';
  if (n.includes('referenceresolution')) return 'referenceResolution';
  if (n.startsWith('entryimport')) return 'import';
  if (n.startsWith('entryexport')) return 'export';
  if (n.startsWith('entrysynchronization')) return 'processing';
  return 'unknown';
}

/** Type and status of a steps row: all the store needs at load time ("changes only" looks at them). */
export function stepKind(cells: readonly string[], cols: ColumnMap<StepField>): { type: StepType; status: Status } {
  return {
    type: stepType(cellOf(cells, cols, 'type'), cellOf(cells, cols, 'name') || cellOf(cells, cols, 'step')),
    status: normalizeStatus(cellOf(cells, cols, 'status')) ?? 'success',
  };
}

export function stepFromRow(cells: readonly string[], cols: ColumnMap<StepField>, index: number): ProvisioningStep {
  const { type, status } = stepKind(cells, cols);
  const details = readDetails(cellOf(cells, cols, 'details'));
  for (const [name, value] of Object.entries(extraCells(cells, cols))) if (value !== '') details[name] ??= value;
  // A file may label the step by a "Step" column alone: text there (not a number) is the name.
  const step = cellOf(cells, cols, 'step');
  const name = cellOf(cells, cols, 'name') || (num(step) === null ? step : '');
  return {
    index,
    name,
    type,
    status,
    description: cellOf(cells, cols, 'description'),
    details,
  };
}

/** The step number of a row, for ordering; NaN when the file has none. */
export function stepNumber(cells: readonly string[], cols: ColumnMap<StepField>): number {
  return num(cellOf(cells, cols, 'step')) ?? NaN;
}

/**
 * A modified-properties row. An empty cell is `null` (no value) unless it was written as a quoted
 * `""`, which is how a CSV says "an empty string": `quotedEmpty(column)` tells which.
 */
export function modifiedFromRow(
  cells: readonly string[],
  cols: ColumnMap<ModifiedField>,
  quotedEmpty: (column: number) => boolean,
): ModifiedProperty {
  const value = (f: 'oldValue' | 'newValue'): string | null => {
    const k = cols.index[f];
    if (k === undefined) return null;
    const v = cells[k] ?? '';
    return v !== '' || quotedEmpty(k) ? v : null;
  };
  return { displayName: cellOf(cells, cols, 'name'), oldValue: value('oldValue'), newValue: value('newValue') };
}
