/** Palette commands: the shared ones now; the palette set lands with the tree. */
import type * as vscode from 'vscode';
import type { Deps } from '../deps';
import { registerCoreCommands } from './coreCommands';

export function registerCommands(deps: Deps): vscode.Disposable {
  return registerCoreCommands(deps);
}
