import type * as vscode from 'vscode';

/** Composition root: registers the adapters, nothing else. */
export function activate(_context: vscode.ExtensionContext): void {
  // adapters are registered here as they are built
}

export function deactivate(): void {
  // every resource is owned by context.subscriptions
}
