/**
 * Header rows: what each file of a CSV download is (decided by its columns, never by its name, since
 * users rename files) and which column holds which field. Columns no field claims are kept, under
 * their own header, as extra columns.
 */
import type { FileRole } from '../../model/logData';
import {
  LOG_ANALYTICS_COLUMNS,
  LOG_ANALYTICS_MARKERS,
  MAIN_COLUMNS,
  MODIFIED_COLUMNS,
  STEP_COLUMNS,
  type ColumnDef,
} from './csvColumns';

export type CsvRole = Exclude<FileRole, 'json'>;

/**
 * The comparable form of a header: lower case, without blanks and punctuation, without a bracketed
 * suffix such as `(UTC)`, `(ms)` or `[UTC]`. `Date (UTC)` → `date`, `ChangeId` → `changeid`.
 */
export function headerKey(header: string): string {
  const squeeze = (s: string): string => s.toLowerCase().replace(/[\s\p{P}\p{S}]+/gu, '');
  const bare = squeeze(header.replace(/\s*[([][^()[\]]*[)\]]\s*$/, ''));
  return bare !== '' ? bare : squeeze(header);
}

export interface ColumnMap<F extends string> {
  /** Column index of each field found (the first column that names it). */
  index: Partial<Record<F, number>>;
  /** Columns no field claimed, with the names they are kept under. */
  extras: { column: number; name: string }[];
  headers: readonly string[];
  /** Cells a row should have; more are kept as `Column N`, fewer read as empty. */
  width: number;
}

/** Per column-definition table (a constant of the code, not of a log): built once, never per log. */
const lookups = new WeakMap<readonly ColumnDef<string>[], Map<string, string>>();

function lookupFor<F extends string>(table: readonly ColumnDef<F>[]): Map<string, F> {
  let m = lookups.get(table);
  if (m === undefined) {
    m = new Map();
    for (const c of table) for (const a of c.aliases) m.set(headerKey(a), c.field);
    lookups.set(table, m);
  }
  return m as Map<string, F>;
}

export function mapColumns<F extends string>(headers: readonly string[], table: readonly ColumnDef<F>[]): ColumnMap<F> {
  const lookup = lookupFor(table);
  const index: Partial<Record<F, number>> = {};
  const extras: { column: number; name: string }[] = [];
  const used = new Set<string>();
  headers.forEach((h, column) => {
    const field = lookup.get(headerKey(h));
    if (field !== undefined && index[field] === undefined) {
      index[field] = column;
      return;
    }
    const base = h.trim() !== '' ? h.trim() : `Column ${column + 1}`;
    let name = base;
    for (let n = 2; used.has(name); n++) name = `${base} (${n})`;
    used.add(name);
    extras.push({ column, name });
  });
  return { index, extras, headers, width: headers.length };
}

const keysOf = (names: readonly string[]): string[] => names.map(headerKey);
const aliasKeys = (table: readonly ColumnDef<string>[], field: string): string[] =>
  keysOf(table.find((c) => c.field === field)?.aliases ?? []);

const CHANGE = aliasKeys(MAIN_COLUMNS, 'changeId');
const ID = aliasKeys(MAIN_COLUMNS, 'id');
const DATE = aliasKeys(MAIN_COLUMNS, 'date');
const STATUS = aliasKeys(MAIN_COLUMNS, 'status');
const ACTION = [...aliasKeys(MAIN_COLUMNS, 'action'), ...aliasKeys(MAIN_COLUMNS, 'provisioningAction')];
const OLD_NEW = [...aliasKeys(MODIFIED_COLUMNS, 'oldValue'), ...aliasKeys(MODIFIED_COLUMNS, 'newValue')];
const STEP_ONLY = keysOf(['Step', 'Step Number', 'Step Name', 'Step Type', 'Step Status', 'Step Index', 'Provisioning Step Type']);
const NAME_TYPE = [aliasKeys(STEP_COLUMNS, 'name'), aliasKeys(STEP_COLUMNS, 'type')];
const LA_MARKERS = keysOf(LOG_ANALYTICS_MARKERS);
const TIME_GENERATED = headerKey('TimeGenerated');

/** What a header row says the file is, or undefined when it is not part of a provisioning log. */
export function detectRole(headers: readonly string[]): CsvRole | undefined {
  const keys = new Set(headers.map(headerKey));
  const any = (list: readonly string[]): boolean => list.some((k) => keys.has(k));
  const laMarkers = LA_MARKERS.filter((k) => keys.has(k)).length;
  if (laMarkers >= 2 || (keys.has(TIME_GENERATED) && laMarkers >= 1)) return 'csvLogAnalytics';
  const change = any(CHANGE);
  if (change && any(OLD_NEW)) return 'csvModifiedProperties';
  if (change && any(STEP_ONLY)) return 'csvSteps';
  if (change && NAME_TYPE.every(any) && !any(DATE) && !any(ACTION)) return 'csvSteps';
  if ((change || any(ID)) && (any(DATE) || any(STATUS))) return 'csvMain';
  return undefined;
}

export const ROLE_TABLES = {
  csvMain: MAIN_COLUMNS,
  csvSteps: STEP_COLUMNS,
  csvModifiedProperties: MODIFIED_COLUMNS,
  csvLogAnalytics: LOG_ANALYTICS_COLUMNS,
} as const;

/** Plain words for "what we looked for", used when a CSV file is not recognised. */
export const LOOKED_FOR =
  'a Change ID or ID column plus a date (Date, Activity Date Time, TimeGenerated…) or Status column for the main file ' +
  '(ProvisioningLogs.csv); Change ID plus Step, Name and Type for the provisioning-steps file; Change ID plus Old Value ' +
  'or New Value for the modified-properties file; or TimeGenerated with ResultSignature, ProvisioningSteps or ' +
  'AADTenantId for a Log Analytics (AADProvisioningLogs) export';
