/**
 * Graph `provisioningObjectSummary` (v1.0, beta with `action`/`statusInfo`, the 2019
 * `directoryProvisioning` shape, and the diagnostic `properties` object with PascalCase `Id`/`Name`
 * and integer enums) → ProvisioningRecord.
 */
import {
  type ErrorInformation,
  type Flavor,
  type ModifiedProperty,
  type ProvisionedIdentity,
  type ProvisioningRecord,
  type ProvisioningStep,
  type ProvisioningSystem,
  type Status,
} from '../../common/record';
import { parseTime } from '../../common/time';
import {
  normalizeAction,
  normalizeErrorCategory,
  normalizeInitiatorType,
  normalizeStatus,
  normalizeStepType,
} from './enums';
import { arr, details, isObject, nullableText, num, obj, prop, text, type JsonObject, type ReadNotes } from '../json/json';

const ID = ['id', 'Id', 'ID'];
const NAME = ['displayName', 'Name', 'name', 'DisplayName'];
const STATUS = ['status', 'Status'];
const DETAILS = ['details', 'Details'];

export function normalizeGraph(o: JsonObject, notes: ReadNotes, flavor: Flavor = 'graph'): ProvisioningRecord {
  const steps = readSteps(o, notes);
  const statusInfo = obj(prop(o, ['provisioningStatusInfo', 'ProvisioningStatusInfo']), notes);
  const legacyStatus = obj(prop(o, ['statusInfo', 'StatusInfo']), notes);
  const providedAction = prop(o, ['provisioningAction', 'ProvisioningAction']);
  const legacyAction = prop(o, ['action', 'Action']);
  const activityDateTime = text(prop(o, ['activityDateTime', 'ActivityDateTime']));
  const sourceIdentity = identity(prop(o, ['sourceIdentity', 'SourceIdentity']), notes);
  const targetIdentity = identity(prop(o, ['targetIdentity', 'TargetIdentity']), notes);
  fillIdentityName(sourceIdentity, steps, true);
  fillIdentityName(targetIdentity, steps, false);
  const initiator = obj(prop(o, ['initiatedBy', 'InitiatedBy']), notes);
  const sp = obj(prop(o, ['servicePrincipal', 'ServicePrincipal']), notes);
  const error = readError(statusInfo, legacyStatus, notes);
  return {
    id: text(prop(o, ID)),
    activityDateTime,
    time: parseTime(activityDateTime),
    tenantId: text(prop(o, ['tenantId', 'TenantId'])),
    jobId: text(prop(o, ['jobId', 'JobId'])),
    cycleId: text(prop(o, ['cycleId', 'CycleId'])),
    changeId: text(prop(o, ['changeId', 'ChangeId'])),
    action: normalizeAction(providedAction) ?? normalizeAction(legacyAction) ?? 'other',
    actionLabel: text(legacyAction) || text(providedAction),
    status:
      normalizeStatus(prop(statusInfo, STATUS)) ??
      normalizeStatus(prop(legacyStatus, STATUS)) ??
      statusFromSteps(steps, error),
    durationMs: num(prop(o, ['durationInMilliseconds', 'DurationInMilliseconds', 'durationMs'])),
    initiatedBy: {
      id: text(prop(initiator, ID)),
      displayName: text(prop(initiator, NAME)),
      initiatorType: normalizeInitiatorType(prop(initiator, ['initiatorType', 'initiatingType', 'Type', 'type'])),
    },
    servicePrincipal: { id: text(prop(sp, ID)), displayName: text(prop(sp, NAME)) },
    sourceSystem: system(prop(o, ['sourceSystem', 'SourceSystem']), notes),
    targetSystem: system(prop(o, ['targetSystem', 'TargetSystem']), notes),
    sourceIdentity,
    targetIdentity,
    error,
    steps,
    modifiedProperties: readModified(o, notes),
    extra: {},
    flavor,
  };
}

function identity(v: JsonObject[string] | undefined, notes: ReadNotes): ProvisionedIdentity {
  const o = obj(v, notes);
  return {
    id: text(prop(o, ID)),
    displayName: text(prop(o, NAME)),
    identityType: text(prop(o, ['identityType', 'IdentityType', 'type', 'Type'])),
    details: details(prop(o, DETAILS), notes),
  };
}

function system(v: JsonObject[string] | undefined, notes: ReadNotes): ProvisioningSystem {
  const o = obj(v, notes);
  return { id: text(prop(o, ID)), displayName: text(prop(o, NAME)), details: details(prop(o, DETAILS), notes) };
}

/** An empty display name falls back to the identity's own details, then to the steps' ReportableIdentifier. */
function fillIdentityName(idn: ProvisionedIdentity, steps: ProvisioningStep[], isSource: boolean): void {
  if (idn.displayName !== '') return;
  const d = idn.details;
  const own = d['DisplayName'] || d['displayName'] || d['UserPrincipalName'] || d['userPrincipalName'] || d['userName'];
  if (own) {
    idn.displayName = own;
    return;
  }
  if (!isSource) return;
  for (const s of steps) {
    const r = s.details['ReportableIdentifier'];
    if (r) {
      idn.displayName = r;
      return;
    }
  }
}

function readSteps(o: JsonObject, notes: ReadNotes): ProvisioningStep[] {
  const raw = arr(prop(o, ['provisioningSteps', 'ProvisioningSteps']), notes);
  const steps: ProvisioningStep[] = [];
  raw.forEach((v, index) => {
    const s = obj(v, notes);
    if (s === undefined) return;
    steps.push({
      index,
      name: text(prop(s, ['name', 'Name'])),
      type: normalizeStepType(prop(s, ['provisioningStepType', 'ProvisioningStepType', 'type', 'Type'])),
      status: normalizeStatus(prop(s, STATUS)) ?? 'success',
      description: text(prop(s, ['description', 'Description'])),
      details: details(prop(s, DETAILS), notes),
    });
  });
  return steps;
}

function readModified(o: JsonObject, notes: ReadNotes): ModifiedProperty[] {
  const raw = arr(prop(o, ['modifiedProperties', 'ModifiedProperties']), notes);
  const out: ModifiedProperty[] = [];
  for (const v of raw) {
    const m = obj(v, notes);
    if (m === undefined) continue;
    out.push({
      displayName: text(prop(m, ['displayName', 'DisplayName', 'name', 'Name'])),
      oldValue: nullableText(prop(m, ['oldValue', 'OldValue'])),
      newValue: nullableText(prop(m, ['newValue', 'NewValue'])),
    });
  }
  return out;
}

/** `provisioningStatusInfo.errorInformation` (v1.0), else the beta flat `statusDetails`. */
function readError(
  statusInfo: JsonObject | undefined,
  legacy: JsonObject | undefined,
  notes: ReadNotes,
): ErrorInformation | null {
  const info = obj(prop(statusInfo, ['errorInformation', 'ErrorInformation']), notes);
  for (const src of [info, legacy]) {
    if (src === undefined) continue;
    const e: ErrorInformation = {
      errorCode: text(prop(src, ['errorCode', 'ErrorCode'])).trim(),
      reason: text(prop(src, ['reason', 'Reason'])),
      additionalDetails: text(prop(src, ['additionalDetails', 'AdditionalDetails'])),
      errorCategory: normalizeErrorCategory(prop(src, ['errorCategory', 'ErrorCategory'])),
      recommendedAction: text(prop(src, ['recommendedAction', 'RecommendedAction'])),
    };
    if (e.errorCode !== '' || e.reason !== '') return e;
  }
  return null;
}

function statusFromSteps(steps: ProvisioningStep[], error: ErrorInformation | null): Status {
  if (error !== null) return 'failure';
  if (steps.some((s) => s.status === 'failure')) return 'failure';
  if (steps.some((s) => s.status === 'warning')) return 'warning';
  if (steps.length > 0 && steps[steps.length - 1]!.status === 'skipped') return 'skipped';
  return 'success';
}

/** True when an object has any field that only provisioning records carry. */
export function looksLikeProvisioningRecord(o: JsonObject): boolean {
  for (const k of Object.keys(o)) {
    if (PROVISIONING_KEYS.has(k.toLowerCase())) return true;
  }
  return isObject(o['properties']) && text(o['category']).toLowerCase() === 'provisioninglogs';
}
const PROVISIONING_KEYS = new Set([
  'changeid',
  'cycleid',
  'provisioningaction',
  'provisioningsteps',
  'provisioningstatusinfo',
]);
