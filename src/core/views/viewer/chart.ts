/**
 * The viewer's picture of the shown events: one bar per provisioning cycle in time order, stacked by
 * status, and the most frequent error codes. With more cycles than fit (a month of 40-minute cycles
 * of several jobs is thousands), events are counted in time buckets of a round width instead, so no
 * more than `maxBars` bars are ever drawn. Times are null rather than NaN: this crosses JSON.
 */
import { lookupErrorCode } from '../../catalog/catalog';
import type { EventStore } from '../../model/store';
import { STATUSES } from '../../common/record';

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
  const cycles = numberCycles(store, events);
  const codes = countCodes(store, events);
  let undated = 0;
  let lo = Infinity;
  let hi = -Infinity;
  for (let k = 0; k < events.length; k++) {
    const t = store.time[events[k]!]!;
    if (Number.isNaN(t)) undated++;
    else {
      if (t < lo) lo = t;
      if (t > hi) hi = t;
    }
  }

  let bars: ChartBar[];
  let bucketMs = 0;
  if (cycles.count <= maxBars) {
    bars = cycleBars(store, events, cycles).sort((a, b) => a.from - b.from || a.to - b.to);
  } else {
    bucketMs = bucketWidth(hi - lo, maxBars);
    bars = bucketed(store, events, cycles, Math.floor(lo / bucketMs) * bucketMs, bucketMs);
  }

  const ranked = codes.ids.map((id, k) => [id, codes.counts[k]!] as const).sort(([a, x], [b, y]) => y - x || store.strings[a]!.localeCompare(store.strings[b]!));
  const top = ranked.slice(0, topCodes).map(([id, count]) => {
    const code = store.strings[id]!;
    return { code, count, title: lookupErrorCode(code).entry.title };
  });
  const otherCodes = ranked.slice(topCodes).reduce((n, [, c]) => n + c, 0);
  return { bars, bucketMs, max: bars.reduce((m, b) => Math.max(m, b.total), 0), undated, codes: top, otherCodes, distinctCodes: ranked.length };
}

/**
 * The (job, cycle) pairs of dated events, numbered 0, 1, … as first met. Events of one cycle mostly
 * come in a row (in file order and in time order alike), so the Map is asked only when the pair
 * changes: a Map lookup per event was most of a chart of 930,000 events. Nothing here is sized by
 * the log's string table: a chart is built on every filter change, and at 2.5 GB such arrays would
 * cost tens of MB each time.
 */
interface CycleNumbers {
  count: number;
  /** Per position in `events`: the event's pair, -1 when it has no readable time. */
  of: Int32Array;
  /** Per pair: the position in `events` of its first event. */
  firstAt: number[];
}

function numberCycles(store: EventStore, events: ArrayLike<number>): CycleNumbers {
  const jobCol = store.column('jobId');
  const cycleCol = store.column('cycleId');
  const pairs = new Map<number, number>();
  const of = new Int32Array(events.length);
  const firstAt: number[] = [];
  let lastKey = -1;
  let lastPair = -1;
  for (let k = 0; k < events.length; k++) {
    const i = events[k]!;
    if (Number.isNaN(store.time[i]!)) {
      of[k] = -1;
      continue;
    }
    const key = cycleKey(jobCol[i]!, cycleCol[i]!);
    if (key !== lastKey) {
      lastKey = key;
      lastPair = pairs.get(key) ?? -1;
      if (lastPair < 0) {
        lastPair = firstAt.push(k) - 1;
        pairs.set(key, lastPair);
      }
    }
    of[k] = lastPair;
  }
  return { count: firstAt.length, of, firstAt };
}

/** One bar per pair. */
function cycleBars(store: EventStore, events: ArrayLike<number>, cycles: CycleNumbers): ChartBar[] {
  const cycleCol = store.column('cycleId');
  const jobCol = store.column('jobId');
  const bars = cycles.firstAt.map((k): ChartBar => {
    const i = events[k]!;
    const t = store.time[i]!;
    const bar: ChartBar = { from: t, to: t, counts: tally(), total: 0, cycles: 1 };
    if (cycleCol[i] !== 0) {
      bar.cycleId = store.strings[cycleCol[i]!]!;
      bar.jobId = store.strings[jobCol[i]!]!;
      const app = store.get('appName', i) || store.get('targetSystem', i);
      if (app) bar.app = app;
    }
    return bar;
  });
  for (let k = 0; k < events.length; k++) {
    const p = cycles.of[k]!;
    if (p < 0) continue;
    const i = events[k]!;
    const bar = bars[p]!;
    const t = store.time[i]!;
    if (t < bar.from) bar.from = t;
    if (t > bar.to) bar.to = t;
    bar.counts[STATUSES[store.status[i]!]!]++;
    bar.total++;
  }
  return bars;
}

/** Distinct error codes of `events` in the order first met, with their counts (most events have none). */
function countCodes(store: EventStore, events: ArrayLike<number>): { ids: number[]; counts: number[] } {
  const col = store.column('errorCode');
  const counts = new Map<number, number>();
  for (let k = 0; k < events.length; k++) {
    const id = col[events[k]!]!;
    if (id !== 0) counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return { ids: [...counts.keys()], counts: [...counts.values()] };
}

/** The smallest round width that cuts `span` into at most `maxBars` buckets. */
export function bucketWidth(span: number, maxBars: number): number {
  for (const w of BUCKETS_MS) if (Math.floor(span / w) + 1 <= maxBars) return w;
  const year = BUCKETS_MS[BUCKETS_MS.length - 1]!;
  return Math.ceil((span + 1) / maxBars / year) * year;
}

function bucketed(store: EventStore, events: ArrayLike<number>, cycles: CycleNumbers, origin: number, width: number): ChartBar[] {
  const slots = new Map<number, number>();
  const bars: ChartBar[] = [];
  // Which pairs each bar has counted: one bit per (bar, pair), at most maxBars × pairs bits.
  const words = (cycles.count + 31) >>> 5;
  const seen: Uint32Array[] = [];
  for (let k = 0; k < events.length; k++) {
    const p = cycles.of[k]!;
    if (p < 0) continue;
    const i = events[k]!;
    const slot = Math.floor((store.time[i]! - origin) / width);
    let b = slots.get(slot);
    if (b === undefined) {
      const from = origin + slot * width;
      b = bars.push({ from, to: from + width - 1, counts: tally(), total: 0, cycles: 0 }) - 1;
      seen.push(new Uint32Array(words));
      slots.set(slot, b);
    }
    const bar = bars[b]!;
    bar.counts[STATUSES[store.status[i]!]!]++;
    bar.total++;
    const bits = seen[b]!;
    const bit = 1 << (p & 31);
    if ((bits[p >>> 5]! & bit) === 0) {
      bits[p >>> 5] = bits[p >>> 5]! | bit;
      bar.cycles++;
    }
  }
  return bars.sort((a, b) => a.from - b.from);
}

/** One number per (job, cycle) pair of string ids: string ids stay far below 2^26. */
function cycleKey(job: number, cycle: number): number {
  return job * 67_108_864 + cycle;
}

function tally(): StatusTally {
  return { success: 0, failure: 0, skipped: 0, warning: 0 };
}
