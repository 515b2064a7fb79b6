import { strict as assert } from 'node:assert';
import { EventIndex } from '../../../../src/core/index/eventIndex';
import { records, store, naive } from '../sampleLog';

const index = new EventIndex(store);

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
