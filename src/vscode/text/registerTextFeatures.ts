/**
 * The text editor explains the log: diagnostics on error codes (and on a cut-off or depth-truncated
 * file), hovers, quick fixes, the explain page, prettify (command and Format Document), and
 * Problems-panel clicks that select the event in the viewer.
 */
import * as vscode from 'vscode';
import type { Deps } from '../deps';
import { registerCodeActions } from './codeActions';
import { CurrentTextLogs } from './currentTextLogs';
import { DiagnosticsPublisher } from './diagnosticsPublisher';
import { registerExplainCodeDocument } from './explainCodeDocument';
import { registerHoverProvider } from './hoverProvider';
import { registerPrettifyCommand } from './prettifyCommand';
import { LogFormatters } from './prettifyDocument';
import { selectFromProblems } from './selectFromProblems';

export function registerTextFeatures(deps: Pick<Deps, 'registry' | 'texts'>): vscode.Disposable {
  const logs = new CurrentTextLogs(deps);
  const publisher = new DiagnosticsPublisher(deps);
  return vscode.Disposable.from(
    logs,
    publisher,
    registerHoverProvider(deps, logs),
    registerCodeActions(deps, publisher),
    registerExplainCodeDocument(deps),
    registerPrettifyCommand(deps),
    new LogFormatters(deps),
    selectFromProblems(deps, publisher),
  );
}
