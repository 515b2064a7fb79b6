/**
 * "Open in Provisioning Log Viewer" (from a text editor's title, the Explorer or the palette) and
 * "Reopen as Text" (from the viewer's title or the palette). Each replaces the tab it comes from.
 */
import * as vscode from 'vscode';
import { openInViewer, reopenAsText } from './viewerActions';
import { notify } from '../uiText';
import { VIEW_TYPE } from './viewType';

export function registerViewerCommands(): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand('provlog.openInViewer', async (arg: unknown) => {
      const uri = arg instanceof vscode.Uri ? arg : vscode.window.activeTextEditor?.document.uri;
      if (uri === undefined) {
        void notify('info', 'Open a provisioning log file (or pick one in the Explorer) to show it in the viewer.');
        return;
      }
      if (uri.scheme === 'untitled') {
        void notify('info', 'Save this log to a file first: the viewer reads files.');
        return;
      }
      await openInViewer(uri);
    }),
    vscode.commands.registerCommand('provlog.reopenAsText', async (arg: unknown) => {
      const uri = arg instanceof vscode.Uri ? arg : activeViewerUri();
      if (uri !== undefined) await reopenAsText(uri);
    }),
  );
}

/** The file of the active viewer tab, if the active tab is one. */
export function activeViewerUri(): vscode.Uri | undefined {
  const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
  return input instanceof vscode.TabInputCustom && input.viewType === VIEW_TYPE ? input.uri : undefined;
}
