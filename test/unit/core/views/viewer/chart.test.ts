import { strict as assert } from 'node:assert';
import { LoadedLog } from '../../../../../src/core/log/loadedLog';
import { STATUSES } from '../../../../../src/core/common/record';
import { buildChart, bucketWidth } from '../../../../../src/core/views/viewer/chart';
import { generateRecords } from '../../../../fixtures/generator/records';
import { portalJson } from '../../../../fixtures/generator/writers';
import { readText } from '../../../helpers';
import { store, all } from '../../viewerSample';

describe('viewer chart', () => {
  it('draws one bar per cycle, stacked by status, in time order', () => {
    const chart = buildChart(store, all);
    assert.equal(chart.bucketMs, 0);
    assert.equal(chart.bars.length, new Set([...all].map((i) => `${store.get('jobId', i)}|${store.get('cycleId', i)}`)).size);
    assert.equal(chart.bars.reduce((n, b) => n + b.total, 0) + chart.undated, store.size);
    for (const b of chart.bars) {
      assert.equal(STATUSES.reduce((n, s) => n + b.counts[s], 0), b.total);
      assert.ok(b.cycleId && b.jobId);
    }
    for (let k = 1; k < chart.bars.length; k++) assert.ok(chart.bars[k - 1]!.from <= chart.bars[k]!.from);
    assert.equal(chart.max, Math.max(...chart.bars.map((b) => b.total)));
  });

  it('ranks the top error codes and counts the rest', () => {
    const chart = buildChart(store, all, 150, 2);
    const codes = [...all].map((i) => store.get('errorCode', i)).filter((c) => c !== '');
    assert.ok(chart.codes.length <= 2);
    assert.equal(chart.codes.reduce((n, c) => n + c.count, 0) + chart.otherCodes, codes.length);
    assert.equal(chart.distinctCodes, new Set(codes).size);
    if (chart.codes.length === 2) assert.ok(chart.codes[0]!.count >= chart.codes[1]!.count);
  });

  it('buckets by time when there are more cycles than bars, never drawing more than the limit', () => {
    const many = new LoadedLog(readText(portalJson(generateRecords({ seed: 5, count: 4000, perCycle: 2 }))));
    const idx = Uint32Array.from([...Array(many.store.size).keys()]);
    const chart = buildChart(many.store, idx, 150);
    assert.ok(chart.bucketMs > 0);
    assert.ok(chart.bars.length <= 150, `${chart.bars.length} bars`);
    assert.equal(chart.bars.reduce((n, b) => n + b.total, 0) + chart.undated, many.store.size);
    const slots = (chart.bars[chart.bars.length - 1]!.from - chart.bars[0]!.from) / chart.bucketMs + 1;
    assert.ok(slots <= 150, `${slots} slots`);
    for (const b of chart.bars) assert.equal(b.to - b.from + 1, chart.bucketMs);
  });

  it('picks round bucket widths', () => {
    assert.equal(bucketWidth(0, 150), 60_000);
    assert.equal(bucketWidth(149 * 60_000, 150), 60_000);
    assert.equal(bucketWidth(150 * 60_000, 150), 2 * 60_000);
    assert.equal(bucketWidth(30 * 86_400_000, 150), 6 * 3_600_000);
  });

  it('draws nothing for nothing', () => {
    const chart = buildChart(store, new Uint32Array(0));
    assert.deepEqual(chart.bars, []);
    assert.equal(chart.max, 0);
  });
});
