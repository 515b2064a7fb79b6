import { strict as assert } from 'node:assert';
import { WindowPlanner } from '../../../../../src/core/sources/graph/windowPlan';

const OPTS = { targetRecords: 1000, initialMs: 3600_000, minMs: 1000, maxMs: 7 * 86400_000 };

describe('Graph time windows', () => {
  it('never plans past the end, and aims the next window at the target from the density seen', () => {
    const p = new WindowPlanner(OPTS);
    assert.deepEqual(p.next(0, 1800_000), { start: 0, end: 1800_000 });
    const w = p.next(0, 10 * 3600_000);
    assert.deepEqual(w, { start: 0, end: 3600_000 });
    p.completed(w, 4000); // 4000 records an hour → 1000 in a quarter hour
    assert.equal(p.windowMs, 900_000);
  });

  it('grows after sparse windows by at most four times, and no further than the maximum', () => {
    const p = new WindowPlanner(OPTS);
    p.completed({ start: 0, end: 3600_000 }, 0);
    assert.equal(p.windowMs, 4 * 3600_000);
    for (let i = 0; i < 5; i++) p.completed({ start: 0, end: p.windowMs }, 1);
    assert.equal(p.windowMs, 7 * 86400_000);
  });

  it('halves a window while throttling persists, down to the minimum, then says so', () => {
    const p = new WindowPlanner(OPTS);
    assert.equal(p.shrink({ start: 0, end: 8000 }), true);
    assert.equal(p.windowMs, 4000);
    assert.equal(p.shrink({ start: 0, end: 1500 }), false);
    assert.equal(p.windowMs, 1000);
  });

  it('continues at the size a resumed pull had reached', () => {
    assert.equal(new WindowPlanner(OPTS, 120_000).windowMs, 120_000);
  });
});
