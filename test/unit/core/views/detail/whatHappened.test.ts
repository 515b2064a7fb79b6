// "What happened" in one sentence, for every outcome the panel meets.
import { strict as assert } from 'node:assert';
import { shortName as clip, formatDuration, identityName, identityTypeLabel, systemsLine } from '../../../../../src/core/views/detail/identityNames';
import { titleInSentence, whatHappened } from '../../../../../src/core/views/detail/whatHappened';
import { error, modelOf, rec, status, type Rec } from './detailFixtures';

function sentence(r: Rec): string {
  const model = modelOf([r]);
  const record = model.record(0);
  assert.ok(record);
  return whatHappened(record, record.modifiedProperties.filter((p) => p.oldValue !== p.newValue).length);
}

describe('detail: what happened, in one sentence', () => {
  it('says who failed to reach which app, why, and the code as written', () => {
    assert.equal(sentence(rec()), 'Creating user Adele Vance in ServiceNow failed: conflicting entry in ServiceNow (EntryConflict).');
    assert.equal(
      sentence(rec(status('failure', error('ServiceNowEntryConflict')))),
      'Creating user Adele Vance in ServiceNow failed: conflicting entry in ServiceNow (ServiceNowEntryConflict).',
    );
    assert.equal(
      sentence(rec({ provisioningAction: 'update', ...status('failure', error('InsufficientRights')) })),
      'Updating user Adele Vance in ServiceNow failed: provisioning account lacks rights in ServiceNow (InsufficientRights).',
    );
  });

  it('names a code the catalog lacks without inventing a meaning', () => {
    assert.equal(
      sentence(rec(status('failure', error('ContosoWeirdThing')))),
      'Creating user Adele Vance in ServiceNow failed with error code ContosoWeirdThing, which is not in the catalog; the reason says more.',
    );
  });

  it('points at the failed step when the record carries no error code', () => {
    assert.equal(sentence(rec(status('failure'))), 'Creating user Adele Vance in ServiceNow failed at the Export step (EntryExportAdd).');
  });

  it('explains skips from the SkipReason and from failed scoping checks', () => {
    const skipped = (details: Record<string, string>, extra: Rec = {}): Rec =>
      rec({
        provisioningAction: 'other',
        ...status('skipped'),
        provisioningSteps: [
          { name: 'EntrySynchronizationScoping', provisioningStepType: 'scoping', status: 'success', description: 'Scope', details: extra },
          { name: 'EntrySynchronizationSkip', provisioningStepType: 'export', status: 'skipped', description: 'Already matches.', details },
        ],
        modifiedProperties: [],
      });
    assert.equal(sentence(skipped({ SkipReason: 'RedundantExport' })), 'User Adele Vance was skipped for ServiceNow: already in sync (RedundantExport).');
    assert.equal(sentence(skipped({ SkipReason: 'NotEffectivelyEntitled' })), 'User Adele Vance was skipped for ServiceNow: not entitled to provisioning (NotEffectivelyEntitled).');
    assert.equal(
      sentence(skipped({}, { 'Assigned to the application': 'False' })),
      'User Adele Vance was skipped for ServiceNow: out of scope (Assigned to the application: False).',
    );
  });

  it('tells successes by their action, with the number of changed attributes for updates', () => {
    assert.equal(sentence(rec(status('success'))), 'User Adele Vance was created in ServiceNow.');
    const update = rec({
      provisioningAction: 'update',
      ...status('success'),
      modifiedProperties: [
        { displayName: 'title', oldValue: 'Engineer', newValue: 'Manager' },
        { displayName: 'active', oldValue: 'True', newValue: 'True' },
      ],
    });
    assert.equal(sentence(update), 'User Adele Vance was updated in ServiceNow: 1 attribute changed.');
    assert.equal(sentence(rec({ provisioningAction: 'delete', ...status('success') })), 'User Adele Vance was deleted from ServiceNow.');
    assert.equal(sentence(rec({ provisioningAction: 'disable', ...status('success') })), 'User Adele Vance was disabled in ServiceNow.');
  });

  it('says warnings are warnings', () => {
    assert.equal(
      sentence(rec({ provisioningAction: 'update', ...status('warning', error('TooManyRequests')) })),
      'Updating user Adele Vance in ServiceNow finished with a warning: ServiceNow throttled the request (TooManyRequests).',
    );
  });

  it('falls back to the reportable identifier, then ids, and names groups as groups', () => {
    const noName = rec({ sourceIdentity: { id: 'g-1', displayName: '', identityType: 'Group', details: {} } });
    assert.match(sentence(noName), /^Creating group adelev@contoso\.com in ServiceNow failed/);
    const scimGroup = rec({ sourceIdentity: { id: 'g-2', displayName: 'Sales', identityType: 'urn:ietf:params:scim:schemas:core:2.0:Group', details: {} } });
    assert.match(sentence(scimGroup), /^Creating group Sales in ServiceNow/);
  });

  it('clips a hostile 100 KB name instead of repeating it', () => {
    const huge = 'x'.repeat(100 * 1024);
    const s = sentence(rec({ sourceIdentity: { id: 'u', displayName: huge, identityType: 'User', details: {} } }));
    assert.ok(s.length < 300, `sentence is ${s.length} characters`);
    assert.match(s, /x…/);
  });

  it("names a SCIM app by its application name, not the generic 'customappsso'", () => {
    const scim = rec({
      servicePrincipal: { id: 'sp-9', displayName: 'Contoso HR Portal' },
      targetSystem: { id: 't-9', displayName: 'customappsso', details: {} },
      ...status('failure', error('Timeout')),
    });
    assert.equal(sentence(scim), 'Creating user Adele Vance in Contoso HR Portal failed: request timed out (Timeout).');
    const model = modelOf([scim]);
    assert.equal(systemsLine(model.record(0)!), 'Microsoft Entra ID → Contoso HR Portal (customappsso)');
  });

  it('keeps names and acronyms capitalised when a catalog title ends the sentence', () => {
    assert.equal(titleInSentence('Target app throttled the request', 'Box'), 'Box throttled the request');
    assert.equal(titleInSentence('HTTP protocol error reaching the app', 'Box'), 'HTTP protocol error reaching Box');
    assert.equal(titleInSentence('Active Directory denied the write', 'AD'), 'Active Directory denied the write');
    assert.equal(titleInSentence('Required fields missing', 'Box'), 'required fields missing');
  });

  it('has the small helpers right', () => {
    assert.equal(identityTypeLabel('ServicePrincipal'), 'service principal');
    assert.equal(identityTypeLabel('sys_user_group'), '');
    assert.equal(clip('abc', 80), 'abc');
    assert.equal(clip('😀'.repeat(50), 10).endsWith('…'), true);
    assert.ok(!/[\ud800-\udbff]…$/.test(clip('a😀😀😀😀😀😀', 4)), 'no lone surrogate before the ellipsis');
    assert.equal(formatDuration(2785), '2.8 s');
    assert.equal(formatDuration(95), '95 ms');
    assert.equal(formatDuration(61_000), '1 min 1 s');
    assert.equal(formatDuration(null), '');
    const model = modelOf([rec({ sourceIdentity: { id: '', displayName: '', identityType: 'User', details: {} }, provisioningSteps: [] })]);
    assert.equal(identityName(model.record(0)!), '');
  });
});
