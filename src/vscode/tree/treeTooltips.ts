/**
 * Hover texts of the tree, built only when the user hovers (resolveTreeItem): full IDs, times to
 * the millisecond, counts in words, the action × status table of a cycle, an error code's meaning.
 * Log text is hostile: every value is escaped, the Markdown is untrusted (no command links) and
 * allows no HTML.
 */
import * as vscode from 'vscode';
import { lookupErrorCode } from '../../core/catalog/catalog';
import { countsWords, formatCount, formatDuration, plural } from '../../core/common/displayText';
import type { Span } from '../../core/index/eventIndex';
import { FORMAT_LABELS, ACTION_LABELS, STATUS_LABELS } from '../../core/common/record';
import { mdCode, mdText } from '../../core/common/markdownText';
import { cycleActionTable } from '../../core/index/summary';
import { actionTable } from '../../core/output/summaryMarkdown';
import { formatUtc } from '../../core/common/time';
import type { ChangeNode, CycleNode, GroupNode, JobNode, LogNode, TreeNode } from './treeNodes';

export function tooltipOf(node: TreeNode): vscode.MarkdownString | string | undefined {
  switch (node.kind) {
    case 'log':
      return markdown(logTip(node));
    case 'job':
      return markdown(jobTip(node));
    case 'cycle':
      return markdown(cycleTip(node));
    case 'group':
      return markdown(groupTip(node));
    case 'change':
      return markdown(changeTip(node));
    case 'problem':
      return node.problem.message;
    case 'more':
      return `${formatCount(node.hidden)} of ${formatCount(node.total)} items are not shown at this level. Pages keep the tree fast on big logs; use Filter… or Go to Change ID… to jump straight to an event.`;
    case 'message':
      return node.text;
  }
}

function markdown(text: string): vscode.MarkdownString {
  const m = new vscode.MarkdownString(text);
  m.isTrusted = false;
  m.supportHtml = false;
  return m;
}

function spanLines(s: Span): string[] {
  if (Number.isNaN(s.first)) return ['- Time: unknown'];
  return [`- From ${formatUtc(s.first, true)}`, `- To ${formatUtc(s.last, true)} (${formatDuration(s.last - s.first) || '0 s'})`];
}

function logTip(node: LogNode): string {
  const { log } = node;
  const data = log.model.data;
  const index = log.model.index;
  const failed = index.jobs.reduce((n, j) => n + j.counts.failure, 0);
  const lines = [`**${mdText(log.name)}**`, '', `- ${FORMAT_LABELS[data.format]}${data.formatDetail ? ` (${mdText(data.formatDetail)})` : ''}`];
  lines.push(`- ${plural(log.model.store.size, 'event')}, ${formatCount(failed)} failed; ${plural(index.jobs.length, 'job')}, ${plural(index.cycleCount, 'cycle')}`);
  lines.push(`- Open in the ${log.source === 'viewer' ? 'Provisioning Log Viewer' : 'text editor'}`);
  if (data.problems.length > 0) lines.push(`- ${plural(data.problems.length, 'problem')} reading the file`);
  lines.push('', mdText(log.uri.scheme === 'file' ? log.uri.fsPath : log.uri.toString(), 1000));
  return lines.join('\n');
}

function jobTip(node: JobNode): string {
  const { job } = node;
  const lines = [`**${mdText(job.name || 'Job without a name')}**`, '', `- Job ID: ${mdCode(job.jobId) || '(none)'}`];
  if (job.sourceSystem || job.targetSystem) lines.push(`- ${mdText(job.sourceSystem || '?')} → ${mdText(job.targetSystem || '?')}`);
  lines.push(`- ${plural(job.cycles.length, 'cycle')}, ${plural(job.counts.total, 'event')}: ${countsWords(job.counts)}`, ...spanLines(job));
  const latest = job.cycles[0];
  if (latest) lines.push(`- Latest cycle: ${formatUtc(latest.first) || 'unknown time'}, ${countsWords(latest.counts)}`);
  return lines.join('\n');
}

function cycleTip(node: CycleNode): string {
  const { cycle } = node;
  const store = node.parent.parent.log.model.store;
  const identities = new Set<number>();
  const changes = new Set<number>();
  const sourceCol = store.column('sourceId');
  const changeCol = store.column('changeId');
  for (const i of cycle.events) {
    identities.add(sourceCol[i]!);
    changes.add(changeCol[i]!);
  }
  identities.delete(0);
  changes.delete(0);
  const lines = [`**${node.latest ? 'Latest cycle' : 'Cycle'} of ${mdText(node.parent.job.name || 'the job')}**`, ''];
  lines.push(`- Cycle ID: ${mdCode(cycle.cycleId) || '(none)'}`, `- Job ID: ${mdCode(cycle.jobId) || '(none)'}`, ...spanLines(cycle));
  lines.push(`- ${plural(cycle.counts.total, 'event')}: ${countsWords(cycle.counts)}`);
  lines.push(`- ${plural(changes.size, 'change')}, ${plural(identities.size, 'source identity', 'source identities')}`, '');
  lines.push(actionTable(cycleActionTable(store, cycle.events)));
  const codes = new Map<string, number>();
  for (const i of cycle.events) {
    const code = store.get('errorCode', i);
    if (code !== '') codes.set(code, (codes.get(code) ?? 0) + 1);
  }
  if (codes.size > 0) {
    lines.push('', '**Error codes**', '');
    const top = [...codes].sort((a, b) => b[1] - a[1]).slice(0, 5);
    for (const [code, n] of top) lines.push(`- ${mdCode(code, 120)} × ${formatCount(n)}: ${mdText(lookupErrorCode(code).entry.title)}`);
    if (codes.size > top.length) lines.push(`- …and ${plural(codes.size - top.length, 'more code')}`);
  }
  return lines.join('\n');
}

function groupTip(node: GroupNode): string {
  const { group } = node;
  const store = node.parent.log.model.store;
  switch (node.grouping) {
    case 'identity': {
      const i = group.events[0]!;
      const lines = [`**${mdText(group.label)}**`, ''];
      const type = store.get('sourceType', i) || store.get('targetType', i);
      if (type) lines.push(`- Type: ${mdText(type)}`);
      lines.push(`- Source ID: ${mdCode(store.get('sourceId', i)) || '(none)'}`, `- Target ID: ${mdCode(store.get('targetId', i)) || '(none)'}`);
      lines.push(`- ${plural(group.events.length, 'event')}: ${countsWords(group.counts)}`);
      lines.push(`- Latest: ${ACTION_LABELS[store.actionOf(i)]}, ${STATUS_LABELS[store.statusOf(i)]}, ${formatUtc(store.time[i]!, true) || 'unknown time'}`);
      return lines.join('\n');
    }
    case 'errorCode': {
      if (group.key === '') return `**Events without an error code**\n\n- ${plural(group.events.length, 'event')}: ${countsWords(group.counts)}`;
      const e = lookupErrorCode(group.key).entry;
      const first = e.remediation.split('\n')[0] ?? '';
      return [`${mdCode(group.key, 200)}: **${mdText(e.title)}**`, '', `- ${plural(group.events.length, 'event')}, latest ${formatUtc(group.last) || 'unknown time'}`, '', mdText(e.meaning, 1000), '', `First step: ${mdText(first.replace(/^\d+\.\s+/, ''), 600)}`].join('\n');
    }
    case 'status':
      return `**${STATUS_LABELS[group.key as keyof typeof STATUS_LABELS]}**\n\n- ${plural(group.events.length, 'event')}, latest ${formatUtc(group.last) || 'unknown time'}`;
  }
}

function changeTip(node: ChangeNode): string {
  const { store, index } = node.log.model;
  const e = store.summary(node.index);
  const lines = [`**${mdText(e.sourceName || e.targetName || e.sourceId || 'Unnamed identity')}**: ${ACTION_LABELS[e.action]}, ${STATUS_LABELS[e.status]}`, ''];
  lines.push(`- Time: ${formatUtc(e.time, true) || mdText(e.activityDateTime) || 'unknown'}${e.durationMs !== null ? ` (took ${formatDuration(e.durationMs)})` : ''}`);
  lines.push(`- ${mdText(e.sourceSystem || '?')} → ${mdText(e.targetSystem || '?')}`);
  lines.push(`- Change ID: ${mdCode(e.changeId) || '(none)'}`, `- Cycle ID: ${mdCode(e.cycleId) || '(none)'}`, `- Job ID: ${mdCode(e.jobId) || '(none)'}`);
  lines.push(`- Source ID: ${mdCode(e.sourceId) || '(none)'}`, `- Target ID: ${mdCode(e.targetId) || '(none)'}`);
  if (e.errorCode) {
    const entry = lookupErrorCode(e.errorCode).entry;
    lines.push('', `${mdCode(e.errorCode, 200)}: **${mdText(entry.title)}**`);
    if (e.reason) lines.push('', mdText(e.reason, 600));
  }
  const job = index.job(e.jobId);
  if (job && index.jobs.length > 1) lines.push('', `Job: ${mdText(job.name)}`);
  return lines.join('\n');
}
