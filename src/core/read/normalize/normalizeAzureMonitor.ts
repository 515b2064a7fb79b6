/**
 * Azure Monitor shapes around the Graph record:
 *  - diagnostic-settings records (Storage `PT1H.json`, Event Hub `{"records": […]}`): an envelope
 *    with `category: "ProvisioningLogs"` whose `properties` is the Graph record;
 *  - Log Analytics `AADProvisioningLogs` rows: PascalCase columns, nested columns as JSON strings,
 *    the error code in `ResultSignature` (`None` or empty: no error).
 */
import { type Flavor, type ProvisioningRecord } from '../../common/record';
import { parseTime } from '../../common/time';
import { errorCodeText, normalizeStatus } from './enums';
import { isObject, num, prop, text, type Json, type JsonObject, type ReadNotes } from '../json/json';
import { normalizeGraph } from './normalizeGraph';

export function isDiagnosticEnvelope(o: JsonObject): boolean {
  const p = o['properties'] ?? o['Properties'];
  return isObject(p) && text(prop(o, ['category', 'Category'])).toLowerCase() === 'provisioninglogs';
}

/** `category: "ProvisioningLogs"` with no `properties` object: an envelope that lost its event. */
export function isDiagnosticWithoutEvent(v: Json): boolean {
  if (!isObject(v)) return false;
  return !isObject(v['properties'] ?? v['Properties']) && text(prop(v, ['category', 'Category'])).toLowerCase() === 'provisioninglogs';
}

export function isLogAnalyticsRow(o: JsonObject): boolean {
  return (
    ('TimeGenerated' in o || 'ResultType' in o || 'ResultSignature' in o || 'OperationName' in o) &&
    ('ChangeId' in o || 'CycleId' in o || 'JobId' in o || 'ProvisioningSteps' in o)
  );
}

export function normalizeDiagnostic(env: JsonObject, notes: ReadNotes): ProvisioningRecord {
  const p = (isObject(env['properties']) ? env['properties'] : env['Properties']) as JsonObject;
  const rec = normalizeGraph(p, notes, 'diagnostic');
  overlay(rec, {
    time: text(prop(env, ['time', 'Time'])),
    resultType: prop(env, ['resultType', 'ResultType']),
    code: text(prop(env, ['resultSignature', 'ResultSignature'])),
    description: text(prop(env, ['resultDescription', 'ResultDescription'])),
    duration: prop(env, ['durationMs', 'DurationMs']),
    tenantId: text(prop(env, ['tenantId', 'TenantId'])),
    id: text(prop(env, ['identity'])),
  });
  return rec;
}

/** Column names of the Log Analytics table (and its CSV export) → the Graph record they stand for. */
export function normalizeLogAnalytics(row: JsonObject, notes: ReadNotes, flavor: Flavor = 'logAnalytics'): ProvisioningRecord {
  const g: JsonObject = {
    id: row['Id'] ?? null,
    activityDateTime: row['TimeGenerated'] ?? null,
    tenantId: row['AADTenantId'] ?? null,
    jobId: row['JobId'] ?? null,
    cycleId: row['CycleId'] ?? null,
    changeId: row['ChangeId'] ?? null,
    action: row['Action'] ?? null,
    provisioningAction: row['ProvisioningAction'] ?? null,
    durationInMilliseconds: row['DurationMs'] ?? null,
    initiatedBy: row['InitiatedBy'] ?? null,
    servicePrincipal: row['ServicePrincipal'] ?? null,
    sourceSystem: row['SourceSystem'] ?? null,
    targetSystem: row['TargetSystem'] ?? null,
    sourceIdentity: row['SourceIdentity'] ?? null,
    targetIdentity: row['TargetIdentity'] ?? null,
    provisioningStatusInfo: row['ProvisioningStatusInfo'] ?? null,
    statusInfo: row['StatusInfo'] ?? null,
    provisioningSteps: row['ProvisioningSteps'] ?? null,
    modifiedProperties: row['ModifiedProperties'] ?? null,
  };
  const rec = normalizeGraph(g, notes, flavor);
  overlay(rec, {
    time: '',
    resultType: row['ResultType'],
    code: text(row['ResultSignature']),
    description: text(row['ResultDescription']),
    duration: undefined,
    // `TenantId` is the Log Analytics workspace there, not the Entra tenant (that is `AADTenantId`).
    tenantId: '',
    id: '',
  });
  return rec;
}

interface EnvelopeFacts {
  time: string;
  resultType: Json | undefined;
  code: string;
  description: string;
  duration: Json | undefined;
  tenantId: string;
  id: string;
}

/** The envelope's own columns fill what the inner record lacks, and carry the result when it disagrees. */
function overlay(rec: ProvisioningRecord, f: EnvelopeFacts): void {
  if (rec.activityDateTime === '' && f.time !== '') {
    rec.activityDateTime = f.time;
    rec.time = parseTime(f.time);
  }
  const resultStatus = normalizeStatus(f.resultType);
  if (resultStatus !== undefined && rec.status === 'success' && resultStatus !== 'success') rec.status = resultStatus;
  const code = errorCodeText(f.code);
  if (code !== '' || (f.description !== '' && rec.status === 'failure')) {
    if (rec.error === null) {
      rec.error = { errorCode: code, reason: f.description, additionalDetails: '', errorCategory: '', recommendedAction: '' };
    } else {
      if (rec.error.errorCode === '') rec.error.errorCode = code;
      if (rec.error.reason === '') rec.error.reason = f.description;
    }
  }
  if (rec.durationMs === null) rec.durationMs = num(f.duration);
  if (rec.tenantId === '') rec.tenantId = f.tenantId;
  if (rec.id === '') rec.id = f.id;
}
