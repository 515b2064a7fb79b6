/**
 * The viewer's filter (EventFilter) as a KQL query on `AADProvisioningLogs`, with the in-memory
 * query's meaning: text filters are case-insensitive substrings (`contains`), or whole values (`=~`)
 * when picked from a list, over the same fields, read from the row the way the readers read it
 * (kqlFunctions.ts). Filter text only ever becomes a string literal (kqlText.ts), so it cannot
 * change the query's structure.
 */
import { TEXT_FILTER_FIELDS } from '../../query/engine';
import { TEXT_FILTER_KEYS, WINDOW_MS, isExact, type EventFilter } from '../../common/filter';
import { functionLets, functionsIn } from './kqlFunctions';
import { filterNeedle, kqlDatetime, kqlString, kqlTimespan } from './kqlText';
import { LA_TABLE } from './schema';
import { type StringField } from '../../common/record';

const LEGACY_ACTION = 'column_ifexists("Action", "")';
const LEGACY_STATUS = 'column_ifexists("StatusInfo", "")';
const STATUS = `provlog_status(ProvisioningStatusInfo, ${LEGACY_STATUS}, ResultType)`;
const ACTION = `provlog_action(ProvisioningAction, ${LEGACY_ACTION})`;

/** Each event field a text filter can look at, as a string expression over a row. */
export const LA_FIELD: Readonly<Record<Exclude<StringField, 'activityDateTime'>, string>> = {
  id: 'Id',
  tenantId: 'AADTenantId',
  jobId: 'JobId',
  cycleId: 'CycleId',
  changeId: 'ChangeId',
  actionLabel: `coalesce(${LEGACY_ACTION}, ProvisioningAction)`,
  sourceName: 'provlog_identityName(SourceIdentity)',
  sourceId: 'provlog_id(SourceIdentity)',
  sourceType: 'provlog_identityType(SourceIdentity)',
  targetName: 'provlog_identityName(TargetIdentity)',
  targetId: 'provlog_id(TargetIdentity)',
  targetType: 'provlog_identityType(TargetIdentity)',
  sourceSystem: 'provlog_name(SourceSystem)',
  targetSystem: 'provlog_name(TargetSystem)',
  appName: 'provlog_name(ServicePrincipal)',
  appId: 'provlog_id(ServicePrincipal)',
  initiatorName: 'provlog_name(InitiatedBy)',
  initiatorType: 'provlog_initiatorType(InitiatedBy)',
  errorCode: `provlog_errorCode(ProvisioningStatusInfo, ${LEGACY_STATUS}, ResultSignature)`,
  errorCategory: `provlog_errorCategory(ProvisioningStatusInfo, ${LEGACY_STATUS})`,
  reason: `provlog_reason(ProvisioningStatusInfo, ${LEGACY_STATUS}, ResultDescription)`,
};

export interface KqlOptions {
  /**
   * The newest event's time (epoch ms), for windows counted back from the newest event: the viewer
   * knows it. Without it the query finds the table's newest event itself.
   */
  newest?: number;
  /** Leave every time condition out: the caller sends the time range as the request's timespan. */
  omitTime?: boolean;
  /**
   * Bounds counted back from now or from the newest event (the CLI's `--since 7d`), for a query
   * written without a log at hand; they add to the filter's own bounds.
   */
  relative?: { sinceMs?: number; untilMs?: number; from: 'now' | 'newest' };
}

/** The query: optional `let` lines for helper functions, the table, then one `where` per filter. */
export function filterToKql(filter: EventFilter, opts: KqlOptions = {}): string {
  const lets: string[] = [];
  const wheres: string[] = [];
  if (!opts.omitTime) wheres.push(...timeConditions(filter, opts, lets));
  for (const key of TEXT_FILTER_KEYS) {
    const needle = filterNeedle(filter[key]);
    if (needle === undefined) continue;
    const lit = kqlString(needle);
    // A value picked from a list matches whole values: `=~` is KQL's case-insensitive equality.
    const op = isExact(filter, key) ? '=~' : 'contains';
    wheres.push(TEXT_FILTER_FIELDS[key].map((f) => `${LA_FIELD[f as Exclude<StringField, 'activityDateTime'>]} ${op} ${lit}`).join(' or '));
  }
  const types = (filter.identityType ?? []).map((t) => t.toLowerCase());
  if (types.length > 0) {
    const set = `(${types.map(kqlString).join(', ')})`;
    wheres.push(
      `provlog_typeKey(${LA_FIELD.sourceType}) in ${set} or ` +
        `(isempty(${LA_FIELD.sourceType}) and provlog_typeKey(${LA_FIELD.targetType}) in ${set})`,
    );
  }
  if (filter.status && filter.status.length > 0) wheres.push(`${STATUS} in (${filter.status.map(kqlString).join(', ')})`);
  if (filter.hideSkipped) wheres.push(`${STATUS} != "skipped"`);
  if (filter.action && filter.action.length > 0) wheres.push(`${ACTION} in (${filter.action.map(kqlString).join(', ')})`);
  const pipes = wheres.map((w) => `| where ${w}`);
  if (filter.changesOnly) pipes.push(...changesOnly());
  const body = [LA_TABLE, ...pipes];
  const used = new Set(body.flatMap(functionsIn));
  return [...lets, ...functionLets(used), ...body].join('\n');
}

/**
 * An event counts as a change when an export step succeeded; without steps, when it succeeded and
 * its action is not `other` (isChange in store.ts). A row without steps gets one empty step so
 * mv-apply keeps it.
 */
function changesOnly(): string[] {
  return [
    '| extend provlog_steps = todynamic(ProvisioningSteps)',
    '| extend provlog_hasSteps = array_length(provlog_steps) > 0',
    '| mv-apply provlog_step = iff(provlog_hasSteps, provlog_steps, dynamic([{}])) on (summarize provlog_exports = countif(provlog_exported(provlog_step)))',
    `| where iff(provlog_hasSteps, provlog_exports > 0, ${STATUS} == "success" and ${ACTION} != "other")`,
    '| project-away provlog_steps, provlog_hasSteps, provlog_exports',
  ];
}

/** Time conditions with QueryEngine.bounds' meaning; `until` is inclusive to the millisecond. */
function timeConditions(filter: EventFilter, opts: KqlOptions, lets: string[]): string[] {
  const out: string[] = [];
  if (filter.since !== undefined) out.push(`TimeGenerated >= ${kqlDatetime(filter.since)}`);
  // Stored times are whole milliseconds: an event at 12:00:00.0004 counts as 12:00:00.000.
  if (filter.until !== undefined) out.push(`TimeGenerated < ${kqlDatetime(filter.until + 1)}`);
  const back = (ms: number, from: 'now' | 'newest', op: string): void => {
    if (from === 'now') {
      out.push(`TimeGenerated ${op} ago(${kqlTimespan(ms)})`);
    } else if (opts.newest !== undefined && !Number.isNaN(opts.newest)) {
      out.push(`TimeGenerated ${op} ${kqlDatetime(opts.newest - ms)}`);
    } else {
      if (lets.length === 0) lets.push(`let provlog_newest = toscalar(${LA_TABLE} | summarize max(TimeGenerated));`);
      out.push(`TimeGenerated ${op} provlog_newest - ${kqlTimespan(ms)}`);
    }
  };
  if (filter.window) {
    back(WINDOW_MS[filter.window], filter.windowFrom === 'now' ? 'now' : 'newest', '>=');
    if (filter.windowFrom === 'now') out.push('TimeGenerated <= now()');
  }
  const rel = opts.relative;
  if (rel?.sinceMs !== undefined) back(rel.sinceMs, rel.from, '>=');
  if (rel?.untilMs !== undefined) back(rel.untilMs, rel.from, '<=');
  return out.length > 0 ? [out.join(' and ')] : [];
}
