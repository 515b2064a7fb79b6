/**
 * A normalised record written back in the Graph shape the portal's JSON download uses (v1.0 names
 * plus the beta `action`, which Microsoft's PowerShell recipes read), for events that did not come
 * from Graph JSON (diagnostic, Log Analytics, CSV) and so have no original text to copy.
 */
import { ACTION_LABELS, type ProvisioningRecord } from '../../common/record';

export function toGraphShape(r: ProvisioningRecord): Record<string, unknown> {
  const out: Record<string, unknown> = {
    id: r.id,
    activityDateTime: r.activityDateTime,
    tenantId: r.tenantId,
    jobId: r.jobId,
    cycleId: r.cycleId,
    changeId: r.changeId,
    action: ACTION_LABELS[r.action],
    provisioningAction: r.action,
    durationInMilliseconds: r.durationMs,
    initiatedBy: { id: r.initiatedBy.id, displayName: r.initiatedBy.displayName, initiatorType: r.initiatedBy.initiatorType },
    servicePrincipal: { id: r.servicePrincipal.id, displayName: r.servicePrincipal.displayName },
    sourceSystem: { id: r.sourceSystem.id, displayName: r.sourceSystem.displayName, details: r.sourceSystem.details },
    targetSystem: { id: r.targetSystem.id, displayName: r.targetSystem.displayName, details: r.targetSystem.details },
    sourceIdentity: { ...r.sourceIdentity },
    targetIdentity: { ...r.targetIdentity },
    provisioningStatusInfo: {
      status: r.status,
      errorInformation: r.error === null ? null : { ...r.error },
    },
    provisioningSteps: r.steps.map((s) => ({
      name: s.name,
      provisioningStepType: s.type,
      status: s.status,
      description: s.description,
      details: s.details,
    })),
    modifiedProperties: r.modifiedProperties.map((m) => ({ ...m })),
  };
  if (Object.keys(r.extra).length > 0) out['additionalColumns'] = r.extra;
  return out;
}
