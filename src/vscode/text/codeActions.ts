/**
 * Quick fixes on the extension's diagnostics: on a failure, show its details, copy its change ID
 * for support, filter the viewer to its code, explain the code; on the "more failures" summary,
 * open the viewer or change the limit. VS Code hands providers copies of the diagnostics, so each
 * is matched back to what the publisher published (range, code and message).
 */
import * as vscode from 'vscode';
import type { Deps } from '../deps';
import { exactFilter } from '../../core/common/filter';
import { DIAGNOSTIC_SOURCE, type DiagnosticsPublisher, type PublishedDiagnostic } from './diagnosticsPublisher';
import { LOG_DOCUMENTS } from './logDocuments';
import { registryIndex } from './logLinks';
import { uiText } from '../uiText';
import { VIEW_TYPE } from '../viewer/viewType';

const KIND = vscode.CodeActionKind.QuickFix;

export function registerCodeActions(deps: Pick<Deps, 'registry'>, publisher: DiagnosticsPublisher): vscode.Disposable {
  return vscode.languages.registerCodeActionsProvider(
    LOG_DOCUMENTS,
    {
      provideCodeActions(document, _range, context) {
        const actions: vscode.CodeAction[] = [];
        for (const diagnostic of context.diagnostics) {
          if (diagnostic.source !== DIAGNOSTIC_SOURCE) continue;
          const entry = publisher.find(document.uri, diagnostic);
          if (entry !== undefined) actions.push(...actionsFor(deps, document.uri, entry, diagnostic));
        }
        return actions;
      },
    },
    { providedCodeActionKinds: [KIND] },
  );
}

function actionsFor(deps: Pick<Deps, 'registry'>, uri: vscode.Uri, entry: PublishedDiagnostic, diagnostic: vscode.Diagnostic): vscode.CodeAction[] {
  const { item, log } = entry;
  const action = (title: string, command: string, args: unknown[]): vscode.CodeAction => {
    const a = new vscode.CodeAction(title, KIND);
    a.diagnostics = [diagnostic];
    a.command = { title, command, arguments: args };
    return a;
  };
  switch (item.kind) {
    case 'errorCode': {
      if (item.index === undefined) return [];
      const index = registryIndex(deps.registry, uri, log.model, item.index) ?? item.index;
      const store = log.model.store;
      const changeId = store.get('changeId', item.index);
      const shown = uiText(item.code, 60);
      const out = [action('Show details of this change', 'provlog.showDetails', [{ uri: uri.toString(), index }])];
      if (changeId !== '') out.push(action('Copy change ID for Microsoft support', 'provlog.copyText', [{ text: changeId, label: 'Change ID' }]));
      out.push(action(`Filter the viewer to ${shown}`, 'provlog.filterTo', [{ uri: uri.toString(), filter: exactFilter('errorCode', item.code), replace: true }]));
      out.push(action(`Explain ${shown}`, 'provlog.explainCodeDocument', [{ code: item.code, uri: uri.toString(), index }]));
      return out;
    }
    case 'omitted':
      return [
        action('Open in Provisioning Log Viewer to see every failure', 'vscode.openWith', [uri, VIEW_TYPE]),
        action('Change the limit (provlog.diagnostics.maxPerFile)', 'workbench.action.openSettings', ['provlog.diagnostics.maxPerFile']),
      ];
    case 'problem':
      return item.code === 'depthTruncated' || item.code === 'truncated'
        ? [action('Open in Provisioning Log Viewer', 'vscode.openWith', [uri, VIEW_TYPE])]
        : [];
  }
}
