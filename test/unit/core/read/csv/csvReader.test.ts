import { strict as assert } from 'node:assert';
import { headerKey, detectRole } from '../../../../../src/core/read/csv/csvHeaders';
import type { InputFile, LogData } from '../../../../../src/core/model/logData';
import type { Problem } from '../../../../../src/core/common/record';
import { readLog } from '../../../../../src/core/read/readLog';
import { recordAt } from '../../../../../src/core/read/recordAt';
import { MAIN_LINES, MODIFIED_LINES, STEP_LINES, crlf, csvFile, lf, trio } from './csvFixtures';

const byCode = (log: LogData, code: string): Problem[] => log.problems.filter((p) => p.code === code);
const eventById = (log: LogData, id: string): number => {
  for (let i = 0; i < log.store.size; i++) if (log.store.get('id', i) === id) return i;
  return assert.fail(`no event ${id}`);
};
const rec = (log: LogData, id: string) => recordAt(log, eventById(log, id))!;

describe('CSV trio: roles and joins', () => {
  it('decides each role by the header, whatever the names and the order', () => {
    const log = readLog(trio());
    assert.equal(log.format, 'portalCsv');
    assert.deepEqual(log.files.map((f) => f.role), ['csvModifiedProperties', 'csvMain', 'csvSteps']);
    assert.equal(log.store.size, 4);
    assert.equal(log.formatDetail, 'main file + steps + modified properties');
  });

  it('reads the main row: times, actions and statuses case-insensitively, identities, errors', () => {
    const log = readLog(trio());
    const r1 = rec(log, 'ev-1');
    assert.equal(r1.time, Date.UTC(2026, 2, 2, 10, 0, 5));
    assert.equal(r1.action, 'create');
    assert.equal(r1.status, 'success');
    assert.equal(r1.sourceIdentity.displayName, 'Müller, Zoë');
    assert.equal(r1.sourceSystem.displayName, 'Workday');
    assert.equal(r1.servicePrincipal.displayName, 'Workday to Entra');
    assert.equal(r1.durationMs, 1843);
    assert.equal(r1.error, null);
    assert.equal(r1.flavor, 'csv');
    const r2 = rec(log, 'ev-2');
    assert.equal(r2.status, 'failure');
    assert.equal(r2.error?.errorCode, 'AzureActiveDirectoryConflictEncountered');
    assert.equal(r2.error?.reason, 'Failed: "li.wei" is used, try again');
    const r3 = rec(log, 'ev-3');
    assert.equal(r3.action, 'stagedDelete');
    assert.equal(r3.status, 'skipped');
    assert.equal(r3.durationMs, null);
    const r4 = rec(log, 'ev-4');
    assert.equal(r4.action, 'update');
    assert.equal(r4.actionLabel, 'update');
    assert.equal(r4.status, 'failure');
  });

  it('joins steps by Change ID, in Step order, with JSON, key=value and plain details', () => {
    const log = readLog(trio());
    const steps = rec(log, 'ev-1').steps;
    assert.deepEqual(steps.map((s) => [s.index, s.name, s.type]), [
      [0, 'EntryImportObject', 'import'],
      [1, 'EntrySynchronizationScoping', 'scoping'],
      [2, 'EntryExportUpdate', 'export'],
    ]);
    assert.equal(steps[0]!.description, 'Received Worker\nwith a second line');
    assert.deepEqual(steps[0]!.details, { WorkerID: '21001' });
    assert.deepEqual(steps[2]!.details, { ReportableIdentifier: 'zoe@contoso.com', Note: 'x' });
    assert.deepEqual(steps[1]!.details, { Details: 'plain text details' });
    const failed = rec(log, 'ev-2').steps;
    assert.deepEqual(failed.map((s) => [s.type, s.status]), [['import', 'success'], ['export', 'failure']]);
    assert.deepEqual(rec(log, 'ev-3').steps, []);
  });

  it("derives 'changes only' from the steps: a successful export step", () => {
    const log = readLog(trio());
    const changed = (id: string): boolean => log.store.summary(eventById(log, id)).changed;
    assert.equal(changed('ev-1'), true);
    assert.equal(changed('ev-2'), false);
    assert.equal(changed('ev-3'), false);
  });

  it('keeps null (empty cell) apart from an empty string (quoted "")', () => {
    const log = readLog(trio());
    assert.deepEqual(rec(log, 'ev-1').modifiedProperties, [
      { displayName: 'displayName', oldValue: 'Zoe Muller', newValue: 'Müller, Zoë' },
      { displayName: 'jobTitle', oldValue: null, newValue: 'Engineer' },
      { displayName: 'department', oldValue: '', newValue: 'Sales' },
    ]);
    assert.deepEqual(rec(log, 'ev-3').modifiedProperties, [{ displayName: 'manager', oldValue: 'm-1', newValue: null }]);
    assert.equal(log.store.summary(eventById(log, 'ev-2')).changed, false);
  });

  it('reports rows whose Change ID matches no event, with the count and the first line', () => {
    const log = readLog(trio());
    const [p, ...more] = byCode(log, 'csvUnmatchedRows');
    assert.equal(more.length, 0);
    assert.equal(p?.severity, 'warning');
    assert.match(p!.message, /^1 row of c\.csv has a Change ID that matches no event/);
    assert.equal(p!.file, 'c.csv');
    assert.equal(p!.line, 8);
  });

  it('keeps unknown columns as extra columns, in the store and on the record', () => {
    const log = readLog(trio());
    assert.deepEqual(log.store.extraNames, ['Department Code']);
    assert.deepEqual(log.store.extraOf(eventById(log, 'ev-1')), { 'Department Code': 'D42' });
    assert.equal(rec(log, 'ev-3').extra['Department Code'], 'D7');
  });
});

describe('CSV trio: missing files', () => {
  const main = (): InputFile => csvFile('ProvisioningLogs.csv', crlf(MAIN_LINES));
  const steps = (): InputFile => csvFile('ProvisioningLogs_ProvisioningSteps.csv', crlf(STEP_LINES));
  const modified = (): InputFile => csvFile('ProvisioningLogs_ModifiedProperties.csv', lf(MODIFIED_LINES));

  it('reads the main file alone and says what the missing files mean', () => {
    const log = readLog([main()]);
    assert.equal(log.store.size, 4);
    const [noSteps] = byCode(log, 'csvNoStepsFile');
    assert.equal(noSteps?.severity, 'warning');
    assert.match(noSteps!.message, /No provisioning-steps file \(ProvisioningLogs_ProvisioningSteps…csv\) was found beside ProvisioningLogs\.csv: the Steps tab stays empty and 'changes only' falls back to the status/);
    const [noModified] = byCode(log, 'csvNoModifiedFile');
    assert.equal(noModified?.severity, 'info');
    assert.match(noModified!.message, /Modified Properties tab stays empty/);
    // Without steps, a successful create counts as a change; a skipped event does not.
    assert.equal(log.store.summary(eventById(log, 'ev-1')).changed, true);
    assert.equal(log.store.summary(eventById(log, 'ev-3')).changed, false);
    assert.deepEqual(rec(log, 'ev-1').steps, []);
  });

  it('reads main + steps and names only the modified-properties file as missing', () => {
    const log = readLog([steps(), main()]);
    assert.equal(byCode(log, 'csvNoStepsFile').length, 0);
    assert.equal(byCode(log, 'csvNoModifiedFile').length, 1);
    assert.equal(rec(log, 'ev-1').steps.length, 3);
    assert.equal(log.formatDetail, 'main file + steps');
  });

  it('reads main + modified properties and names only the steps file as missing', () => {
    const log = readLog([main(), modified()]);
    assert.equal(byCode(log, 'csvNoStepsFile').length, 1);
    assert.equal(byCode(log, 'csvNoModifiedFile').length, 0);
    assert.equal(rec(log, 'ev-1').modifiedProperties.length, 3);
  });

  it('reads nothing from a steps or properties file without the main file, and says why', () => {
    for (const files of [[steps()], [modified()], [steps(), modified()]]) {
      const log = readLog(files);
      assert.equal(log.store.size, 0);
      const [p] = byCode(log, 'csvNoMainFile');
      assert.equal(p?.severity, 'error');
      assert.match(p!.message, /without the main file/);
      assert.match(p!.message, /ProvisioningLogs_(ProvisioningSteps|ModifiedProperties)\.csv/);
    }
  });
});

describe('CSV headers', () => {
  it('compares names without case, blanks, punctuation or a bracketed suffix', () => {
    assert.equal(headerKey('Date (UTC)'), 'date');
    assert.equal(headerKey('TimeGenerated [UTC]'), 'timegenerated');
    assert.equal(headerKey('Duration (ms)'), 'duration');
    assert.equal(headerKey(' Change ID '), 'changeid');
    assert.equal(headerKey('change_id'), 'changeid');
    assert.equal(headerKey('ChangeId'), 'changeid');
    assert.equal(headerKey('Activity Date-Time'), 'activitydatetime');
  });

  it('recognises each file by several spellings of its columns', () => {
    assert.equal(detectRole(['Activity Date Time', 'Id', 'ChangeId', 'Result']), 'csvMain');
    assert.equal(detectRole(['ID', 'Date']), 'csvMain');
    assert.equal(detectRole(['change_id', 'Step Number', 'Step Name', 'Step Type', 'Status']), 'csvSteps');
    assert.equal(detectRole(['Change ID', 'Name', 'Type', 'Status', 'Description', 'Details']), 'csvSteps');
    assert.equal(detectRole(['Change Id', 'Attribute', 'Old Value', 'New Value']), 'csvModifiedProperties');
    assert.equal(detectRole(['TimeGenerated [UTC]', 'ResultType', 'ResultSignature', 'ProvisioningSteps']), 'csvLogAnalytics');
    assert.equal(detectRole(['Name', 'Age']), undefined);
  });

  it('reads a main file written with other column names', () => {
    const text = lf([
      'Activity Date Time,Id,JobId,CycleId,ChangeId,Provisioning Action,Result,Source,Target,Service Principal Name,Display Name,Source Identity ID,Target Identity ID,Status Reason Code,Error Reason,Duration,TenantId,Initiated By,Initiator Type',
      '2026-03-02 10:00:05,x-1,j,c,ch,Delete,Failed,Workday,Entra,App,Ana,s-1,t-1,Code42,Because,17,tid,Azure AD Provisioning Service,System',
    ]);
    const r = recordAt(readLog([csvFile('renamed.csv', text)]), 0)!;
    assert.equal(r.time, Date.UTC(2026, 2, 2, 10, 0, 5));
    assert.deepEqual([r.id, r.jobId, r.cycleId, r.changeId, r.action, r.status], ['x-1', 'j', 'c', 'ch', 'delete', 'failure']);
    assert.deepEqual([r.sourceSystem.displayName, r.targetSystem.displayName, r.servicePrincipal.displayName], ['Workday', 'Entra', 'App']);
    assert.deepEqual([r.sourceIdentity.displayName, r.sourceIdentity.id, r.targetIdentity.id], ['Ana', 's-1', 't-1']);
    assert.deepEqual([r.error?.errorCode, r.error?.reason, r.durationMs, r.tenantId], ['Code42', 'Because', 17, 'tid']);
    assert.deepEqual(r.initiatedBy, { id: '', displayName: 'Azure AD Provisioning Service', initiatorType: 'system' });
    assert.deepEqual(r.extra, {});
  });

  it('joins steps and properties files written with other column names', () => {
    const log = readLog([
      csvFile('m.csv', lf(['Date,ChangeId,Status', '2026-03-02T10:00:00Z,ab-1,Success'])),
      csvFile('s.csv', lf(['ChangeId,Step Number,Step Name,Step Type,Step Status,Step Description,Step Details', 'AB-1 ,1,EntryExportAdd,Export,Success,Done,{"k":"v"}'])),
      csvFile('p.csv', lf(['change_id,Attribute,Old value,New value', 'ab-1,mail,,a@b.c'])),
    ]);
    const r = recordAt(log, 0)!;
    assert.deepEqual(r.steps.map((s) => [s.name, s.type, s.status, s.description, s.details]), [['EntryExportAdd', 'export', 'success', 'Done', { k: 'v' }]]);
    assert.deepEqual(r.modifiedProperties, [{ displayName: 'mail', oldValue: null, newValue: 'a@b.c' }]);
    assert.equal(byCode(log, 'csvUnmatchedRows').length, 0);
  });

  it('takes a text Step column as the step name, and the type from the name when no Type column exists', () => {
    const log = readLog([
      csvFile('m.csv', lf(['Date,Change ID,Status', '2026-03-02T10:00:00Z,c1,Success'])),
      csvFile('s.csv', lf(['Change ID,Step,Status', 'c1,EntryImportAdd,Success', 'c1,EntryExportAdd,Success'])),
    ]);
    assert.deepEqual(recordAt(log, 0)!.steps.map((s) => [s.name, s.type]), [['EntryImportAdd', 'import'], ['EntryExportAdd', 'export']]);
    assert.equal(log.store.summary(0).changed, true);
  });
});

describe('CSV trio: bookkeeping', () => {
  it('reports progress up to the total, and each repeated event once', () => {
    const calls: [number, number][] = [];
    const main = crlf([...MAIN_LINES, MAIN_LINES[1]!]);
    const log = readLog([csvFile('m.csv', main)], { onProgress: (done, total) => calls.push([done, total]) });
    const total = new TextEncoder().encode(main).length;
    assert.deepEqual(calls[calls.length - 1], [total, total]);
    assert.equal(log.store.size, 4);
    assert.match(byCode(log, 'duplicates')[0]!.message, /^1 record repeats a record read before, with the same id and the same content; each was kept once\. The first repeat is at line 6/);
  });
});
