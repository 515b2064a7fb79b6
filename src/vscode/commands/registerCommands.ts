/**
 * The commands: the shared ones other adapters link to (core), the palette's (go to a change,
 * filter, clear, copy IDs, export, explain a code, summary), the reports they open, and the status
 * bar item that leads to the summary.
 */
import * as vscode from 'vscode';
import { registerGraphCommands } from '../connections/graphFetchCommand';
import type { Deps } from '../deps';
import { registerLogAnalyticsCommands } from '../connections/logAnalyticsCommands';
import { registerStatusBar } from '../statusBar';
import { registerCoreCommands } from './coreCommands';
import { registerExplainCode } from './explainCode';
import { registerFilterCommand } from './filterCommand';
import { registerFilteredCommands } from './filteredCommands';
import { registerGoToChange } from './goToChange';
import { lastReport, registerReportDocuments } from './reportDocuments';
import { registerRawJsonDocuments } from '../rawJsonDocument';
import { provideTestHook } from '../testSeams';
import { registerShowSummary } from './showSummary';

export function registerCommands(deps: Deps): vscode.Disposable {
  return vscode.Disposable.from(
    registerCoreCommands(deps),
    registerReportDocuments(),
    registerRawJsonDocuments(),
    registerGoToChange(deps),
    registerFilterCommand(deps),
    registerFilteredCommands(deps),
    registerExplainCode(deps),
    registerShowSummary(deps),
    registerLogAnalyticsCommands(deps),
    registerStatusBar(deps),
    registerGraphCommands(deps),
    provideTestHook('reports', { last: lastReport }),
  );
}
