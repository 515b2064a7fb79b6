/**
 * Short texts the tree, the status bar and the reports share: counts with separators, durations,
 * and the ✓ ✗ ⤼ ⚠ status counts of a cycle or group.
 */
import type { Status } from './record';
import { type StatusCounts } from './record';

const NUMBER = new Intl.NumberFormat('en-US');

/** `1,234`. */
export function formatCount(n: number): string {
  return NUMBER.format(n);
}

/** `1 event`, `1,234 events`. */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}

/** `850 ms`, `42 s`, `3 min 12 s`, `1 h 05 min`; '' for NaN. */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return s % 60 === 0 ? `${m} min` : `${m} min ${s % 60} s`;
  const h = Math.floor(m / 60);
  return `${h} h ${String(m % 60).padStart(2, '0')} min`;
}

export const STATUS_GLYPHS: Readonly<Record<Status, string>> = {
  success: '✓',
  failure: '✗',
  skipped: '⤼',
  warning: '⚠',
};

/** `✓ 20 ✗ 2 ⤼ 1` (zero counts left out; `no events` when all are zero). */
export function countsGlyphs(c: StatusCounts): string {
  const parts: string[] = [];
  for (const s of ['success', 'failure', 'skipped', 'warning'] as const) if (c[s] > 0) parts.push(`${STATUS_GLYPHS[s]} ${formatCount(c[s])}`);
  return parts.length > 0 ? parts.join(' ') : 'no events';
}

/** `20 succeeded, 2 failed, 1 skipped`: the words for screen readers and tooltips. */
export function countsWords(c: StatusCounts): string {
  const words: Record<Status, string> = { success: 'succeeded', failure: 'failed', skipped: 'skipped', warning: 'with warnings' };
  const parts: string[] = [];
  for (const s of ['success', 'failure', 'skipped', 'warning'] as const) if (c[s] > 0) parts.push(`${formatCount(c[s])} ${words[s]}`);
  return parts.length > 0 ? parts.join(', ') : 'no events';
}

/** Percentage with one decimal, `92.5%`; '' for NaN. */
export function formatPercent(ratio: number): string {
  return Number.isFinite(ratio) ? `${(ratio * 100).toFixed(1)}%` : '';
}

/** "1.6 MB", "250 MB", "812 bytes". */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} bytes`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let v = n / 1024;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return `${v < 10 ? v.toFixed(1) : Math.round(v)} ${units[u]}`;
}

/**
 * `3.2 MB`, `250 MB`, for progress: one unit throughout (unlike formatBytes), so the figure only
 * grows; one decimal below 10 MB, where whole megabytes would seem to stand still.
 */
export function formatMegabytes(bytes: number): string {
  return `${(bytes / (1 << 20)).toFixed(bytes < 10 << 20 ? 1 : 0)} MB`;
}
