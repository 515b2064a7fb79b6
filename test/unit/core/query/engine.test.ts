import { strict as assert } from 'node:assert';
import { QueryEngine } from '../../../../src/core/query/engine';
import { identityTypeKey } from '../../../../src/core/query/idSets';
import { FLAG_CHANGED } from '../../../../src/core/model/store';
import { type EventFilter } from '../../../../src/core/common/filter';
import { store, all, naive } from '../sampleLog';

const engine = new QueryEngine(store);

function run(f: EventFilter, now?: number): number[] {
  return [...engine.run(f, undefined, now)];
}

describe('QueryEngine', () => {
  it('identity: name or id, source or target, case-insensitive substring', () => {
    const name = store.get('sourceName', all.find((i) => /^[A-Za-z]{5}/.test(store.get('sourceName', i)))!);
    const needle = name.slice(1, 4).toUpperCase();
    assert.deepEqual(
      run({ identity: needle }),
      naive((i) => ['sourceName', 'sourceId', 'targetName', 'targetId'].some((f) => store.get(f as 'sourceName', i).toLowerCase().includes(needle.toLowerCase()))),
    );
    const id = store.get('sourceId', 9);
    assert.ok(run({ identity: id }).includes(9));
  });

  it('identity type: user/group match User, Group and SCIM URNs', () => {
    assert.equal(identityTypeKey('urn:ietf:params:scim:schemas:core:2.0:Group'), 'group');
    const groups = run({ identityType: ['group'] });
    assert.ok(groups.length > 0);
    assert.deepEqual(groups, naive((i) => store.get('sourceType', i) === 'Group'));
  });

  it('status, action, hide skipped and changes only', () => {
    assert.deepEqual(run({ status: ['failure', 'warning'] }), naive((i) => ['failure', 'warning'].includes(store.statusOf(i))));
    assert.deepEqual(run({ action: ['create'] }), naive((i) => store.actionOf(i) === 'create'));
    assert.deepEqual(run({ hideSkipped: true }), naive((i) => store.statusOf(i) !== 'skipped'));
    const changes = run({ changesOnly: true });
    assert.deepEqual(changes, naive((i) => (store.flags[i]! & FLAG_CHANGED) !== 0));
    for (const i of changes) assert.equal(store.statusOf(i), 'success');
  });

  it('job, cycle, change, systems, application, error code, free text', () => {
    const i = all.find((k) => store.get('errorCode', k) !== '')!;
    const code = store.get('errorCode', i);
    assert.deepEqual(run({ errorCode: code.toLowerCase() }), naive((k) => store.get('errorCode', k).toLowerCase().includes(code.toLowerCase())));
    assert.deepEqual(run({ jobId: store.get('jobId', i) }), naive((k) => store.get('jobId', k) === store.get('jobId', i)));
    assert.deepEqual(run({ cycleId: store.get('cycleId', i) }), naive((k) => store.get('cycleId', k) === store.get('cycleId', i)));
    assert.deepEqual(run({ changeId: store.get('changeId', i) }), [i]);
    assert.deepEqual(run({ targetSystem: 'active dir' }), naive((k) => store.get('targetSystem', k) === 'Active Directory'));
    assert.deepEqual(run({ sourceSystem: 'workday' }), naive((k) => store.get('sourceSystem', k) === 'Workday'));
    assert.deepEqual(run({ application: 'box' }), naive((k) => store.get('appName', k) === 'Box'));
    const reasonWord = store.get('reason', i).split(' ').find((w) => w.length > 6)!;
    assert.ok(run({ text: reasonWord }).includes(i));
  });

  it('filters combine (AND)', () => {
    const f: EventFilter = { status: ['failure'], application: 'servicenow', identityType: ['user'] };
    assert.deepEqual(
      run(f),
      naive((i) => store.statusOf(i) === 'failure' && store.get('appName', i) === 'ServiceNow' && store.get('sourceType', i) === 'User'),
    );
  });

  it('date windows are relative to the newest event by default, or to now, or absolute', () => {
    const newest = Math.max(...all.map((i) => store.time[i]!));
    assert.equal(engine.newestTime, newest);
    assert.deepEqual(run({ window: '24h' }), naive((i) => store.time[i]! >= newest - 24 * 3600_000));
    assert.deepEqual(run({ window: '24h', windowFrom: 'now' }, newest + 48 * 3600_000), []);
    const since = newest - 3 * 3600_000;
    assert.deepEqual(run({ since, until: newest - 3600_000 }), naive((i) => store.time[i]! >= since && store.time[i]! <= newest - 3600_000));
  });
});
