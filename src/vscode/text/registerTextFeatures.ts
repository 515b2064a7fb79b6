/** Diagnostics, hovers, code actions and prettify in text editors: placeholder until they land. */
import * as vscode from 'vscode';
import type { Deps } from '../deps';

export function registerTextFeatures(_deps: Deps): vscode.Disposable {
  return new vscode.Disposable(() => undefined);
}
