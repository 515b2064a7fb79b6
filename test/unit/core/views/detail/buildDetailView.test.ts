// The detail panel's content, built from real readers' output: header, the four tabs, raw JSON.
import { strict as assert } from 'node:assert';
import { buildDetailView } from '../../../../../src/core/views/detail/buildDetailView';
import { eventAtOffset, utf8Length } from '../../../../../src/core/views/detail/eventAtOffset';
import { identityHistory } from '../../../../../src/core/views/detail/identityHistory';
import { isLearnUrl, linksOf } from '../../../../../src/core/views/detail/learnLinks';
import { rawRecord } from '../../../../../src/core/views/detail/rawRecord';
import { remediationSteps } from '../../../../../src/core/views/detail/troubleshooting';
import { LoadedLog } from '../../../../../src/core/log/loadedLog';
import { prettifyText } from '../../../../../src/core/prettify/prettify';
import { readLog } from '../../../../../src/core/read/readLog';
import { portalCsvTrio } from '../../../../fixtures/generator/portalCsvWriter';
import { generateRecords } from '../../../../fixtures/generator/records';
import { error, modelOf, rec, status } from './detailFixtures';
import { enc } from '../../../helpers';

const ctx = { uri: 'file:///logs/x.json', logName: 'x.json' };

function viewOf(model: LoadedLog, i = 0) {
  const view = buildDetailView(model, i, ctx);
  assert.ok(view, `no view for event ${i}`);
  return view;
}

describe('detail: the panel content', () => {
  it('fills the header and the position in the cycle (newest first)', () => {
    const model = modelOf([
      rec({ activityDateTime: '2026-03-02T14:00:00Z' }),
      rec({ activityDateTime: '2026-03-02T14:00:02Z', ...status('success') }),
      rec({ activityDateTime: '2026-03-02T14:00:01Z', ...status('success') }),
    ]);
    const v = viewOf(model, 0);
    assert.equal(v.header.identity, 'Adele Vance');
    assert.equal(v.header.typeLabel, 'user');
    assert.equal(v.header.actionLabel, 'Create');
    assert.equal(v.header.statusLabel, 'Failure');
    assert.equal(v.header.utc, '2026-03-02 14:00:00 UTC');
    assert.equal(v.header.systems, 'Microsoft Entra ID → ServiceNow');
    assert.deepEqual([v.header.position, v.header.count, v.header.hasPrev, v.header.hasNext], [3, 3, true, false]);
    assert.deepEqual(model.neighbours(0), { prev: 2, position: 3, count: 3 });
    assert.equal(v.header.sentence, v.summary.sentence);
  });

  it('lists the steps in order with type labels and explained details', () => {
    const skip = rec({
      ...status('skipped'),
      provisioningAction: 'other',
      provisioningSteps: [
        { name: 'EntrySynchronizationScoping', provisioningStepType: 'scoping', status: 'success', description: 'Scope', details: { 'Assigned to the application': 'False', 'Active in the source system': 'True' } },
        { name: 'EntrySynchronizationSkip', provisioningStepType: 'processing', status: 'skipped', description: 'Not entitled.', details: { SkipReason: 'NotEffectivelyEntitled' } },
      ],
    });
    const v = viewOf(modelOf([skip]));
    assert.deepEqual(v.steps.map((s) => [s.number, s.typeLabel, s.statusLabel]), [[1, 'Scoping', 'Success'], [2, 'Processing', 'Skipped']]);
    const reason = v.steps[1]!.details[0]!;
    assert.equal(reason.key, 'SkipReason');
    assert.match(reason.note ?? '', /^Not entitled to provisioning: /);
    assert.match(v.steps[0]!.details[0]!.note ?? '', /not assigned to the application/);
    assert.equal(v.steps[0]!.details[1]!.note, undefined, 'a passed check needs no note');
    const t = v.troubleshooting;
    assert.equal(t.headline, 'Nothing failed: the service skipped this object.');
    assert.equal(t.skip?.reason, 'NotEffectivelyEntitled');
    assert.equal(t.skip?.step, 2);
    assert.equal(t.skip?.scoping.length, 1);
    assert.equal(t.explanation, undefined);
  });

  it('explains a failure: the record, the catalog, the retry time, the links', () => {
    const v = viewOf(modelOf([rec(status('failure', error('BoxEntryConflict')))]));
    const t = v.troubleshooting;
    assert.equal(t.headline, 'This change failed at step 4 of 4, Export.');
    assert.equal(t.failedStep?.name, 'EntryExportAdd');
    assert.equal(t.error?.code, 'BoxEntryConflict');
    assert.equal(t.error?.categoryLabel, 'Non-service failure');
    assert.equal(t.error?.recommendedAction, 'Fix the clash.');
    assert.equal(t.explanation?.canonical, 'EntryConflict');
    assert.deepEqual(t.explanation?.resolvedFrom, { code: 'BoxEntryConflict', prefix: 'Box' });
    assert.ok((t.explanation?.remediation.length ?? 0) >= 2);
    assert.ok(t.explanation!.remediation.every((l) => !/^\d+\./.test(l)), 'numbers are the list, not the text');
    assert.equal(t.explanation?.retry.automatic, false);
    assert.equal(t.explanation?.retry.sentence, 'Not retried automatically: action needed.');
    for (const l of linksOf(v)) assert.ok(isLearnUrl(l.url), l.url);
    assert.ok(linksOf(v).length >= 2);
  });

  it('computes when the service retries from the event time', () => {
    const v = viewOf(modelOf([rec({ activityDateTime: '2026-03-02T14:00:00Z', ...status('failure', error('InternalServerError')) })]));
    const retry = v.troubleshooting.explanation!.retry;
    assert.equal(retry.automatic, true);
    assert.equal(retry.sentence, 'Retried automatically around 14:40 UTC (40 minutes after the event).');
    assert.equal(retry.at, Date.UTC(2026, 2, 2, 14, 40));
  });

  it('says plainly that nothing failed on a success', () => {
    const v = viewOf(modelOf([rec({ ...status('success'), provisioningSteps: [] })]));
    assert.equal(v.troubleshooting.headline, 'Nothing failed: this change succeeded.');
    assert.equal(v.troubleshooting.error, undefined);
  });

  it('keeps null apart from empty, marks changes and shows the matched target value', () => {
    const v = viewOf(modelOf([rec({ provisioningAction: 'update' })]));
    const [userName, title, active] = v.modified.rows;
    assert.deepEqual(userName, { name: 'user_name', oldValue: null, newValue: 'adelev@contoso.com', changed: true, targetBefore: 'adelev.old' });
    assert.deepEqual(title, { name: 'title', oldValue: '', newValue: '', changed: false });
    assert.equal(active?.changed, false);
    assert.equal(v.modified.changedCount, 1);
    assert.match(v.modified.note, /no old value \(null\)/);
    const none = viewOf(modelOf([rec({ ...status('skipped'), modifiedProperties: [] })]));
    assert.match(none.modified.note, /skipped/);
  });

  it('summarises identities, systems and the IDs support asks for', () => {
    const v = viewOf(modelOf([rec()]));
    const s = v.summary;
    assert.deepEqual(s.ids.slice(0, 3).map((x) => x.label), ['Change ID', 'Cycle ID', 'Job ID']);
    assert.equal(s.ids.find((x) => x.field === 'changeId')?.value, v.changeId);
    assert.ok(!s.ids.some((x) => x.field === 'targetId'), 'an empty target id is not offered for copying');
    assert.equal(s.source.name, 'Adele Vance');
    assert.deepEqual(s.source.details, [{ key: 'UserPrincipalName', value: 'adelev@contoso.com' }]);
    assert.equal(s.targetSystem.details.length, 2);
    assert.equal(s.initiatedBy.typeLabel, 'System');
    assert.equal(s.durationText, '2.8 s');
    assert.equal(s.format, 'Entra portal JSON download');
  });

  it("follows the identity's later events in the job: did the retry work?", () => {
    const model = modelOf([
      rec({ activityDateTime: '2026-03-02T14:00:00Z', ...status('failure', error('InternalServerError')) }),
      rec({ activityDateTime: '2026-03-02T14:40:10Z', provisioningAction: 'create', ...status('success'), cycleId: 'next-cycle' }),
      rec({ activityDateTime: '2026-03-02T14:01:00Z', sourceIdentity: { id: 'someone-else', displayName: 'Alex', identityType: 'User', details: {} } }),
    ]);
    const v = viewOf(model, 0);
    assert.equal(v.troubleshooting.laterCount, 1);
    assert.equal(v.troubleshooting.later?.index, 1);
    assert.equal(v.troubleshooting.later?.statusLabel, 'Success');
    assert.deepEqual(v.summary.history.map((h) => [h.index, h.current]), [[1, false], [0, true]]);
    assert.equal(identityHistory(model.store, 1).laterCount, 0);
  });

  it('shows unknown CSV columns and rebuilds CSV rows as Graph-shaped JSON', () => {
    const trio = portalCsvTrio(generateRecords({ seed: 3, count: 6, scenarios: ['servicenow'], perCycle: 6 }));
    const main = trio.main.replace(/\r?\n/, (eol) => `,Ticket${eol}`).replace(/(\r?\n)(?=.)/g, (eol, _m, offset: number) => (offset === 0 ? eol : `,INC-1${eol}`));
    const model = new LoadedLog(
      readLog([
        { name: 'ProvisioningLogs.csv', bytes: enc.encode(main) },
        { name: 'ProvisioningLogs_ProvisioningSteps.csv', bytes: enc.encode(trio.steps) },
        { name: 'ProvisioningLogs_ModifiedProperties.csv', bytes: enc.encode(trio.modified) },
      ]),
    );
    assert.ok(model.store.size > 0);
    const v = viewOf(model, 0);
    assert.equal(v.raw.kind, 'graphShape');
    assert.deepEqual(v.summary.extra.filter((p) => p.key === 'Ticket').map((p) => p.value), ['INC-1']);
    const raw = rawRecord(model, 0);
    assert.equal(raw?.kind, 'graphShape');
    const parsed = JSON.parse(raw!.text) as Record<string, unknown>;
    assert.equal(parsed['changeId'], v.changeId);
  });

  it('gives the record its own text, prettified losslessly', () => {
    // A number JavaScript cannot hold exactly, and an escape: both must come out as written.
    const text = JSON.stringify([rec({ durationInMilliseconds: 1234 })]).replace('"durationInMilliseconds":1234', '"durationInMilliseconds":12345678901234567890');
    const model = new LoadedLog(readLog([{ name: 'x.json', bytes: enc.encode(text.replace('"Adele Vance"', '"Adele \\u0056ance"')) }]));
    const raw = rawRecord(model, 0);
    assert.equal(raw?.kind, 'own');
    assert.equal(raw?.text, prettifyText(model.rawText(0)!).text);
    assert.match(raw!.text, /\\u0056ance/);
    assert.match(raw!.text, /"durationInMilliseconds": 12345678901234567890,/);
    assert.match(raw!.text, /\n {2}"id": "rec-/);
  });

  it('finds the record under a text position', () => {
    const records = [rec(), rec(), rec()];
    const text = JSON.stringify(records, null, 2);
    const model = new LoadedLog(readLog([{ name: 'x.json', bytes: enc.encode(text) }]));
    for (let k = 0; k < 3; k++) {
      const at = text.indexOf(`"changeId": "${String(records[k]!['changeId'])}"`);
      assert.equal(eventAtOffset(model.store, utf8Length(text.slice(0, at))), k);
    }
    assert.equal(eventAtOffset(model.store, 0), 0, 'before the first record: the first');
    assert.equal(eventAtOffset(model.store, text.length), 2, 'after the last: the last');
    assert.equal(utf8Length('aé😀'), 1 + 2 + 4);
  });

  it('splits numbered remediation text into list items', () => {
    assert.deepEqual(remediationSteps('1. One.\n2. Two.\n'), ['One.', 'Two.']);
    assert.deepEqual(remediationSteps('Just wait.'), ['Just wait.']);
  });

  it('accepts only https links on learn.microsoft.com', () => {
    assert.equal(isLearnUrl('https://learn.microsoft.com/en-us/entra/x'), true);
    for (const bad of ['http://learn.microsoft.com/x', 'https://learn.microsoft.com.evil.example/x', 'javascript:alert(1)', 'https://user@learn.microsoft.com/', 'https://learn.microsoft.com:8443/', 'not a url']) {
      assert.equal(isLearnUrl(bad), false, bad);
    }
  });
});
