/**
 * A Markdown report of chosen events, for a support ticket or a change record: what was exported,
 * counts, the error codes with what they mean and what to do, then the events themselves. Log text
 * is hostile, so every value is escaped and stays inside its table cell.
 */
import { lookupErrorCode } from '../catalog/catalog';
import type { LogData } from '../model/logData';
import { ACTION_LABELS, FORMAT_LABELS, STATUS_LABELS } from '../common/record';
import { summarize } from '../index/summary';
import { mdText } from '../common/markdownText';
import { formatUtc } from '../common/time';

export interface MarkdownOptions {
  title?: string;
  /** What the events were chosen by, in words (e.g. the active filters). */
  selection?: string;
  /** Event rows at most (the counts always cover every event). */
  maxRows?: number;
}

export function exportMarkdown(log: LogData, indices: ArrayLike<number>, write: (chunk: string) => void, options: MarkdownOptions = {}): void {
  const { store } = log;
  const s = summarize(log, indices);
  const maxRows = options.maxRows ?? 1000;
  const out: string[] = [];
  out.push(`# ${md(options.title ?? 'Provisioning log report')}`, '');
  out.push(`- File: ${log.files.map((f) => md(f.name)).join(', ')} (${FORMAT_LABELS[log.format]})`);
  if (options.selection) out.push(`- Events chosen by: ${md(options.selection)}`);
  out.push(`- Events: ${s.events}; ${s.jobs} job(s), ${s.cycles} cycle(s)`);
  if (!Number.isNaN(s.first)) out.push(`- From ${formatUtc(s.first)} to ${formatUtc(s.last)}`);
  out.push(
    `- Status: ${(['success', 'failure', 'skipped', 'warning'] as const).map((k) => `${STATUS_LABELS[k]} ${s.status[k]}`).join(', ')}`,
    '',
  );
  if (s.errorCodes.length > 0) {
    out.push('## Error codes', '', '| Code | Events | Meaning | What to do | Retried |', '|---|---:|---|---|---|');
    for (const c of s.errorCodes) {
      const m = lookupErrorCode(c.code);
      const retry = m.entry.retry === 'automatic' ? (m.entry.retryAfterMinutes ? `after ${m.entry.retryAfterMinutes} min` : 'yes') : 'no';
      out.push(`| \`${code(c.code)}\` | ${c.count} | ${md(m.entry.meaning)} | ${md(m.entry.remediation)} | ${retry} |`);
    }
    out.push('');
  }
  write(out.join('\n') + '\n');
  write('## Events\n\n| Date (UTC) | Identity | Action | Status | Error code | Source → Target | Change ID |\n|---|---|---|---|---|---|---|\n');
  const rows = Math.min(indices.length, maxRows);
  let chunk: string[] = [];
  for (let k = 0; k < rows; k++) {
    const i = indices[k]!;
    const e = store.summary(i);
    chunk.push(
      `| ${formatUtc(e.time) || md(e.activityDateTime)} | ${md(e.sourceName || e.sourceId)} | ${ACTION_LABELS[e.action]} | ${STATUS_LABELS[e.status]} | ${e.errorCode ? '`' + code(e.errorCode) + '`' : ''} | ${md(e.sourceSystem)} → ${md(e.targetSystem)} | \`${code(e.changeId)}\` |`,
    );
    if (chunk.length >= 500) {
      write(chunk.join('\n') + '\n');
      chunk = [];
    }
  }
  if (chunk.length > 0) write(chunk.join('\n') + '\n');
  if (indices.length > rows) write(`\n…and ${indices.length - rows} more events (export as CSV or JSON for all of them).\n`);
  const failed: number[] = [];
  for (let k = 0; k < rows && failed.length < 50; k++) if (store.statusOf(indices[k]!) === 'failure') failed.push(indices[k]!);
  if (failed.length > 0) {
    write('\n## Failures in detail\n');
    for (const i of failed) {
      const e = store.summary(i);
      write(
        `\n### ${md(e.sourceName || e.sourceId)}: \`${code(e.errorCode)}\`\n\n` +
          `- Time: ${formatUtc(e.time)}\n- Job ID: \`${code(e.jobId)}\`\n- Cycle ID: \`${code(e.cycleId)}\`\n- Change ID: \`${code(e.changeId)}\`\n` +
          `- Reason: ${md(e.reason)}\n`,
      );
    }
  }
}

/** A value in the report: inert Markdown on one line (table cells), long values cut. */
function md(s: string): string {
  return mdText(s, 2000);
}

/** Text inside a code span: backticks cannot be escaped there, so they are replaced. */
function code(s: string): string {
  return s.replace(/`/g, "'").replace(/[\r\n|]+/g, ' ');
}
