/**
 * Enum values arrive as lower-case strings (Graph), capitalised strings (Log Analytics, old beta,
 * portal CSV), free text (beta `action`: "EntryExportUpdate"), or integer ordinals (diagnostic
 * exports). These functions map all of them onto the model's enums, case-insensitively.
 */
import {
  STATUSES,
  STEP_TYPES,
  actionFromOrdinal,
  statusFromOrdinal,
  type Action,
  type Status,
  type StepType,
} from '../../common/record';
import type { Json } from '../json/json';

export function normalizeAction(v: Json | undefined): Action | undefined {
  if (typeof v === 'number') return actionFromOrdinal(v);
  if (typeof v !== 'string' || v.trim() === '') return undefined;
  const s = v.trim().toLowerCase();
  if (/^\d+$/.test(s)) return actionFromOrdinal(Number(s));
  switch (s) {
    case 'create':
    case 'add':
      return 'create';
    case 'update':
      return 'update';
    case 'delete':
      return 'delete';
    case 'disable':
      return 'disable';
    case 'stageddelete':
    case 'softdelete':
      return 'stagedDelete';
    case 'other':
    case 'none':
    case 'unknownfuturevalue':
      return 'other';
  }
  // Free text of the 2019 beta shape, e.g. "EntryExportUpdate", "EntryExportUpdateSoftDelete".
  if (s.includes('softdelete') || s.includes('stageddelete')) return 'stagedDelete';
  if (s.includes('delete')) return 'delete';
  if (s.includes('disable')) return 'disable';
  if (s.includes('add') || s.includes('create')) return 'create';
  if (s.includes('update')) return 'update';
  return 'other';
}

export function normalizeStatus(v: Json | undefined): Status | undefined {
  if (typeof v === 'number') return statusFromOrdinal(v);
  if (typeof v !== 'string' || v.trim() === '') return undefined;
  const s = v.trim().toLowerCase();
  if (/^\d+$/.test(s)) return statusFromOrdinal(Number(s));
  const hit = STATUSES.find((x) => x === s);
  if (hit) return hit;
  if (s === 'succeeded' || s === 'successful') return 'success';
  if (s === 'failed' || s === 'error') return 'failure';
  if (s === 'skip') return 'skipped';
  return undefined;
}

export function normalizeStepType(v: Json | undefined): StepType {
  if (typeof v === 'number') return STEP_TYPES[v] ?? 'unknown';
  if (typeof v !== 'string') return 'unknown';
  const s = v.trim().toLowerCase();
  if (/^\d+$/.test(s)) return STEP_TYPES[Number(s)] ?? 'unknown';
  const hit = STEP_TYPES.find((x) => x.toLowerCase() === s);
  return hit ?? 'unknown';
}

/** `initiatorType` values as lower-case text; ordinals per the CSDL enum. */
export function normalizeInitiatorType(v: Json | undefined): string {
  const names = ['user', 'application', 'system'];
  if (typeof v === 'number') return names[v] ?? '';
  if (typeof v !== 'string') return '';
  const s = v.trim();
  if (/^\d+$/.test(s)) return names[Number(s)] ?? '';
  return s.toLowerCase();
}

/** `errorCategory` ordinals per the CSDL enum; text kept as written. */
export function normalizeErrorCategory(v: Json | undefined): string {
  const names = ['failure', 'nonServiceFailure', 'success'];
  if (typeof v === 'number') return names[v] ?? '';
  if (typeof v !== 'string') return '';
  const s = v.trim();
  return /^\d+$/.test(s) ? (names[Number(s)] ?? '') : s;
}

/** `ResultSignature` of `None` or empty means no error code. */
export function errorCodeText(v: string): string {
  const s = v.trim();
  return s === '' || s.toLowerCase() === 'none' ? '' : s;
}
