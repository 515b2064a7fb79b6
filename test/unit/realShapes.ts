/**
 * Records shaped like the public ones nobody on this project wrote (Elastic's real-tenant Azure
 * Monitor lines, the graph2otel live record, Microsoft's docs examples): PascalCase `Id`/`Name`
 * inside objects, integer step enums, `durationMs` as a string, `statusInfo.Status` as an ordinal,
 * `initiatingType` (the docs' typo) and a `SkipReason` in a step's details. Values are our own.
 */
type Obj = Record<string, unknown>;

/** The Graph record inside a diagnostic envelope, as Azure Monitor writes it. */
export function diagnosticProperties(id: string, overrides: Obj = {}): Obj {
  return {
    id,
    activityDateTime: '2026-03-07T14:05:11.1234567Z',
    tenantId: '0d9e7c41-2a55-4c1e-9d3b-6f0a51e2c7aa',
    jobId: 'scimOutDelta.0d9e7c412a554c1e9d3b6f0a51e2c7aa.4f1b2c3d-aaaa-bbbb-cccc-1234567890ab',
    cycleId: 'c7a1e5d2-1111-4222-8333-944455556666',
    changeId: `chg-${id}`,
    action: 'Create',
    provisioningAction: 'create',
    servicePrincipal: { Id: '5e6f7a8b-0000-4000-8000-000000000001', Name: 'Fabrikam SCIM' },
    sourceSystem: { details: {}, Id: 'src-1', Name: 'Azure Active Directory' },
    targetSystem: { details: { ApplicationId: 'app-1' }, Id: 'tgt-1', Name: 'Fabrikam' },
    initiatedBy: { Type: 'system', Id: '', Name: 'Azure AD Provisioning Service' },
    sourceIdentity: { identityType: 'User', details: { DisplayName: 'Rowan' }, Id: 'u-1', Name: 'Rowan' },
    targetIdentity: { identityType: 'urn:ietf:params:scim:schemas:core:2.0:User', details: {}, Id: '', Name: '' },
    provisioningStatusInfo: { Status: 'success', errorInformation: null },
    statusInfo: { Status: 0 },
    provisioningSteps: [
      { name: 'EntryImportAdd', provisioningStepType: 0, status: 0, description: "Received User 'rowan@fabrikam.example' change of type (Add)", details: {} },
      { name: 'EntryExportAdd', provisioningStepType: 5, status: 0, description: "User 'rowan@fabrikam.example' was created in Fabrikam", details: { ReportableIdentifier: 'rowan@fabrikam.example' } },
    ],
    modifiedProperties: [],
    ...overrides,
  };
}

/** One Azure Monitor diagnostic-settings record (one line of a `PT1H.json`). */
export function diagnosticRecord(id: string, overrides: Obj = {}, envelope: Obj = {}): Obj {
  return {
    time: '2026-03-07T14:05:11.1234567Z',
    resourceId: '/tenants/0d9e7c41-2a55-4c1e-9d3b-6f0a51e2c7aa/providers/Microsoft.aadiam',
    operationName: 'Provisioning activity',
    operationVersion: '1.0',
    category: 'ProvisioningLogs',
    tenantId: '0d9e7c41-2a55-4c1e-9d3b-6f0a51e2c7aa',
    resultType: 'Success',
    durationMs: '1462',
    correlationId: `chg-${id}`,
    identity: id,
    Level: 4,
    properties: diagnosticProperties(id, overrides),
    ...envelope,
  };
}

/** The same event, failed: another job, status and error code. */
export function failedOverrides(): Obj {
  return {
    jobId: 'scimOutDelta.other-job',
    provisioningStatusInfo: { Status: 'failure', errorInformation: { errorCode: 'SystemForCrossDomainIdentityManagementBadRequest', reason: 'The SCIM endpoint answered 400.' } },
    statusInfo: { Status: 1 },
  };
}

/** A skipped event whose reason is only in a step's details and description (as in real records). */
export function skippedOverrides(skipReason: string, description: string): Obj {
  return {
    provisioningAction: 'other',
    action: 'Other',
    provisioningStatusInfo: { Status: 'skipped', errorInformation: null },
    statusInfo: { Status: 2 },
    provisioningSteps: [
      { name: 'EntryImport', provisioningStepType: 0, status: 0, description: 'Retrieved User from Azure Active Directory', details: {} },
      { name: 'EntrySynchronizationSkip', provisioningStepType: 3, status: 2, description, details: { ReportableIdentifier: 'rowan@fabrikam.example', SkipReason: skipReason } },
    ],
  };
}

/** A Graph docs example page: `initiatingType`, capitalised step types, pretty-printed. */
export function docsPage(records: Obj[]): string {
  return JSON.stringify({ '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#auditLogs/provisioning', value: records }, null, 2);
}

export function docsRecord(id: string): Obj {
  return {
    id,
    activityDateTime: '2019-05-04T03:00:54Z',
    tenantId: '74beb175-2f47-4e58-9d0f-3e6c8f6c1a2b',
    jobId: 'ContosoOutDelta.74beb1752f474e58',
    cycleId: '44576a16-5d7e-4e9a-8f17-1c3f9a2b0c4d',
    changeId: `chg-${id}`,
    provisioningAction: 'create',
    durationInMilliseconds: 2306,
    initiatedBy: { id: '', displayName: 'Azure AD Provisioning Service', initiatingType: 'system' },
    servicePrincipal: { id: 'sp-1', displayName: 'Contoso' },
    sourceSystem: { id: 's-1', displayName: 'Azure Active Directory', details: {} },
    targetSystem: { id: 't-1', displayName: 'Contoso', details: {} },
    sourceIdentity: { id: 'u-1', displayName: 'Jane', identityType: 'User', details: {} },
    targetIdentity: { id: '', displayName: '', identityType: 'User', details: {} },
    provisioningStatusInfo: { status: 'success', errorInformation: null },
    provisioningSteps: [{ name: 'EntryExportAdd', provisioningStepType: 'Export', status: 'success', description: 'Created', details: {} }],
    modifiedProperties: [{ displayName: 'mail', oldValue: null, newValue: 'jane@contoso.example' }],
  };
}

export function lines(records: readonly Obj[]): string {
  return records.map((r) => JSON.stringify(r)).join('\n') + '\n';
}
