import { type EventFilter } from '../../common/filter';
/**
 * Which parts of a filter Microsoft Graph can apply itself ($filter on auditLogs/provisioning) and which stay
 * with the viewer's QueryEngine. Graph's filters are case-sensitive and exact where ours are case-insensitive
 * "contains", so only what narrows the pull without ever dropping a record the local filter would keep is pushed
 * down: full ids (lower-cased GUIDs, whole job ids), one status, the application's service principal id. The
 * local filter still runs over every record, so pushing down never changes the result, only what travels.
 */

export interface GraphFilterPlan {
  /** `$filter` clauses (joined with " and "), without the time window. */
  readonly clauses: readonly string[];
  /** What remains for the QueryEngine; undefined when Graph's filter is the whole filter. */
  readonly local: EventFilter | undefined;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** `Salesforce.0a1b…(32 hex).guid` — a whole job id (the portal shows it this way). */
const JOB_ID = /^[A-Za-z0-9_-]+\.[0-9a-f]{32}\.[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isGuid(s: string): boolean {
  return GUID.test(s.trim());
}

/** An OData string literal: single quotes doubled. */
export function odataString(s: string): string {
  return `'${s.split("'").join("''")}'`;
}

/** An OData DateTimeOffset literal (unquoted), with milliseconds. */
export function odataTime(ms: number): string {
  return new Date(ms).toISOString();
}

/**
 * Splits `filter` (the viewer's words) plus the application picked in the fetch dialog (a service principal id)
 * into Graph's part and the local rest. Time bounds are not looked at: the puller turns them into windows.
 */
export function planGraphFilter(filter: EventFilter, servicePrincipalId?: string): GraphFilterPlan {
  const clauses: string[] = [];
  const local: EventFilter = { ...filter };
  delete local.since;
  delete local.until;
  delete local.window;
  delete local.windowFrom;
  if (servicePrincipalId !== undefined && servicePrincipalId.trim() !== '') {
    const sp = servicePrincipalId.trim();
    if (!isGuid(sp)) throw new Error(`The application must be a service principal id (a GUID), not "${sp.slice(0, 80)}".`);
    clauses.push(`servicePrincipal/id eq ${odataString(sp.toLowerCase())}`);
  }
  // A GUID typed as the application may be the app id rather than the service principal id: it stays local.
  pushId(clauses, 'cycleId', filter.cycleId, GUID);
  pushId(clauses, 'changeId', filter.changeId, GUID);
  pushId(clauses, 'jobId', filter.jobId, JOB_ID);
  if (filter.status && filter.status.length === 1) clauses.push(`provisioningStatusInfo/status eq ${odataString(filter.status[0]!)}`);
  return { clauses, local: isEmptyFilter(local) ? undefined : local };
}

/** Job, cycle and change ids are pushed down only when whole: a part of one is a "contains" only we can do. */
function pushId(clauses: string[], field: string, value: string | undefined, whole: RegExp): void {
  const v = value?.trim();
  if (!v || !whole.test(v)) return;
  // Graph's ids are lower-case GUIDs; the job's template name keeps its case.
  const canonical = field === 'jobId' ? v.replace(/\.([0-9a-f.-]+)$/i, (m) => m.toLowerCase()) : v.toLowerCase();
  clauses.push(`${field} eq ${odataString(canonical)}`);
}

/** The `$filter` of one time window: strictly after `startMs - 1` and strictly before `endMs` (Graph accepts gt/lt only). */
export function windowFilter(clauses: readonly string[], startMs: number, endMs: number): string {
  return [`activityDateTime gt ${odataTime(startMs - 1)}`, `activityDateTime lt ${odataTime(endMs)}`, ...clauses].join(' and ');
}

/** True when no test would reject any event. */
export function isEmptyFilter(f: EventFilter): boolean {
  return Object.entries(f).every(([, v]) => v === undefined || v === false || v === '' || (Array.isArray(v) && v.length === 0));
}
