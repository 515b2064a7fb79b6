/** Palette commands: placeholder until the commands land. */
import * as vscode from 'vscode';
import type { Deps } from '../deps';

export function registerCommands(_deps: Deps): vscode.Disposable {
  return new vscode.Disposable(() => undefined);
}
