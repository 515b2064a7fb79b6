/** Hand-written Graph records for the detail panel's tests: each test says exactly what it changes. */
import { LoadedLog } from '../../../../../src/core/log/loadedLog';
import { readText } from '../../../helpers';

export type Rec = Record<string, unknown>;

const JOB = 'ServiceNowOutDelta.5611623b9128461e9d7fa0d9c270ead2.0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0';
const CYCLE = 'c7c7c7c7-0000-4000-8000-000000000001';

let seq = 0;

/** A failed create of user Adele Vance in ServiceNow (EntryConflict) at 2026-03-02T14:00:00Z, unless overridden. */
export function rec(overrides: Rec = {}): Rec {
  seq++;
  const n = String(seq).padStart(4, '0');
  return {
    id: `rec-${n}`,
    activityDateTime: '2026-03-02T14:00:00Z',
    tenantId: '5611623b-9128-461e-9d7f-a0d9c270ead2',
    jobId: JOB,
    cycleId: CYCLE,
    changeId: `chg-${n}`,
    provisioningAction: 'create',
    durationInMilliseconds: 2785,
    initiatedBy: { id: '', displayName: 'Azure AD Provisioning Service', initiatorType: 'system' },
    servicePrincipal: { id: 'sp-1', displayName: 'ServiceNow' },
    sourceSystem: { id: 'src-1', displayName: 'Microsoft Entra ID', details: {} },
    targetSystem: { id: 'tgt-1', displayName: 'ServiceNow', details: { ApplicationId: 'app-1', ServicePrincipalId: 'sp-1' } },
    sourceIdentity: { id: 'user-adele', displayName: 'Adele Vance', identityType: 'User', details: { UserPrincipalName: 'adelev@contoso.com' } },
    targetIdentity: { id: '', displayName: '', identityType: 'sys_user', details: {} },
    provisioningStatusInfo: {
      status: 'failure',
      errorInformation: {
        errorCode: 'EntryConflict',
        reason: 'ServiceNow returned HTTP 409: user_name already exists.',
        additionalDetails: null,
        errorCategory: 'nonServiceFailure',
        recommendedAction: null,
      },
    },
    provisioningSteps: [
      { name: 'EntryImportAdd', provisioningStepType: 'import', status: 'success', description: "Received User 'adelev@contoso.com' change of type (Add)", details: { objectId: 'user-adele' } },
      { name: 'EntrySynchronizationScoping', provisioningStepType: 'scoping', status: 'success', description: 'Determine if User in scope', details: { 'Assigned to the application': 'True' } },
      { name: 'EntryImport', provisioningStepType: 'matching', status: 'success', description: "Retrieved 'adelev' from ServiceNow", details: { user_name: 'adelev.old', title: 'Engineer' } },
      { name: 'EntryExportAdd', provisioningStepType: 'export', status: 'failure', description: "Failed to create User 'adelev@contoso.com' in ServiceNow", details: { ReportableIdentifier: 'adelev@contoso.com' } },
    ],
    modifiedProperties: [
      { displayName: 'user_name', oldValue: null, newValue: 'adelev@contoso.com' },
      { displayName: 'title', oldValue: '', newValue: '' },
      { displayName: 'active', oldValue: 'True', newValue: 'True' },
    ],
    ...overrides,
  };
}

export function status(s: string, error: Rec | null = null): Rec {
  return { provisioningStatusInfo: { status: s, errorInformation: error } };
}

export function error(code: string, reason = 'The app said no.'): Rec {
  return { errorCode: code, reason, additionalDetails: 'Request id 42', errorCategory: 'nonServiceFailure', recommendedAction: 'Fix the clash.' };
}

export function modelOf(records: Rec[]): LoadedLog {
  return new LoadedLog(readText(JSON.stringify(records)));
}
