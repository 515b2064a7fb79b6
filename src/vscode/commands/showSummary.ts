/** "Show Summary of Active Log": the core's summary report of a log, in the Markdown preview. */
import * as vscode from 'vscode';
import { summaryMarkdown } from '../../core/output/summaryMarkdown';
import type { Deps } from '../deps';
import { requireLog } from './activeLog';
import { showReport } from './reportDocuments';

export function registerShowSummary(deps: Pick<Deps, 'registry'>): vscode.Disposable {
  return vscode.commands.registerCommand('provlog.showSummary', async (arg: unknown) => {
    const log = requireLog(deps.registry, arg);
    if (log === undefined) return;
    await showReport(`Summary of ${log.name}`, summaryMarkdown(log.model.data, log.model.index, log.name));
  });
}
