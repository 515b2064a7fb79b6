/**
 * How each tree element looks: label, description, icon, context value (the words the manifest's
 * menus test: job, cycle, change, failedChange, identity, errorCode, hasRaw), the command a click
 * runs, and the words a screen reader says. Tooltips are built on hover (treeTooltips).
 */
import * as vscode from 'vscode';
import { lookupErrorCode } from '../../core/catalog/catalog';
import { countsGlyphs, countsWords, formatCount, formatDuration, plural } from '../../core/common/displayText';
import { identityLabelOf } from '../../core/index/grouping';
import { identityTypeKey } from '../../core/query/idSets';
import { ACTION_LABELS, STATUS_LABELS, type Status, type StatusCounts } from '../../core/common/record';
import { formatTimeIn } from '../../core/common/time';
import { severityIcon, statusIcon, tintedIcon } from './statusIcons';
import type { ChangeNode, CycleNode, GroupNode, JobNode, LogNode, MoreNode, ProblemNode, TreeNode } from './treeNodes';
import { uiText } from '../uiText';
import { config } from '../config';

export interface RenderContext {
  activeUri: string | undefined;
  pageSize: number;
}

export const OPEN_CHANGE_COMMAND = 'provlog.tree.openChange';
export const OPEN_PROBLEM_COMMAND = 'provlog.tree.openProblem';

export function renderItem(node: TreeNode, ctx: RenderContext): vscode.TreeItem {
  switch (node.kind) {
    case 'log':
      return logItem(node, ctx);
    case 'job':
      return jobItem(node);
    case 'cycle':
      return cycleItem(node);
    case 'group':
      return groupItem(node);
    case 'change':
      return changeItem(node);
    case 'more':
      return moreItem(node, ctx);
    case 'problem':
      return problemItem(node);
    case 'message': {
      const item = new vscode.TreeItem(uiText(node.text), vscode.TreeItemCollapsibleState.None);
      item.id = node.id;
      item.iconPath = new vscode.ThemeIcon('info');
      return item;
    }
  }
}

function logItem(node: LogNode, ctx: RenderContext): vscode.TreeItem {
  const { log } = node;
  const counts = log.model.index.jobs.reduce((n, j) => n + j.counts.failure, 0);
  const uri = log.uri.toString();
  const expanded = ctx.activeUri === uri || ctx.activeUri === undefined;
  const item = new vscode.TreeItem(uiText(log.name), expanded ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed);
  item.id = node.id;
  item.resourceUri = log.uri;
  item.iconPath = vscode.ThemeIcon.File;
  const size = log.model.store.size;
  item.description = `${plural(size, 'event')} · ${formatCount(counts)} failed`;
  item.contextValue = 'log';
  item.accessibilityInformation = { label: `${uiText(log.name)}, ${plural(size, 'event')}, ${formatCount(counts)} failed` };
  return item;
}

function jobItem(node: JobNode): vscode.TreeItem {
  const { job } = node;
  const onlyJob = node.parent.log.model.index.jobs.length === 1;
  const item = new vscode.TreeItem(uiText(job.name) || 'Job without a name', onlyJob ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed);
  item.id = node.id;
  item.description = uiText(job.jobId) || '(no job ID)';
  item.iconPath = tintedIcon('sync', worst(job.cycles[0]?.counts));
  item.contextValue = 'job';
  item.accessibilityInformation = { label: `Job ${uiText(job.name)}, ${plural(job.cycles.length, 'cycle')}, latest cycle ${countsWords(job.cycles[0]?.counts ?? job.counts)}` };
  return item;
}

function cycleItem(node: CycleNode): vscode.TreeItem {
  const { cycle } = node;
  const start = formatTimeIn(cycle.first, config.timeZone()) || 'Cycle without a time';
  const item = new vscode.TreeItem(start, vscode.TreeItemCollapsibleState.Collapsed);
  item.id = node.id;
  const duration = formatDuration(cycle.last - cycle.first);
  item.description = [node.latest ? 'latest' : '', duration, countsGlyphs(cycle.counts)].filter((s) => s !== '').join(' · ');
  item.iconPath = tintedIcon('history', worst(cycle.counts));
  item.contextValue = 'cycle';
  item.accessibilityInformation = { label: `${node.latest ? 'Latest cycle' : 'Cycle'} started ${start}, ran ${duration || 'unknown time'}: ${countsWords(cycle.counts)}` };
  return item;
}

function groupItem(node: GroupNode): vscode.TreeItem {
  const { group } = node;
  const store = node.parent.log.model.store;
  const item = new vscode.TreeItem(uiText(group.label), vscode.TreeItemCollapsibleState.Collapsed);
  item.id = node.id;
  switch (node.grouping) {
    case 'identity': {
      const newest = group.events[0]!;
      const status = store.statusOf(newest);
      const code = store.get('errorCode', newest);
      const isGroup = identityTypeKey(store.get('sourceType', newest) || store.get('targetType', newest)).includes('group');
      item.iconPath = tintedIcon(isGroup ? 'organization' : 'person', status);
      item.description = `${countsGlyphs(group.counts)} · latest: ${ACTION_LABELS[store.actionOf(newest)]}${code ? ` ${uiText(code)}` : ''}`;
      item.contextValue = 'identity';
      item.accessibilityInformation = { label: `${uiText(group.label)}: ${plural(group.events.length, 'event')}, latest ${ACTION_LABELS[store.actionOf(newest)]} ${STATUS_LABELS[status]}` };
      break;
    }
    case 'errorCode': {
      if (group.key === '') {
        item.iconPath = new vscode.ThemeIcon('pass');
        item.description = plural(group.events.length, 'event');
        item.contextValue = 'noErrorCode';
      } else {
        const entry = lookupErrorCode(group.key).entry;
        item.iconPath = severityIcon(entry.severity);
        item.description = `${formatCount(group.events.length)} · ${entry.title}`;
        item.contextValue = 'errorCode';
      }
      break;
    }
    case 'status': {
      const status = group.key as Status;
      item.label = STATUS_LABELS[status];
      item.iconPath = statusIcon(status);
      item.description = plural(group.events.length, 'event');
      item.contextValue = 'status';
      break;
    }
  }
  return item;
}

function changeItem(node: ChangeNode): vscode.TreeItem {
  const { model } = node.log;
  const { store } = model;
  const i = node.index;
  const status = store.statusOf(i);
  const action = ACTION_LABELS[store.actionOf(i)];
  const code = store.get('errorCode', i);
  const name = identityLabelOf(store, i) || store.get('changeId', i) || `Event ${i + 1}`;
  const time = formatTimeIn(store.time[i]!, config.timeZone());
  const parts: string[] = [action];
  let label = name;
  const grouping = node.parent.kind === 'group' ? node.parent.grouping : 'cycle';
  const jobName = model.index.jobs.length > 1 ? model.index.job(store.get('jobId', i))?.name ?? '' : '';
  switch (grouping) {
    case 'cycle':
      if (code) parts.push(code);
      break;
    case 'identity':
      // The parent names the identity: each entry of its history is a moment.
      label = time || `Event ${i + 1}`;
      if (jobName) parts.push(jobName);
      if (code) parts.push(code);
      break;
    case 'errorCode':
      if (time) parts.push(time);
      if (jobName) parts.push(jobName);
      break;
    case 'status':
      if (code) parts.push(code);
      if (time) parts.push(time);
      break;
  }
  const item = new vscode.TreeItem(uiText(label), vscode.TreeItemCollapsibleState.None);
  item.id = node.id;
  item.description = uiText(parts.join(' · '), 300);
  item.iconPath = statusIcon(status);
  const words = ['change'];
  if (code !== '') words.push('failedChange');
  if (store.flavorOf(i) !== 'csv') words.push('hasRaw');
  item.contextValue = words.join(' ');
  item.command = { command: OPEN_CHANGE_COMMAND, title: 'Show Change Details', arguments: [node] };
  item.accessibilityInformation = { label: uiText(`${name}, ${action}, ${STATUS_LABELS[status]}${code ? `, ${code}` : ''}${time ? `, ${time}` : ''}`, 400) };
  return item;
}

function moreItem(node: MoreNode, ctx: RenderContext): vscode.TreeItem {
  const n = Math.min(ctx.pageSize, node.hidden);
  const next = node.direction === 'next';
  const item = new vscode.TreeItem(next ? `Show ${formatCount(n)} more` : `Show ${formatCount(n)} previous`, vscode.TreeItemCollapsibleState.None);
  item.id = node.id;
  item.description = `${formatCount(node.hidden)} ${next ? 'below' : 'above'} not shown, of ${formatCount(node.total)}`;
  item.iconPath = new vscode.ThemeIcon(next ? 'fold-down' : 'fold-up');
  item.contextValue = 'more';
  item.command = { command: 'provlog.tree.showMore', title: 'Show More', arguments: [node] };
  return item;
}

function problemItem(node: ProblemNode): vscode.TreeItem {
  const p = node.problem;
  const text = uiText(p.message);
  const item = new vscode.TreeItem(text, vscode.TreeItemCollapsibleState.None);
  item.id = node.id;
  item.iconPath = severityIcon(p.severity);
  if (p.line !== undefined) {
    item.description = `line ${p.line}${p.column !== undefined ? `, column ${p.column}` : ''}${p.file ? ` of ${uiText(p.file)}` : ''}`;
    item.command = { command: OPEN_PROBLEM_COMMAND, title: 'Go to the Problem', arguments: [node] };
  }
  item.contextValue = 'problem';
  return item;
}

function worst(c: StatusCounts | undefined): Status | undefined {
  if (c === undefined) return undefined;
  return c.failure > 0 ? 'failure' : c.warning > 0 ? 'warning' : undefined;
}
