import { strict as assert } from 'node:assert';
import { clamp, firstPage, maxWindowSize, nextPage, previousPage, RENDER_LIMIT, windowHolding } from '../../../../../src/core/views/tree/paging';

describe('paging: big tree levels', () => {
  it('shows one page first, everything when it fits', () => {
    assert.deepEqual(firstPage(12_345, 200), { start: 0, end: 200 });
    assert.deepEqual(firstPage(50, 200), { start: 0, end: 50 });
    assert.deepEqual(firstPage(0, 200), { start: 0, end: 0 });
  });

  it('holds whole pages up to the render limit', () => {
    assert.equal(maxWindowSize(200), 400);
    assert.equal(maxWindowSize(100), 500);
    assert.equal(maxWindowSize(500), 500);
    assert.equal(maxWindowSize(300), 300);
    assert.equal(maxWindowSize(20), 500);
  });

  it('grows by a page on "Show more", then slides: never more than the limit rendered', () => {
    const total = 100_000;
    let w = firstPage(total, 200);
    w = nextPage(w, total, 200);
    assert.deepEqual(w, { start: 0, end: 400 });
    w = nextPage(w, total, 200);
    assert.deepEqual(w, { start: 200, end: 600 });
    for (let k = 0; k < 1000; k++) {
      w = nextPage(w, total, 200);
      assert.ok(w.end - w.start <= RENDER_LIMIT);
    }
    assert.deepEqual(w, { start: total - 400, end: total }, 'stops at the end');
    w = previousPage(w, total, 200);
    assert.deepEqual(w, { start: total - 600, end: total - 200 });
  });

  it('stops "Show previous" at the start', () => {
    let w = { start: 200, end: 400 };
    w = previousPage(w, 1000, 200);
    assert.deepEqual(w, { start: 0, end: 400 });
    assert.deepEqual(previousPage(w, 1000, 200), { start: 0, end: 400 });
  });

  it('moves to the page holding a revealed child, and stays when it is shown', () => {
    const w = { start: 0, end: 400 };
    assert.deepEqual(windowHolding(w, 399, 10_000, 200), w);
    assert.deepEqual(windowHolding(w, 4321, 10_000, 200), { start: 4200, end: 4400 });
    assert.deepEqual(windowHolding(w, 9999, 10_050, 200), { start: 9800, end: 10_000 });
    assert.deepEqual(windowHolding(w, 10_049, 10_050, 200), { start: 10_000, end: 10_050 });
  });

  it('keeps a window valid when the level shrinks (a log read again)', () => {
    assert.deepEqual(clamp({ start: 200, end: 400 }, 300), { start: 200, end: 300 });
    assert.deepEqual(clamp({ start: 600, end: 800 }, 300), { start: 100, end: 300 });
    assert.deepEqual(clamp({ start: 0, end: 200 }, 0), { start: 0, end: 0 });
  });
});
