/**
 * A pull of any size: the filter's query over a time range, run as many small queries over
 * disjoint time windows (planned from a count probe, halved whenever the service cuts a result
 * short or gives up), at most five at a time (the service's per-user limit), written in time order
 * so that what is on disk always covers [since, some instant) — which is where a failed pull stopped.
 * Memory holds at most a few windows' rows, whatever the total.
 */
import { filterToKql } from '../kql/filterToKql';
import { parseTime } from '../../common/time';
import type { LogAnalyticsClient } from './laClient';
import { LogAnalyticsError } from './laErrors';
import { columnIndex, rowLines, type QueryTable } from './queryResponse';
import { halve, planWindows, probeBinMs, probeQuery, PROBE_BINS, type TimeWindow } from './timeWindows';
import { type EventFilter } from '../../common/filter';

const MIN_TIMEOUT_WINDOW_MS = 60_000;

/** The service's per-user limit on queries running at once. */
export const MAX_CONCURRENT_QUERIES = 5;

export interface PullRequest {
  /** The viewer's filter; its own time bounds are ignored (the range is `since`/`until`). */
  filter: EventFilter;
  /** [since, until) in epoch ms. */
  since: number;
  until: number;
  /** Rows at which the service cuts a result short (500,000; lower in tests). */
  rowLimit?: number;
  /**
   * Rows one query aims at (default 5,000, ~15 MB of JSON): the service's size limit (~64 MB) comes long before its
   * row limit, and memory holds a few windows at once.
   */
  rowsPerQuery?: number;
  concurrency?: number;
  /** Plan windows from a count probe (default) or start from the whole range and halve. */
  probe?: boolean;
  /** Ids of rows already held (a "newer events" pull starts at the newest event, inclusive). */
  skipIds?: ReadonlySet<string>;
}

export interface PullProgress {
  rows: number;
  queries: number;
  splits: number;
  /** Everything before this instant is written. */
  doneUntil: number;
}

export interface PullResult extends PullProgress {
  skipped: number;
  /** Newest TimeGenerated written, as the service wrote it and in epoch ms (NaN: no rows). */
  newest: string;
  newestMs: number;
}

/** A pull that failed part-way: the rows before `doneUntil` are written and readable. */
export class PullStopped extends Error {
  constructor(
    override readonly cause: unknown,
    readonly progress: PullProgress,
  ) {
    super(cause instanceof Error ? cause.message : String(cause));
    this.name = 'PullStopped';
  }
}

export interface PullHooks {
  /** Whole lines, in time-window order; awaited before more are written. */
  write(lines: string[]): Promise<void>;
  onProgress?(p: PullProgress): void;
  signal?: AbortSignal;
}

interface Slot extends TimeWindow {
  state: 'todo' | 'running' | 'done';
  lines?: string[];
}

type Finished = { slot: Slot; split?: string; timedOut?: boolean; lines?: string[]; error?: unknown };

export async function pullLogs(client: LogAnalyticsClient, req: PullRequest, hooks: PullHooks): Promise<PullResult> {
  const rowLimit = req.rowLimit ?? 500_000;
  const target = Math.max(1, Math.min(req.rowsPerQuery ?? 5_000, rowLimit - 1));
  const concurrency = Math.max(1, Math.min(MAX_CONCURRENT_QUERIES, req.concurrency ?? MAX_CONCURRENT_QUERIES));
  const base: EventFilter = { ...req.filter };
  delete base.since;
  delete base.until;
  delete base.window;
  delete base.windowFrom;
  const queryFor = (w: TimeWindow): string => filterToKql({ ...base, since: w.start, until: w.end - 1 });
  const range: TimeWindow = { start: req.since, end: req.until };
  const progress: PullProgress = { rows: 0, queries: 0, splits: 0, doneUntil: req.since };
  const result = { skipped: 0, newest: '', newestMs: NaN };

  let slots: Slot[];
  try {
    const windows = req.probe === false ? [range] : await plan(client, queryFor(range), range, target, progress, hooks.signal);
    slots = windows.map((w) => ({ ...w, state: 'todo' }));
  } catch (e) {
    throw new PullStopped(e, { ...progress });
  }

  const running = new Map<Slot, Promise<Finished>>();
  const run = async (slot: Slot): Promise<Finished> => {
    try {
      progress.queries++;
      const out = await client.query(queryFor(slot), slot.start, slot.end, hooks.signal);
      if (out.kind === 'timeout') return { slot, split: out.message, timedOut: true };
      const { table, partial } = out.response;
      if (partial || table.rows.length >= rowLimit) return { slot, split: partial?.detail ?? `${table.rows.length} rows, the limit` };
      return { slot, lines: keep(table) };
    } catch (error) {
      return { slot, error };
    }
  };
  const keep = (table: QueryTable): string[] => {
    const idCol = columnIndex(table, 'Id');
    const timeCol = columnIndex(table, 'TimeGenerated');
    if (req.skipIds && idCol >= 0) {
      const before = table.rows.length;
      table.rows = table.rows.filter((r) => !req.skipIds!.has(String(r[idCol])));
      result.skipped += before - table.rows.length;
    }
    if (timeCol >= 0) {
      for (const r of table.rows) {
        const t = String(r[timeCol]);
        const ms = parseTime(t);
        // Same millisecond: the text (ISO, 7 fraction digits) orders the ticks below it.
        const newer = Number.isNaN(result.newestMs) || ms > result.newestMs || (ms === result.newestMs && t > result.newest);
        if (!Number.isNaN(ms) && newer) {
          result.newestMs = ms;
          result.newest = t;
        }
      }
    }
    return rowLines(table);
  };

  const failed = (e: unknown): PullStopped => {
    return new PullStopped(e, { ...progress });
  };

  for (;;) {
    // Write the finished windows at the front, in order.
    while (slots.length > 0 && slots[0]!.state === 'done') {
      const slot = slots.shift()!;
      const lines = slot.lines ?? [];
      try {
        if (lines.length > 0) await hooks.write(lines);
      } catch (e) {
        throw failed(e);
      }
      progress.rows += lines.length;
      progress.doneUntil = slot.end;
      hooks.onProgress?.({ ...progress });
    }
    if (slots.length === 0) break;
    // Start windows in time order; finished-but-unwritten ones count against the limit so memory stays bounded.
    const waiting = slots.filter((s) => s.state === 'done').length;
    for (const slot of slots) {
      if (running.size >= concurrency || running.size + waiting >= concurrency + 2) break;
      if (slot.state !== 'todo') continue;
      slot.state = 'running';
      running.set(slot, run(slot));
    }
    const done = await Promise.race(running.values());
    running.delete(done.slot);
    if (done.error !== undefined) {
      await Promise.allSettled(running.values());
      throw failed(done.error);
    }
    if (done.split !== undefined) {
      // A cut-short result is halved down to the millisecond; a timeout only down to a minute: a query over less
      // that still times out is the service's trouble, and halving further would only multiply the queries.
      const halves = done.timedOut && done.slot.end - done.slot.start <= MIN_TIMEOUT_WINDOW_MS ? undefined : halve(done.slot);
      if (halves === undefined) {
        await Promise.allSettled(running.values());
        const at = new Date(done.slot.start).toISOString();
        throw failed(
          done.timedOut
            ? new LogAnalyticsError('timeout', `Log Analytics gave up on the query even over the minute from ${at} (${done.split}): try again later, or narrow the filter.`)
            : new LogAnalyticsError('tooDense', `More rows than one query may return fall in the millisecond at ${at} (${done.split}): narrow the filter.`),
        );
      }
      progress.splits++;
      const at = slots.indexOf(done.slot);
      slots.splice(at, 1, ...halves.map((h): Slot => ({ ...h, state: 'todo' })));
      continue;
    }
    done.slot.state = 'done';
    done.slot.lines = done.lines ?? [];
  }
  return { ...progress, ...result };
}

/** Windows of about `target` rows from a count probe; the whole range when the probe times out. */
async function plan(client: LogAnalyticsClient, query: string, range: TimeWindow, target: number, progress: PullProgress, signal?: AbortSignal): Promise<TimeWindow[]> {
  const bin = probeBinMs(range);
  progress.queries++;
  const out = await client.query(probeQuery(query, bin), range.start, range.end, signal);
  if (out.kind === 'timeout') return [range];
  const { table } = out.response;
  const binCol = columnIndex(table, 'provlog_bin');
  const rowsCol = columnIndex(table, 'provlog_rows');
  if (binCol < 0 || rowsCol < 0 || table.rows.length > PROBE_BINS * 2) return [range];
  const bins = table.rows.map((r) => ({ start: parseTime(String(r[binCol])), rows: Number(r[rowsCol]) }));
  return planWindows(range, bins, target);
}
