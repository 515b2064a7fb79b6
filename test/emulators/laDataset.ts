/**
 * The rows a Log Analytics emulator's workspace holds: `count` rows of AADProvisioningLogs, row i at
 * `start + i * stepMs` (several rows share a millisecond when stepMs < 1), built on demand from a
 * pool of generated records so that a million-row workspace costs no memory. Ids and change ids are
 * unique per row; TimeGenerated has the service's seven fraction digits.
 */
import { LA_COLUMNS } from '../../src/core/sources/kql/schema';
import { generateRecords } from '../fixtures/generator/records';
import { toLogAnalyticsRow } from '../fixtures/generator/writers';

export interface LaDatasetOptions {
  count: number;
  start: number;
  stepMs: number;
  /** Distinct generated records rows are built from. */
  pool?: number;
  seed?: number;
}

export class LaDataset {
  readonly columns = LA_COLUMNS.map(([name, type]) => ({ name, type }));
  private readonly pool: unknown[][];
  private readonly idCol = LA_COLUMNS.findIndex(([n]) => n === 'Id');
  private readonly changeCol = LA_COLUMNS.findIndex(([n]) => n === 'ChangeId');
  private readonly timeCol = LA_COLUMNS.findIndex(([n]) => n === 'TimeGenerated');

  constructor(readonly opts: LaDatasetOptions) {
    const records = generateRecords({ count: opts.pool ?? 400, seed: opts.seed ?? 7 });
    this.pool = records.map((r) => {
      const row = toLogAnalyticsRow(r);
      return LA_COLUMNS.map(([name]) => row[name] ?? null);
    });
  }

  get count(): number {
    return this.opts.count;
  }

  /** Epoch ms of row i (whole milliseconds; the ticks below are in its text). */
  timeOf(i: number): number {
    return this.opts.start + Math.floor(i * this.opts.stepMs);
  }

  timeText(i: number): string {
    const iso = new Date(this.timeOf(i)).toISOString();
    return `${iso.slice(0, -1)}${String(i % 10_000).padStart(4, '0')}Z`;
  }

  idOf(i: number): string {
    return `la-row-${i}`;
  }

  row(i: number): unknown[] {
    const row = [...this.pool[i % this.pool.length]!];
    row[this.idCol] = this.idOf(i);
    row[this.changeCol] = `change-${i}`;
    row[this.timeCol] = this.timeText(i);
    return row;
  }

  /** The first row index at or after `ms`. */
  firstAtOrAfter(ms: number): number {
    let lo = 0;
    let hi = this.count;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.timeOf(mid) < ms) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Row indices [from, to) whose time is in [startMs, endMs). */
  span(startMs: number, endMs: number): [number, number] {
    return [this.firstAtOrAfter(startMs), this.firstAtOrAfter(endMs)];
  }
}
