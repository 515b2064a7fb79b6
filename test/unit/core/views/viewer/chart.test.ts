import { strict as assert } from 'node:assert';
import { LoadedLog } from '../../../../../src/core/log/loadedLog';
import { STATUSES } from '../../../../../src/core/common/record';
import { buildChart, bucketWidth } from '../../../../../src/core/views/viewer/chart';
import { generateRecords } from '../../../../fixtures/generator/records';
import { portalJson } from '../../../../fixtures/generator/writers';
import { readText } from '../../../helpers';
import { store, all } from '../../viewerSample';
import type { EventStore } from '../../../../../src/core/model/store';
import type { ChartBar, ChartData } from '../../../../../src/core/views/viewer/chart';
import { lookupErrorCode } from '../../../../../src/core/catalog/catalog';

/** The chart counted the obvious way (a Map per pair, per bar and per code), to check the fast one against. */
function reference(s: EventStore, events: readonly number[], maxBars = 150, topCodes = 8): ChartData {
  const pairs = new Map<string, ChartBar>();
  const codes = new Map<string, number>();
  let undated = 0;
  let lo = Infinity;
  let hi = -Infinity;
  for (const i of events) {
    const code = s.get('errorCode', i);
    if (code !== '') codes.set(code, (codes.get(code) ?? 0) + 1);
    const t = s.time[i]!;
    if (Number.isNaN(t)) {
      undated++;
      continue;
    }
    lo = Math.min(lo, t);
    hi = Math.max(hi, t);
    const key = `${s.get('jobId', i)}|${s.get('cycleId', i)}`;
    let bar = pairs.get(key);
    if (!bar) {
      bar = { from: t, to: t, counts: { success: 0, failure: 0, skipped: 0, warning: 0 }, total: 0, cycles: 1 };
      if (s.get('cycleId', i) !== '') {
        bar.cycleId = s.get('cycleId', i);
        bar.jobId = s.get('jobId', i);
        const app = s.get('appName', i) || s.get('targetSystem', i);
        if (app) bar.app = app;
      }
      pairs.set(key, bar);
    }
    bar.from = Math.min(bar.from, t);
    bar.to = Math.max(bar.to, t);
    bar.counts[s.statusOf(i)]++;
    bar.total++;
  }
  let bars: ChartBar[];
  let bucketMs = 0;
  if (pairs.size <= maxBars) bars = [...pairs.values()].sort((a, b) => a.from - b.from || a.to - b.to);
  else {
    bucketMs = bucketWidth(hi - lo, maxBars);
    const origin = Math.floor(lo / bucketMs) * bucketMs;
    const slots = new Map<number, ChartBar & { seen: Set<string> }>();
    for (const i of events) {
      const t = s.time[i]!;
      if (Number.isNaN(t)) continue;
      const slot = Math.floor((t - origin) / bucketMs);
      let bar = slots.get(slot);
      if (!bar) slots.set(slot, (bar = { from: origin + slot * bucketMs, to: origin + (slot + 1) * bucketMs - 1, counts: { success: 0, failure: 0, skipped: 0, warning: 0 }, total: 0, cycles: 0, seen: new Set() }));
      bar.counts[s.statusOf(i)]++;
      bar.total++;
      bar.seen.add(`${s.get('jobId', i)}|${s.get('cycleId', i)}`);
    }
    bars = [...slots.values()].sort((a, b) => a.from - b.from).map(({ seen, ...bar }) => ({ ...bar, cycles: seen.size }));
  }
  const ranked = [...codes].sort(([a, x], [b, y]) => y - x || a.localeCompare(b));
  return {
    bars,
    bucketMs,
    max: bars.reduce((m, b) => Math.max(m, b.total), 0),
    undated,
    codes: ranked.slice(0, topCodes).map(([code, count]) => ({ code, count, title: lookupErrorCode(code).entry.title })),
    otherCodes: ranked.slice(topCodes).reduce((n, [, c]) => n + c, 0),
    distinctCodes: ranked.length,
  };
}

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

  it('counts what the obvious way counts, in any order of events, with undated events, missing cycles and a cycle id under two jobs', () => {
    const records = generateRecords({ seed: 9, count: 1500, perCycle: 5 }).map((r, k) => {
      if (k % 37 === 0) return { ...r, activityDateTime: 'not a date' };
      if (k % 41 === 0) return { ...r, cycleId: '' };
      // The same cycle id under another job: two pairs, two bars.
      if (k % 43 === 0) return { ...r, jobId: `${r.jobId}.other` };
      return r;
    });
    const many = new LoadedLog(readText(portalJson(records)));
    const s = many.store;
    const every = [...Array(s.size).keys()];
    let x = 5;
    const next = (): number => ((x = (x * 1103515245 + 12345) % 2147483648) / 2147483648);
    const shuffled = [...every].sort(() => next() - 0.5);
    const some = every.filter(() => next() < 0.3);
    assert.ok(every.some((i) => Number.isNaN(s.time[i]!)) && every.some((i) => s.get('cycleId', i) === ''));
    for (const [events, bars] of [[every, 150], [shuffled, 150], [some, 150], [shuffled, 5000], [some.slice(0, 40), 150]] as const) {
      assert.deepEqual(buildChart(s, Uint32Array.from(events), bars, 3), reference(s, events, bars, 3), `${events.length} events, ${bars} bars`);
    }
    assert.ok(buildChart(s, Uint32Array.from(every)).bucketMs > 0, 'the bucketed path was checked');
    assert.equal(buildChart(s, Uint32Array.from(every), 5000).bucketMs, 0, 'the per-cycle path was checked');
  });

  it('draws nothing for nothing', () => {
    const chart = buildChart(store, new Uint32Array(0));
    assert.deepEqual(chart.bars, []);
    assert.equal(chart.max, 0);
  });
});
