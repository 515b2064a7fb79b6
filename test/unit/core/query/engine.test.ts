import { strict as assert } from 'node:assert';
import { EventIndex } from '../../../../src/core/index/eventIndex';
import { QueryEngine } from '../../../../src/core/query/engine';
import { identityTypeKey } from '../../../../src/core/query/idSets';
import { Sorter } from '../../../../src/core/query/sort';
import { cycleActionTable, summarize, summaryJson } from '../../../../src/core/index/summary';
import { FLAG_CHANGED } from '../../../../src/core/model/store';
import { generateRecords } from '../../../fixtures/generator/records';
import { portalJson } from '../../../fixtures/generator/writers';
import { readText } from '../../helpers';
import { type EventFilter } from '../../../../src/core/common/filter';

const records = generateRecords({ seed: 11, count: 600, perCycle: 30 });
const log = readText(portalJson(records));
const { store } = log;
const index = new EventIndex(store);
const engine = new QueryEngine(store);
const all = [...Array(store.size).keys()];

/** The same filter computed the slow, obvious way, to check the fast one against. */
function naive(pred: (i: number) => boolean): number[] {
  return all.filter(pred);
}
function run(f: EventFilter, now?: number): number[] {
  return [...engine.run(f, undefined, now)];
}

describe('EventIndex', () => {
  it('groups every event under job → cycle, newest cycle first, with correct counts', () => {
    const jobs = new Set(records.map((r) => r['jobId']));
    assert.equal(index.jobs.length, jobs.size);
    let total = 0;
    for (const job of index.jobs) {
      for (let k = 1; k < job.cycles.length; k++) assert.ok(job.cycles[k - 1]!.last >= job.cycles[k]!.last);
      for (const c of job.cycles) {
        total += c.events.length;
        const expected = naive((i) => store.get('jobId', i) === job.jobId && store.get('cycleId', i) === c.cycleId);
        assert.deepEqual([...c.events].sort((a, b) => a - b), expected);
        assert.equal(c.counts.failure, expected.filter((i) => store.statusOf(i) === 'failure').length);
        assert.equal(c.counts.total, expected.length);
        for (let k = 1; k < c.events.length; k++) assert.ok(store.time[c.events[k - 1]!]! >= store.time[c.events[k]!]!);
        assert.equal(index.cycleOf(c.events[0]!), c);
      }
      assert.ok(job.name !== '');
    }
    assert.equal(total, store.size);
    assert.equal(index.changeCount, new Set(records.map((r) => r['changeId'])).size);
    const someChange = store.get('changeId', 17);
    assert.deepEqual(index.eventsWithChangeId(someChange), [17]);
  });
});

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

describe('Sorter', () => {
  const sorter = new Sorter(store);
  it('sorts by time, by text (collated, empty last) and by status, stable', () => {
    const byTime = [...sorter.sort(Uint32Array.from(all), 'time', 'desc')];
    for (let k = 1; k < byTime.length; k++) assert.ok(store.time[byTime[k - 1]!]! >= store.time[byTime[k]!]!);
    const byName = [...sorter.sort(Uint32Array.from(all), 'sourceName', 'asc')];
    const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });
    for (let k = 1; k < byName.length; k++) {
      assert.ok(collator.compare(store.get('sourceName', byName[k - 1]!), store.get('sourceName', byName[k]!)) <= 0);
    }
    const byCode = [...sorter.sort(Uint32Array.from(all), 'errorCode', 'asc')];
    const firstEmpty = byCode.findIndex((i) => store.get('errorCode', i) === '');
    assert.ok(byCode.slice(firstEmpty).every((i) => store.get('errorCode', i) === ''), 'empty values go last');
    const byStatus = [...sorter.sort(Uint32Array.from(all), 'status', 'asc')];
    const failuresFirst = byStatus.filter((i) => store.statusOf(i) === 'failure');
    assert.deepEqual(failuresFirst, [...failuresFirst].sort((a, b) => a - b), 'ties keep file order');
  });
});

describe('summaries', () => {
  it('counts by status and action, top error codes, success rate, CLI shape', () => {
    const s = summarize(index);
    assert.equal(s.events, store.size);
    assert.equal(s.status.failure, naive((i) => store.statusOf(i) === 'failure').length);
    assert.equal(s.jobs, index.jobs.length);
    assert.equal(s.cycles, index.cycleCount);
    const codes = new Map<string, number>();
    for (const i of all) if (store.get('errorCode', i)) codes.set(store.get('errorCode', i), (codes.get(store.get('errorCode', i)) ?? 0) + 1);
    assert.equal(s.errorCodes[0]!.count, Math.max(...codes.values()));
    assert.equal(s.successRate, s.status.success / (s.status.success + s.status.failure + s.status.warning));
    const json = summaryJson(s, log.problems) as { status: Record<string, number>; errorCodes: Record<string, number> };
    assert.equal(json.status['failure'], s.status.failure);
    assert.equal(Object.keys(json.errorCodes).length, codes.size);
    const cycle = index.jobs[0]!.cycles[0]!;
    const table = cycleActionTable(store, cycle.events);
    const sum = Object.values(table).reduce((n, c) => n + c.total, 0);
    assert.equal(sum, cycle.events.length);
  });
});
