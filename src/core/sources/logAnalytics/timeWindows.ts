/**
 * Time windows for a pull: half-open [start, end) in epoch ms, so neighbours never share a row and
 * together cover the whole range. Planned from a `summarize count() by bin(TimeGenerated, …)` probe
 * so that each query stays well under the service's limits; a window that still comes back cut
 * short is halved.
 */
import { kqlTimespan } from '../kql/kqlText';

export interface TimeWindow {
  start: number;
  end: number;
}

/** Bins a probe asks for at most, so its own answer is small. */
export const PROBE_BINS = 1000;

/** A bin width (whole seconds, at least 1 s) that divides the range into at most PROBE_BINS bins. */
export function probeBinMs(range: TimeWindow): number {
  const raw = Math.ceil((range.end - range.start) / PROBE_BINS / 1000) * 1000;
  return Math.max(1000, raw);
}

/** The probe query: row counts per bin of the filter query. */
export function probeQuery(query: string, binMs: number): string {
  return `${query}\n| summarize provlog_rows = count() by provlog_bin = bin(TimeGenerated, ${kqlTimespan(binMs)})`;
}

/**
 * Windows over `range` holding about `target` rows each, from (bin start, count) pairs. Bins start
 * at multiples of the bin width (Kusto's bin()); a bin above `target` is a window of its own and is
 * halved later if the service cuts it short.
 */
export function planWindows(range: TimeWindow, bins: readonly { start: number; rows: number }[], target: number): TimeWindow[] {
  const sorted = bins.filter((b) => b.rows > 0 && Number.isFinite(b.start)).sort((a, b) => a.start - b.start);
  const out: TimeWindow[] = [];
  let start = range.start;
  let rows = 0;
  for (const bin of sorted) {
    const at = Math.min(range.end, Math.max(range.start, bin.start));
    if (rows > 0 && rows + bin.rows > target && at > start) {
      out.push({ start, end: at });
      start = at;
      rows = 0;
    }
    rows += bin.rows;
  }
  out.push({ start, end: range.end });
  return out;
}

/** Two halves, or undefined when the window is one millisecond and cannot be split. */
export function halve(w: TimeWindow): [TimeWindow, TimeWindow] | undefined {
  if (w.end - w.start < 2) return undefined;
  const mid = w.start + Math.floor((w.end - w.start) / 2);
  return [
    { start: w.start, end: mid },
    { start: mid, end: w.end },
  ];
}
