/**
 * One status bar item for the active log, on the right (it is about the active editor):
 * `$(list-tree) 1,234 events · $(error) 56 failed`, the breakdown in its tooltip, a click shows the
 * summary. Hidden when no log is active; follows the registry (a log read again, another log
 * activated). No custom colours, per VS Code's status bar guidelines.
 */
import * as vscode from 'vscode';
import { countsWords, formatCount, formatPercent, plural } from '../core/common/displayText';
import { mdCode, mdText } from '../core/common/markdownText';
import { DerivedKey } from '../core/log/loadedLog';
import { FORMAT_LABELS } from '../core/common/record';
import { summarize } from '../core/index/summary';
import { formatUtc } from '../core/common/time';
import { AfterThisTask } from './afterThisTask';
import { provideTestHook } from './testSeams';
import type { Deps } from './deps';
import type { OpenLog } from './logRegistry';

export interface StatusBarTestHook {
  readonly visible: boolean;
  readonly text: string;
  readonly tooltip: string;
  readonly command: string | undefined;
}

export function registerStatusBar(deps: Pick<Deps, 'registry'>): vscode.Disposable {
  const item = vscode.window.createStatusBarItem('provlog.status', vscode.StatusBarAlignment.Right, 100);
  item.name = 'Provisioning Log';
  item.command = 'provlog.showSummary';
  let visible = false;
  const show = (d: Described): void => {
    item.text = d.text;
    item.tooltip = d.tooltip;
    item.accessibilityInformation = { label: d.words, role: 'button' };
    visible = true;
    item.show();
  };
  // Counting a log's events walks all of them: done after the change that brought the log (see AfterThisTask).
  const describeActive = new AfterThisTask(() => {
    const log = deps.registry.active;
    if (log !== undefined) show(describe(log));
  });
  const update = (): void => {
    const log = deps.registry.active;
    if (log === undefined) {
      describeActive.cancel();
      visible = false;
      item.hide();
      return;
    }
    const known = log.model.known(DESCRIBED);
    if (known !== undefined) show(known);
    else describeActive.schedule();
  };
  update();
  const hook: StatusBarTestHook = {
    get visible() {
      return visible;
    },
    get text() {
      return item.text;
    },
    get tooltip() {
      return typeof item.tooltip === 'string' ? item.tooltip : (item.tooltip?.value ?? '');
    },
    get command() {
      return typeof item.command === 'string' ? item.command : item.command?.command;
    },
  };
  return vscode.Disposable.from(item, describeActive, deps.registry.onDidChangeActive(update), deps.registry.onDidChangeLogs(update), provideTestHook('statusBar', hook));
}

interface Described {
  text: string;
  tooltip: vscode.MarkdownString;
  words: string;
}

/** Kept per loaded log: the counts of a 100,000-event log take tens of milliseconds; editors switch often. */
const DESCRIBED = new DerivedKey<Described>('status bar text');

function describe(log: OpenLog): Described {
  return log.model.derived(DESCRIBED, () => compute(log));
}

function compute(log: OpenLog): Described {
  const { model } = log;
  // The counts need the events only, not their grouping: a log's index (0.2 s at 2.5 GB) is built when a view groups.
  const s = summarize(model);
  const failed = s.status.failure;
  const text = `$(list-tree) ${plural(s.events, 'event')} · ${failed > 0 ? `$(error) ${formatCount(failed)} failed` : '$(pass) none failed'}`;
  const counts = { total: s.events, ...s.status };
  const lines = [`**${mdText(log.name)}**`, '', `- ${FORMAT_LABELS[model.data.format]}`, `- ${plural(s.events, 'event')}: ${countsWords(counts)}`];
  lines.push(`- ${plural(s.jobs, 'job')}, ${plural(s.cycles, 'cycle')}, ${plural(s.changes, 'change')}`);
  if (!Number.isNaN(s.successRate)) lines.push(`- Success rate ${formatPercent(s.successRate)} of attempted changes`);
  if (!Number.isNaN(s.first)) lines.push(`- ${formatUtc(s.first)} to ${formatUtc(s.last)}`);
  const top = s.errorCodes.slice(0, 3);
  if (top.length > 0) lines.push(`- Most frequent: ${top.map((c) => `${mdCode(c.code, 80)} × ${formatCount(c.count)}`).join(', ')}`);
  if (model.data.problems.length > 0) lines.push(`- ${plural(model.data.problems.length, 'problem')} reading the file`);
  lines.push('', 'Click for the summary report.');
  const tooltip = new vscode.MarkdownString(lines.join('\n'));
  tooltip.isTrusted = false;
  tooltip.supportHtml = false;
  return { text, tooltip, words: `${log.name}: ${plural(s.events, 'event')}, ${formatCount(failed)} failed. Show summary.` };
}
