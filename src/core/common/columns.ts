/**
 * The viewer table's columns: ids (the `provlog.viewer.defaultColumns` setting's values), the
 * portal's labels, the sort key each column sorts by and a starting width. Shared by the host (sort)
 * and the page (headers, cells), so a column is declared once.
 */

import { STRING_FIELDS, type StringField } from './record';

export const VIEW_COLUMN_IDS = [
  'time',
  'identity',
  'action',
  'sourceSystem',
  'targetSystem',
  'status',
  'jobId',
  'cycleId',
  'changeId',
  'errorCode',
  'application',
  'identityType',
  'sourceId',
  'targetId',
  'duration',
  'initiatedBy',
  'tenantId',
] as const;
export type ViewColumnId = (typeof VIEW_COLUMN_IDS)[number];

export interface ViewColumn {
  id: ViewColumnId;
  /** The header text, as the Entra admin center names the column. */
  label: string;
  sortKey: SortKey;
  /** Starting width in CSS pixels; the identity column takes the room left over. */
  width: number;
  /** The direction a first click on the header sorts by: newest and longest first read best. */
  firstDir: 'asc' | 'desc';
}

const col = (id: ViewColumnId, label: string, sortKey: SortKey, width: number, firstDir: 'asc' | 'desc' = 'asc'): ViewColumn => ({
  id,
  label,
  sortKey,
  width,
  firstDir,
});

export const VIEW_COLUMNS: Readonly<Record<ViewColumnId, ViewColumn>> = {
  time: col('time', 'Date', 'time', 200, 'desc'),
  identity: col('identity', 'Identity', 'sourceName', 260),
  action: col('action', 'Action', 'action', 110),
  sourceSystem: col('sourceSystem', 'Source System', 'sourceSystem', 170),
  targetSystem: col('targetSystem', 'Target System', 'targetSystem', 170),
  status: col('status', 'Status', 'status', 110),
  jobId: col('jobId', 'Job ID', 'jobId', 260),
  cycleId: col('cycleId', 'Cycle ID', 'cycleId', 280),
  changeId: col('changeId', 'Change ID', 'changeId', 280),
  errorCode: col('errorCode', 'Error Code', 'errorCode', 200),
  application: col('application', 'Application', 'appName', 180),
  identityType: col('identityType', 'Identity Type', 'sourceType', 120),
  sourceId: col('sourceId', 'Source ID', 'sourceId', 280),
  targetId: col('targetId', 'Target ID', 'targetId', 280),
  duration: col('duration', 'Duration', 'duration', 100, 'desc'),
  initiatedBy: col('initiatedBy', 'Initiated By', 'initiatorName', 200),
  tenantId: col('tenantId', 'Tenant ID', 'tenantId', 280),
};

/** The portal's default columns. */
export const DEFAULT_VIEW_COLUMNS: readonly ViewColumnId[] = ['time', 'identity', 'action', 'sourceSystem', 'targetSystem', 'status'];

export function isViewColumnId(v: unknown): v is ViewColumnId {
  return typeof v === 'string' && (VIEW_COLUMN_IDS as readonly string[]).includes(v);
}

/** Known, distinct column ids from untrusted input, in the given order; never empty. */
export function sanitizeColumns(v: unknown): ViewColumnId[] {
  const out: ViewColumnId[] = [];
  if (Array.isArray(v)) for (const c of v) if (isViewColumnId(c) && !out.includes(c)) out.push(c);
  return out.length > 0 ? out : [...DEFAULT_VIEW_COLUMNS];
}

export const MIN_COLUMN_WIDTH = 48;
export const MAX_COLUMN_WIDTH = 2000;

/** Widths from untrusted input: known columns, whole pixels within bounds. */
export function sanitizeWidths(v: unknown): Partial<Record<ViewColumnId, number>> {
  const out: Partial<Record<ViewColumnId, number>> = {};
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return out;
  for (const [k, w] of Object.entries(v as Record<string, unknown>)) {
    if (isViewColumnId(k) && typeof w === 'number' && Number.isFinite(w)) {
      out[k] = Math.round(Math.min(MAX_COLUMN_WIDTH, Math.max(MIN_COLUMN_WIDTH, w)));
    }
  }
  return out;
}

/**
 * Narrow tables (the viewer beside the detail panel): which columns give way first, down to their
 * narrowest. IDs first (long, and also in the detail panel), then the less-read columns; the date,
 * the identity and the status last, so status stays in sight while an ID keeps its width no longer.
 */
const GIVE_WAY_ORDER: readonly ViewColumnId[] = [
  'tenantId', 'sourceId', 'targetId', 'jobId', 'cycleId', 'changeId', 'initiatedBy', 'application', 'identityType',
  'duration', 'sourceSystem', 'errorCode', 'targetSystem', 'action', 'time', 'identity', 'status',
];
/** The narrowest a column gets while others give way: the status icon and word, a date, a name's start, an icon. */
const NARROWEST: Partial<Record<ViewColumnId, number>> = { status: 92, time: 120, identity: 100, action: 34 };
const NARROWEST_DEFAULT = 36;

/** Never folded away: when, who and how it ended (the rows mean nothing without them). */
const KEPT: ReadonlySet<ViewColumnId> = new Set(['time', 'identity', 'status']);

/**
 * Each column's width for a table `available` pixels wide: the chosen widths when they fit, else
 * columns give way in GIVE_WAY_ORDER down to their narrowest (or their chosen width, if smaller).
 * When even the narrowest do not fit (the viewer beside the detail panel in a small window), the
 * least important columns fold away (width 0) in the same order until the table fits; the date,
 * the identity and the status stay (the first two cut further if need be), so the table scrolls
 * only when even that is too wide.
 */
export function fitColumnWidths(columns: readonly ViewColumnId[], widthOf: (c: ViewColumnId) => number, available: number): Record<string, number> {
  const out: Record<string, number> = {};
  let excess = -available;
  for (const c of columns) excess += out[c] = widthOf(c);
  for (const c of GIVE_WAY_ORDER) {
    if (excess <= 0) break;
    if (!columns.includes(c)) continue;
    const give = Math.min(Math.max(0, out[c]! - (NARROWEST[c] ?? NARROWEST_DEFAULT)), excess);
    out[c] = out[c]! - give;
    excess -= give;
  }
  for (const c of GIVE_WAY_ORDER) {
    if (excess <= 0) break;
    if (!columns.includes(c) || KEPT.has(c)) continue;
    excess -= out[c]!;
    out[c] = 0;
  }
  // Still too wide (a third of a small window): the name, then the date, cut further; the status never.
  for (const [c, least] of LAST_RESORT) {
    if (excess <= 0) break;
    if (!columns.includes(c)) continue;
    const give = Math.min(Math.max(0, out[c]! - least), excess);
    out[c] = out[c]! - give;
    excess -= give;
  }
  return out;
}

const LAST_RESORT: readonly [ViewColumnId, number][] = [
  ['identity', 56],
  ['time', 64],
];

/** What the table can be ordered by: a column's key. */
export type SortKey = 'time' | 'duration' | 'action' | 'status' | StringField;
export type SortDirection = 'asc' | 'desc';

export function isSortKey(v: string): v is SortKey {
  return v === 'time' || v === 'duration' || v === 'action' || v === 'status' || (STRING_FIELDS as readonly string[]).includes(v);
}
