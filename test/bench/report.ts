/**
 * Benchmark rows and how they are shown: a table for people (measure, value, baseline, ratio,
 * target, ✓/✗) with the misses repeated at the end, or one JSON object for machines.
 */
import { mbText, ms } from './measure';

export type Unit = 'ms' | 'bytes' | 'count';

export interface Target {
  /** `ratio`: value / baseline must stay at or under `max`; `absolute`: value itself (in its unit). */
  kind: 'ratio' | 'absolute';
  max: number;
}

export interface Row {
  measure: string;
  unit: Unit;
  /** null when the measure could not be taken (see note). */
  value: number | null;
  baseline: number | null;
  /** What the baseline is, e.g. "JSON.parse". */
  baselineLabel: string;
  target: Target | null;
  /** Runs behind the median (1 for a single measurement). */
  runs: number;
  note: string;
}

export function ratioOf(r: Row): number | null {
  return r.value !== null && r.baseline !== null && r.baseline > 0 ? r.value / r.baseline : null;
}

/** true met, false missed, null when there is no target or nothing to compare. */
export function passOf(r: Row): boolean | null {
  if (r.target === null || r.value === null) return null;
  if (r.target.kind === 'absolute') return r.value <= r.target.max;
  const ratio = ratioOf(r);
  return ratio === null ? null : ratio <= r.target.max;
}

function valueText(v: number | null, unit: Unit): string {
  if (v === null) return 'n/a';
  if (unit === 'count') return v.toLocaleString('en-US');
  return unit === 'ms' ? ms(v) : mbText(v);
}

function targetText(r: Row): string {
  if (r.target === null) return 'report only';
  return r.target.kind === 'ratio' ? `≤ ${r.target.max}×` : `≤ ${valueText(r.target.max, r.unit)}`;
}

/** `1.21×`; far-apart values as `1/1800×` rather than `0.00×`. */
function ratioText(ratio: number): string {
  return ratio >= 0.05 ? `${ratio.toFixed(2)}×` : `1/${Math.round(1 / ratio)}×`;
}

export function renderTable(rows: readonly Row[], header: string): string {
  const cells = rows.map((r) => {
    const ratio = ratioOf(r);
    const pass = passOf(r);
    return [
      r.measure + (r.runs > 1 ? ` (median of ${r.runs})` : ''),
      valueText(r.value, r.unit),
      r.baseline === null ? '—' : `${valueText(r.baseline, r.unit)} ${r.baselineLabel}`,
      ratio === null ? '—' : ratioText(ratio),
      targetText(r),
      pass === null ? '' : pass ? '✓' : '✗',
    ];
  });
  const titles = ['measure', 'value', 'baseline', 'ratio', 'target', ''];
  const widths = titles.map((t, k) => Math.max(t.length, ...cells.map((c) => c[k]!.length)));
  const line = (c: readonly string[]): string => c.map((v, k) => (k === 1 || k === 3 ? v.padStart(widths[k]!) : v.padEnd(widths[k]!))).join('  ').trimEnd();
  const out = [header, '', line(titles), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)];
  const notes = rows.filter((r) => r.note !== '').map((r) => `  ${r.measure}: ${r.note}`);
  if (notes.length > 0) out.push('', 'Notes:', ...notes);
  const misses = rows.filter((r) => passOf(r) === false);
  out.push('');
  if (misses.length === 0) out.push('All targets met.');
  else {
    out.push(`MISSED ${misses.length} target(s):`);
    for (const r of misses) out.push(`  ✗ ${r.measure}: ${valueText(r.value, r.unit)}${ratioOf(r) !== null ? ` = ${ratioText(ratioOf(r)!)}` : ''}, target ${targetText(r)}`);
  }
  return out.join('\n') + '\n';
}

export function renderJson(rows: readonly Row[], meta: Record<string, unknown>): string {
  const out = rows.map((r) => ({
    measure: r.measure,
    unit: r.unit,
    value: r.value,
    baseline: r.baseline,
    baselineLabel: r.baselineLabel,
    ratio: ratioOf(r),
    target: r.target,
    pass: passOf(r),
    runs: r.runs,
    note: r.note,
  }));
  const misses = out.filter((r) => r.pass === false).map((r) => r.measure);
  return JSON.stringify({ ...meta, rows: out, misses }, null, 2) + '\n';
}
