/**
 * Timing helpers for the benchmark. The machine is shared and noisy, so every figure is a median
 * of several runs with a full GC before each, and every target is a ratio against a baseline
 * measured in the same run (or an absolute budget far above the expected value).
 */
import { readFileSync } from 'node:fs';

export interface Timing {
  /** Milliseconds. */
  median: number;
  min: number;
  max: number;
  runs: number;
}

/** A full collection, so one run's garbage is not billed to the next (needs --expose-gc). */
export function collect(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) {
    gc();
    gc();
  }
}

export const gcAvailable = (): boolean => typeof (globalThis as { gc?: unknown }).gc === 'function';

/**
 * Runs `fn` `runs` times (after `warmup` untimed runs) and returns the median. `gcBetween: false`
 * shows the steady state: V8 drops optimized code on a full GC, which small, hot functions feel.
 */
export function time(fn: () => unknown, runs: number, warmup = 0, gcBetween = true): Timing {
  for (let k = 0; k < warmup; k++) {
    if (gcBetween) collect();
    keep(fn());
  }
  const samples: number[] = [];
  for (let k = 0; k < runs; k++) {
    if (gcBetween) collect();
    const t0 = performance.now();
    const result = fn();
    samples.push(performance.now() - t0);
    keep(result);
  }
  return summarize(samples);
}

/**
 * Two contenders in alternation (A, B, A, B, …) so that slow phases of a noisy machine hit both alike.
 * `gcBetween: false` (small inputs) collects once up front instead of before each run: a full GC makes
 * V8 drop the core's optimized loops, a cost the C++ baselines never pay and that dominates small inputs.
 */
export function timePair(a: () => unknown, b: () => unknown, runs: number, warmup = 0, gcBetween = true): [Timing, Timing] {
  collect();
  for (let k = 0; k < warmup; k++) {
    if (gcBetween) collect();
    keep(a());
    if (gcBetween) collect();
    keep(b());
  }
  const sa: number[] = [];
  const sb: number[] = [];
  const once = (fn: () => unknown, into: number[]): void => {
    if (gcBetween) collect();
    const t0 = performance.now();
    const result = fn();
    into.push(performance.now() - t0);
    keep(result);
  };
  if (gcBetween) {
    for (let k = 0; k < runs; k++) {
      once(a, sa);
      once(b, sb);
    }
  } else {
    // Small inputs: alternating single runs lets each contender's garbage land in the other's
    // timing; alternate short blocks instead (A×3, B×3, …).
    for (let k = 0; k < runs; k += 3) {
      for (let j = k; j < Math.min(runs, k + 3); j++) once(a, sa);
      for (let j = k; j < Math.min(runs, k + 3); j++) once(b, sb);
    }
  }
  return [summarize(sa), summarize(sb)];
}

export function summarize(samples: number[]): Timing {
  const sorted = [...samples].sort((x, y) => x - y);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { median, min: sorted[0]!, max: sorted[sorted.length - 1]!, runs: sorted.length };
}

/** Stores each result where V8 cannot prove it unused, so it cannot skip the work. */
const kept: unknown[] = [undefined];
function keep(v: unknown): void {
  kept[0] = v;
  kept[0] = undefined;
}

export function ms(t: number): string {
  if (t >= 10_000) return `${(t / 1000).toFixed(1)} s`;
  if (t >= 100) return `${t.toFixed(0)} ms`;
  if (t >= 10) return `${t.toFixed(1)} ms`;
  return `${t.toFixed(2)} ms`;
}

export function mbText(bytes: number): string {
  return `${(bytes / (1 << 20)).toFixed(bytes < 10 << 20 ? 1 : 0)} MB`;
}

/**
 * `timePair` for contenders that finish asynchronously (the parallel reader waits for its threads),
 * in alternation; `gcBetween: false` for small inputs, as there.
 */
export async function timePairAsync(a: () => Promise<unknown>, b: () => unknown, runs: number, warmup = 0, gcBetween = true): Promise<[Timing, Timing]> {
  const sa: number[] = [];
  const sb: number[] = [];
  collect();
  for (let k = 0; k < warmup + runs; k++) {
    if (gcBetween) collect();
    let t0 = performance.now();
    keep(await a());
    if (k >= warmup) sa.push(performance.now() - t0);
    if (gcBetween) collect();
    t0 = performance.now();
    keep(b());
    if (k >= warmup) sb.push(performance.now() - t0);
  }
  return [summarize(sa), summarize(sb)];
}

/** High-water mark of resident memory in bytes: VmHWM where /proc exists, else maxRSS. */
export function highWaterMark(): { bytes: number; source: string } {
  try {
    const m = /VmHWM:\s+(\d+)\s+kB/.exec(readFileSync('/proc/self/status', 'utf8'));
    if (m) return { bytes: Number(m[1]) * 1024, source: 'VmHWM' };
  } catch {
    // not Linux
  }
  return { bytes: process.resourceUsage().maxRSS * 1024, source: 'maxRSS' };
}
