/**
 * Our own CSV fixtures for the CSV tests. The portal's real headers are not public, so these use
 * several plausible spellings; the rows are small but carry the awkward parts (quotes, commas and
 * line breaks in cells, non-ASCII names, empty vs absent values, rows of unknown changes).
 */
import type { InputFile } from '../../../../../src/core/model/logData';

const encoder = new TextEncoder();

export function csvFile(name: string, text: string): InputFile {
  return { name, bytes: encoder.encode(text) };
}

export const crlf = (lines: readonly string[]): string => lines.join('\r\n') + '\r\n';
export const lf = (lines: readonly string[]): string => lines.join('\n') + '\n';

export const MAIN_LINES = [
  'Date (UTC),ID,Job ID,Cycle ID,Change ID,Action,Status,Source System,Target System,Application,Identity,Identity Type,Source ID,Target ID,Error Code,Reason,Duration (ms),Tenant ID,Department Code',
  '2026-03-02T10:00:05Z,ev-1,job-1,cyc-1,CH-1,Create,Success,Workday,Azure Active Directory,Workday to Entra,"Müller, Zoë",User,21001,t-1,,,1843,tid-1,D42',
  '2026-03-02T10:00:06Z,ev-2,job-1,cyc-1,CH-2,Update,Failure,Workday,Azure Active Directory,Workday to Entra,Li Wei,User,21002,,AzureActiveDirectoryConflictEncountered,"Failed: ""li.wei"" is used, try again",250,tid-1,',
  '2026-03-02T10:00:07Z,ev-3,job-1,cyc-1,CH-3,StagedDelete,Skipped,Workday,Azure Active Directory,Workday to Entra,Ана Петрова,User,21003,t-3,,,,tid-1,D7',
  '2026-03-02T10:00:08Z,ev-4,job-1,cyc-1,CH-4,update,FAILURE,Workday,Azure Active Directory,Workday to Entra,Zoë Ünal,User,21004,t-4,"SystemForCrossDomainIdentityManagementBadRequest",Bad request,12,tid-1,D9',
];

export const STEP_LINES = [
  'Change ID,Step,Name,Type,Status,Description,Details',
  'CH-1,1,EntryImportObject,Import,Success,"Received Worker\nwith a second line","{""WorkerID"":""21001""}"',
  'CH-1,3,EntryExportUpdate,Export,Success,Updated,ReportableIdentifier=zoe@contoso.com; Note=x',
  'CH-1,2,EntrySynchronizationScoping,Scoping,Success,In scope,plain text details',
  'CH-2,1,EntryImportAdd,import,success,Received,',
  'CH-2,2,EntryExportAdd,EXPORT,FAILURE,Failed,',
  'CH-9,1,EntryImportAdd,Import,Success,orphan,',
];

export const MODIFIED_LINES = [
  'Change ID,Property,Old Value,New Value',
  'CH-1,displayName,Zoe Muller,"Müller, Zoë"',
  'CH-1,jobTitle,,Engineer',
  'CH-1,department,"",Sales',
  'CH-3,manager,m-1,',
];

/** The trio with neutral names, in an order that is not main-first: roles must come from the headers. */
export function trio(): InputFile[] {
  return [
    csvFile('b.csv', lf(MODIFIED_LINES)),
    csvFile('a.csv', crlf(MAIN_LINES)),
    csvFile('c.csv', crlf(STEP_LINES)),
  ];
}

const json = (v: unknown): string => `"${JSON.stringify(v).replace(/"/g, '""')}"`;

/** A Log Analytics AADProvisioningLogs export: display-form dates, nested columns as JSON text. */
export const LOG_ANALYTICS_LINES = [
  'TenantId,AADTenantId,TimeGenerated [UTC],OperationName,OperationVersion,Category,ResultType,ResultSignature,ResultDescription,DurationMs,Action,ChangeId,CycleId,Id,InitiatedBy,JobId,ModifiedProperties,ProvisioningSteps,ServicePrincipal,SourceIdentity,SourceSystem,TargetIdentity,TargetSystem,ProvisioningAction,Type',
  [
    'ws-1', 'tid-1', '"3/2/2026, 10:00:05.000 AM"', 'Provisioning activity', '1.0', 'ProvisioningLogs', 'Success', 'None', '', '3343', 'Create',
    'la-ch-1', 'la-cyc-1', 'la-1', json({ Type: 'system', Id: '', Name: 'Azure AD Provisioning Service' }), 'DropboxSCIMOutDelta.x',
    json([{ displayName: 'externalId', oldValue: null, newValue: 'e3b2' }, { displayName: 'nickName', oldValue: '', newValue: 'Joel' }]),
    json([
      { name: 'EntryImportAdd', provisioningStepType: 0, status: 0, description: 'Received User', details: { objectId: 'e3b2' } },
      { name: 'EntryExportAdd', provisioningStepType: 5, status: 0, description: 'User was created in Dropbox', details: {} },
    ]),
    json({ Id: 'sp-1', Name: 'Dropbox Business' }),
    json({ identityType: 'User', details: {}, Id: 'e3b2', Name: 'Joel Miller' }),
    json({ details: {}, Id: 'aad', Name: 'Azure Active Directory' }),
    json({ identityType: 'urn:ietf:params:scim:schemas:core:2.0:User', details: {}, Id: 'dbmid:1', Name: '' }),
    json({ details: {}, Id: 'dbx', Name: 'Dropbox' }),
    'create', 'AADProvisioningLogs',
  ].join(','),
  [
    'ws-1', 'tid-1', '"3/2/2026, 1:30:00.250 PM"', 'Provisioning activity', '1.0', 'ProvisioningLogs', 'Failure',
    'SystemForCrossDomainIdentityManagementBadRequest', '"The SCIM endpoint said ""400 Bad Request"""', '120', 'Update',
    'la-ch-2', 'la-cyc-1', 'la-2', json({ Type: 'system', Id: '', Name: 'Azure AD Provisioning Service' }), 'DropboxSCIMOutDelta.x',
    '[]', '[]', json({ Id: 'sp-1', Name: 'Dropbox Business' }), json({ identityType: 'User', details: {}, Id: 'u2', Name: 'Zoë Ünal' }),
    json({ details: {}, Id: 'aad', Name: 'Azure Active Directory' }), '', json({ details: {}, Id: 'dbx', Name: 'Dropbox' }),
    'update', 'AADProvisioningLogs',
  ].join(','),
];
