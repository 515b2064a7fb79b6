import type * as vscode from 'vscode';
import { registerCommands } from './vscode/commands/registerCommands';
import type { Deps } from './vscode/deps';
import { DetailPanel } from './vscode/detail/detailPanel';
import { LogLoader } from './vscode/logLoader';
import { LogRegistry } from './vscode/logRegistry';
import { registerTextFeatures } from './vscode/text/registerTextFeatures';
import { TextLogTracker } from './vscode/textLogTracker';
import { registerTree } from './vscode/tree/treeView';
import { registerViewer } from './vscode/viewer/viewerProvider';

/** Composition root: builds the shared services and registers each adapter, nothing else. */
export function activate(context: vscode.ExtensionContext): Deps {
  const registry = new LogRegistry();
  const loader = LogLoader.forExtension(context);
  const texts = new TextLogTracker(registry, loader);
  const detail = DetailPanel.register(context, registry);
  const deps: Deps = { context, registry, loader, texts, detail };
  context.subscriptions.push(
    registry,
    texts,
    detail,
    registerViewer(deps),
    registerTree(deps),
    registerTextFeatures(deps),
    registerCommands(deps),
  );
  // Returned as the extension's API so integration tests reach the live services.
  return deps;
}

export function deactivate(): void {
  // every resource is owned by context.subscriptions
}
