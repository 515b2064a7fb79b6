import { strict as assert } from 'node:assert';
import { EventIndex } from '../../../../src/core/index/eventIndex';
import { cycleActionTable, summarize, summaryJson } from '../../../../src/core/index/summary';
import { log, store, all, naive } from '../sampleLog';

const index = new EventIndex(store);

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

  it('counts jobs and cycles of any selection in any order as distinct pairs', () => {
    let x = 17;
    const next = (): number => ((x = (x * 1103515245 + 12345) % 2147483648) / 2147483648);
    for (const picked of [all, all.filter(() => next() < 0.4), [...all].sort(() => next() - 0.5), [...all].reverse()]) {
      const s = summarize(index, Uint32Array.from(picked));
      assert.equal(s.jobs, new Set(picked.map((i) => store.get('jobId', i))).size);
      assert.equal(s.cycles, new Set(picked.map((i) => `${store.get('jobId', i)}|${store.get('cycleId', i)}`)).size);
      assert.equal(s.events, picked.length);
    }
  });
});
