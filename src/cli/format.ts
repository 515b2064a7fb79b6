/**
 * Output shapes shared by the commands: JSON arrays streamed in batches (100,000 events never
 * become one string), aligned text tables, and problem lines. Log text is untrusted, so anything
 * that reaches a terminal has its control characters made visible.
 */
import type { Problem } from '../core/common/record';
import { clip, oneLineUncut } from '../core/common/safeText';
import type { OutputSink } from './io';

const BATCH = 1000;
/** A problem line is one paragraph, as long as a notification in VS Code. */
const MESSAGE_LIMIT = 1000;

/** `[` + one compact JSON value per line + `]`: valid JSON that `grep` and `head` still handle. */
export function writeJsonArray(out: OutputSink, items: Iterable<unknown>): void {
  let batch: string[] = [];
  let first = true;
  out.write('[');
  const flush = (): void => {
    if (batch.length === 0) return;
    out.write((first ? '\n' : ',\n') + batch.join(',\n'));
    first = false;
    batch = [];
  };
  for (const item of items) {
    batch.push(JSON.stringify(item));
    if (batch.length >= BATCH) flush();
  }
  flush();
  out.write(first ? ']\n' : '\n]\n');
}

export function writeJson(out: OutputSink, value: unknown): void {
  out.write(JSON.stringify(value, null, 2) + '\n');
}

export interface Column {
  title: string;
  /** Longer cells are cut with an ellipsis. */
  max?: number;
  align?: 'left' | 'right';
}

/** An aligned table with a header line; cells are cleaned and cut to their column's maximum. */
export function writeTable(out: OutputSink, columns: readonly Column[], rows: Iterable<readonly string[]>): void {
  const cells: string[][] = [];
  const widths = columns.map((c) => c.title.length);
  for (const row of rows) {
    const r = columns.map((c, k) => clip(terminalSafe(row[k] ?? ''), c.max ?? 60));
    r.forEach((v, k) => (widths[k] = Math.max(widths[k]!, v.length)));
    cells.push(r);
  }
  const line = (r: readonly string[]): string =>
    r
      .map((v, k) => (columns[k]!.align === 'right' ? v.padStart(widths[k]!) : v.padEnd(widths[k]!)))
      .join('  ')
      .trimEnd();
  const lines = [line(columns.map((c) => c.title)), line(widths.map((w) => '-'.repeat(w)))];
  out.write(lines.join('\n') + '\n');
  for (let at = 0; at < cells.length; at += BATCH) {
    out.write(cells.slice(at, at + BATCH).map(line).join('\n') + '\n');
  }
}

/**
 * Log text for a terminal: the same rules as every other surface (core/common/safeText). Control
 * characters (an escape sequence could restyle or rewrite the terminal), bidi controls and invisible
 * characters are shown as ⟨U+XXXX⟩; line breaks become spaces so a cell stays on its line.
 */
export const terminalSafe = oneLineUncut;

/** `error: message (line 3, column 7)`, with the file when several were read. */
export function problemLine(p: Problem): string {
  const where: string[] = [];
  if (p.file !== undefined) where.push(p.file);
  if (p.line !== undefined) where.push(`line ${p.line}` + (p.column !== undefined ? `, column ${p.column}` : ''));
  return `${p.severity}: ${clip(terminalSafe(p.message), MESSAGE_LIMIT)}${where.length > 0 ? ` (${where.join(', ')})` : ''}`;
}

/** Problems on stderr, so that stdout stays machine-readable. */
export function reportProblems(err: OutputSink, problems: readonly Problem[]): void {
  if (problems.length > 0) err.write(problems.map((p) => `provlog: ${problemLine(p)}`).join('\n') + '\n');
}

/** Counts as `success 12, failure 3` (zeros left out). */
export function countsText(counts: Readonly<Record<string, number>>): string {
  const parts = Object.entries(counts)
    .filter(([, n]) => n > 0)
    .map(([k, n]) => `${k} ${n}`);
  return parts.length > 0 ? parts.join(', ') : 'none';
}
