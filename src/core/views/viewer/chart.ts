/**
 * The viewer's picture of the shown events: one bar per provisioning cycle in time order, stacked by
 * status, and the most frequent error codes. With more cycles than fit (a month of 40-minute cycles
 * of several jobs is thousands), events are counted in time buckets of a round width instead, so no
 * more than `maxBars` bars are ever drawn. Times are null rather than NaN: this crosses JSON.
 */
import { lookupErrorCode } from '../../catalog/catalog';
import type { EventStore } from '../../model/store';

export interface StatusTally {
  success: number;
  failure: number;
  skipped: number;
  warning: number;
}

export interface ChartBar {
  /** Earliest and latest event time in the bar (a cycle's span, or the bucket's bounds). */
  from: number;
  to: number;
  counts: StatusTally;
  total: number;
  /** Cycles with events in this bar. */
  cycles: number;
  /** Set when the bar is one cycle. */
  cycleId?: string;
  jobId?: string;
  /** The cycle's application (or target system). */
  app?: string;
}

export interface ChartCode {
  code: string;
  count: number;
  title: string;
}

export interface ChartData {
  bars: ChartBar[];
  /** 0 when each bar is one cycle; else the width of a time bucket in ms. */
  bucketMs: number;
  /** Largest bar total (the y scale). */
  max: number;
  /** Events without a readable time, not in any bar. */
  undated: number;
  codes: ChartCode[];
  /** Events with an error code outside the top codes. */
  otherCodes: number;
  /** Distinct error codes among the events. */
  distinctCodes: number;
}

const BUCKETS_MS = [1, 2, 5, 10, 15, 30, 60, 120, 180, 360, 720, 1440, 2880, 10080, 20160, 43200, 86400, 525600].map((m) => m * 60_000);

export function buildChart(store: EventStore, events: ArrayLike<number>, maxBars = 150, topCodes = 8): ChartData {
  const cycles = new Map<number, ChartBar>();
  const jobCol = store.column('jobId');
  const cycleCol = store.column('cycleId');
  const codeCol = store.column('errorCode');
  const codeCounts = new Map<number, number>();
  let undated = 0;
  let lo = Infinity;
  let hi = -Infinity;
  for (let k = 0; k < events.length; k++) {
    const i = events[k]!;
    const code = codeCol[i]!;
    if (code !== 0) codeCounts.set(code, (codeCounts.get(code) ?? 0) + 1);
    const t = store.time[i]!;
    if (Number.isNaN(t)) {
      undated++;
      continue;
    }
    if (t < lo) lo = t;
    if (t > hi) hi = t;
    const key = cycleKey(jobCol[i]!, cycleCol[i]!);
    let bar = cycles.get(key);
    if (bar === undefined) {
      bar = { from: t, to: t, counts: tally(), total: 0, cycles: 1 };
      if (cycleCol[i] !== 0) {
        bar.cycleId = store.strings[cycleCol[i]!]!;
        bar.jobId = store.strings[jobCol[i]!]!;
        const app = store.get('appName', i) || store.get('targetSystem', i);
        if (app) bar.app = app;
      }
      cycles.set(key, bar);
    }
    if (t < bar.from) bar.from = t;
    if (t > bar.to) bar.to = t;
    bar.counts[store.statusOf(i)]++;
    bar.total++;
  }

  let bars: ChartBar[];
  let bucketMs = 0;
  if (cycles.size <= maxBars) {
    bars = [...cycles.values()].sort((a, b) => a.from - b.from || a.to - b.to);
  } else {
    bucketMs = bucketWidth(hi - lo, maxBars);
    bars = bucketed(store, events, Math.floor(lo / bucketMs) * bucketMs, bucketMs);
  }

  const ranked = [...codeCounts].sort(([a, x], [b, y]) => y - x || store.strings[a]!.localeCompare(store.strings[b]!));
  const codes = ranked.slice(0, topCodes).map(([id, count]) => {
    const code = store.strings[id]!;
    return { code, count, title: lookupErrorCode(code).entry.title };
  });
  const otherCodes = ranked.slice(topCodes).reduce((n, [, c]) => n + c, 0);
  return { bars, bucketMs, max: bars.reduce((m, b) => Math.max(m, b.total), 0), undated, codes, otherCodes, distinctCodes: ranked.length };
}

/** The smallest round width that cuts `span` into at most `maxBars` buckets. */
export function bucketWidth(span: number, maxBars: number): number {
  for (const w of BUCKETS_MS) if (Math.floor(span / w) + 1 <= maxBars) return w;
  const year = BUCKETS_MS[BUCKETS_MS.length - 1]!;
  return Math.ceil((span + 1) / maxBars / year) * year;
}

function bucketed(store: EventStore, events: ArrayLike<number>, origin: number, width: number): ChartBar[] {
  const bars = new Map<number, ChartBar & { seen: Set<number> }>();
  const jobCol = store.column('jobId');
  const cycleCol = store.column('cycleId');
  for (let k = 0; k < events.length; k++) {
    const i = events[k]!;
    const t = store.time[i]!;
    if (Number.isNaN(t)) continue;
    const slot = Math.floor((t - origin) / width);
    let bar = bars.get(slot);
    if (bar === undefined) {
      const from = origin + slot * width;
      bars.set(slot, (bar = { from, to: from + width - 1, counts: tally(), total: 0, cycles: 0, seen: new Set() }));
    }
    bar.counts[store.statusOf(i)]++;
    bar.total++;
    bar.seen.add(cycleKey(jobCol[i]!, cycleCol[i]!));
  }
  return [...bars.values()]
    .sort((a, b) => a.from - b.from)
    .map(({ seen, ...bar }) => ({ ...bar, cycles: seen.size }));
}

/** One number per (job, cycle) pair of string ids: string ids stay far below 2^26. */
function cycleKey(job: number, cycle: number): number {
  return job * 67_108_864 + cycle;
}

function tally(): StatusTally {
  return { success: 0, failure: 0, skipped: 0, warning: 0 };
}
