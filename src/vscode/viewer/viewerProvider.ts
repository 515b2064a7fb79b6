/** The custom editor: placeholder until the viewer lands. */
import * as vscode from 'vscode';
import type { Deps } from '../deps';

export function registerViewer(_deps: Deps): vscode.Disposable {
  return new vscode.Disposable(() => undefined);
}
