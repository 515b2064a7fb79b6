/**
 * The "summary of the active log" report: what a person asks first about a download (how many
 * events, how many failed, which codes and what to do about them), then per job the action × status
 * table over all its cycles and over its latest cycle (MSIdentityTools' -SummarizeByCycleId
 * layout), then what the reader could not read. Every log value is escaped.
 */
import { lookupErrorCode } from '../catalog/catalog';
import { TABLE_ACTIONS } from '../index/compareCycles';
import { formatCount, formatDuration, formatPercent, plural } from '../common/displayText';
import type { EventIndex, JobGroup } from '../index/eventIndex';
import type { LogData } from '../model/logData';
import { mdCode, mdTable, mdText } from '../common/markdownText';
import { ACTION_LABELS, FORMAT_LABELS, STATUS_LABELS, type Action, type Problem, type StatusCounts } from '../common/record';
import { cycleActionTable, summarize } from '../index/summary';
import { formatUtc } from '../common/time';

/** Error codes listed; the rest are counted in one line. */
const TOP_CODES = 10;
/** Jobs given their own section; a download rarely has more. */
const MAX_JOBS = 20;

export function summaryMarkdown(log: LogData, index: EventIndex, name: string): string {
  const s = summarize(index);
  const out: string[] = [`# Provisioning log summary: ${mdText(name)}`, ''];
  const detail = log.formatDetail ? ` (${mdText(log.formatDetail)})` : '';
  out.push(`- Format: ${FORMAT_LABELS[log.format]}${detail}`);
  if (log.files.length > 1) out.push(`- Files: ${log.files.map((f) => mdText(f.name)).join(', ')}`);
  const span = Number.isNaN(s.first) ? '' : `, from ${formatUtc(s.first)} to ${formatUtc(s.last)}`;
  out.push(`- Events: ${formatCount(s.events)}${span}`);
  out.push(`- ${plural(s.jobs, 'job')}, ${plural(s.cycles, 'cycle')}, ${plural(s.changes, 'change')} (${formatCount(s.targetChanges)} changed the target system)`);
  if (!Number.isNaN(s.successRate)) out.push(`- Success rate: **${formatPercent(s.successRate)}** of attempted changes (successes ÷ (successes + failures + warnings); skipped events left out)`);
  out.push('');
  out.push('## By status', '');
  const pct = (n: number): string => (s.events === 0 ? '' : formatPercent(n / s.events));
  out.push(
    mdTable(
      ['Status', 'Events', 'Share'],
      (['failure', 'warning', 'skipped', 'success'] as const).filter((k) => s.status[k] > 0).map((k) => [STATUS_LABELS[k], formatCount(s.status[k]), pct(s.status[k])]),
      ['l', 'r', 'r'],
    ),
    '',
  );
  out.push('## By action', '');
  out.push(mdTable(['Action', 'Events'], TABLE_ACTIONS.filter((a) => s.action[a] > 0).map((a) => [ACTION_LABELS[a], formatCount(s.action[a])]), ['l', 'r']), '');
  if (s.errorCodes.length > 0) {
    out.push('## Top error codes', '');
    const rows = s.errorCodes.slice(0, TOP_CODES).map((c) => {
      const e = lookupErrorCode(c.code).entry;
      const retry = e.retry === 'automatic' ? (e.retryAfterMinutes !== undefined ? `yes, after ${e.retryAfterMinutes} min` : 'yes') : 'no';
      return [mdCode(c.code, 120), formatCount(c.count), formatUtc(c.lastSeen), mdText(`${e.title}. ${e.meaning}`, 600), mdText(firstStep(e.remediation), 400), retry];
    });
    out.push(mdTable(['Code', 'Events', 'Last seen', 'Meaning', 'First thing to do', 'Retried'], rows, ['l', 'r']));
    if (s.errorCodes.length > TOP_CODES) out.push('', `…and ${plural(s.errorCodes.length - TOP_CODES, 'more code')}.`);
    out.push('', 'Run **Provisioning Logs: Explain Error Code…** for the full steps of a code.', '');
  }
  const jobs = index.jobs.slice(0, MAX_JOBS);
  if (jobs.length > 0) out.push('## Jobs', '');
  for (const job of jobs) out.push(...jobSection(index, job));
  if (index.jobs.length > MAX_JOBS) out.push(`…and ${plural(index.jobs.length - MAX_JOBS, 'more job')}.`, '');
  const problems: string[] = log.problems.map(problemLine);
  if (log.nextLink !== undefined) problems.push('- info: this Graph page has an `@odata.nextLink`: more pages exist that are not in this file.');
  if (problems.length > 0) out.push('## Problems reading the file', '', ...problems, '');
  return out.join('\n') + '\n';
}

function jobSection(index: EventIndex, job: JobGroup): string[] {
  const out: string[] = [`### ${mdText(job.name || job.jobId || 'Job without an ID')}`, ''];
  out.push(`- Job ID: ${mdCode(job.jobId) || '(none)'}`);
  if (job.sourceSystem || job.targetSystem) out.push(`- ${mdText(job.sourceSystem || '?')} → ${mdText(job.targetSystem || '?')}`);
  out.push(`- ${plural(job.cycles.length, 'cycle')}, ${plural(job.counts.total, 'event')}, ${formatCount(job.counts.failure)} failed`);
  out.push('');
  const all: number[] = [];
  for (const c of job.cycles) for (const i of c.events) all.push(i);
  out.push('All cycles:', '', actionTable(cycleActionTable(index.store, all)), '');
  const latest = job.cycles[0];
  if (latest !== undefined) {
    const duration = formatDuration(latest.last - latest.first);
    const when = Number.isNaN(latest.first) ? '' : ` started ${formatUtc(latest.first)}${duration ? `, ran ${duration}` : ''}`;
    out.push(`Latest cycle ${mdCode(latest.cycleId) || '(no ID)'}${when}:`, '', actionTable(cycleActionTable(index.store, latest.events)), '');
  }
  return out;
}

/** Action × status counts, the MSIdentityTools layout. */
export function actionTable(table: Partial<Record<Action, StatusCounts>>): string {
  const rows = TABLE_ACTIONS.filter((a) => table[a] !== undefined).map((a) => {
    const c = table[a]!;
    return [ACTION_LABELS[a], formatCount(c.success), formatCount(c.failure), formatCount(c.skipped), formatCount(c.warning), `**${formatCount(c.total)}**`];
  });
  return mdTable(['Action', 'Success', 'Failure', 'Skipped', 'Warning', 'Total'], rows, ['l', 'r', 'r', 'r', 'r', 'r']);
}

function firstStep(remediation: string): string {
  const first = remediation.split('\n')[0] ?? '';
  return first.replace(/^\d+\.\s+/, '');
}

function problemLine(p: Problem): string {
  const at = p.line !== undefined ? ` (line ${p.line}${p.column !== undefined ? `, column ${p.column}` : ''})` : '';
  const file = p.file !== undefined ? ` in ${mdText(p.file)}` : '';
  return `- ${p.severity}: ${mdText(p.message, 1000)}${file}${at}`;
}
