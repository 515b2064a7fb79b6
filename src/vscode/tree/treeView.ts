/** The Provisioning Logs tree: placeholder until the tree lands. */
import * as vscode from 'vscode';
import type { Deps } from '../deps';

export function registerTree(_deps: Deps): vscode.Disposable {
  return new vscode.Disposable(() => undefined);
}
