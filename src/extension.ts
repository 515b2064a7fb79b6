import type * as vscode from 'vscode';
import { registerCommands } from './vscode/commands/registerCommands';
import type { Deps } from './vscode/deps';
import { DetailPanel } from './vscode/detail/detailPanel';
import { LogLoader } from './node/logLoader';
import { LogRegistry } from './vscode/logRegistry';
import { registerTextFeatures } from './vscode/text/registerTextFeatures';
import { TextLogTracker } from './vscode/textLogTracker';
import { registerTree } from './vscode/tree/treeView';
import { enableTestSeams, testApi, type TestApi } from './vscode/testSeams';
import { ViewerProbe } from './vscode/viewer/viewerProbe';
import { registerViewer } from './vscode/viewer/viewerProvider';

/** Composition root: builds the shared services and registers each adapter, nothing else. */
export function activate(context: vscode.ExtensionContext): TestApi | undefined {
  const probe = enableTestSeams(context) ? new ViewerProbe() : undefined;
  const registry = new LogRegistry();
  const loader = LogLoader.at(context.extensionPath);
  const texts = new TextLogTracker(registry, loader);
  const detail = DetailPanel.register(context, registry);
  const deps: Deps = { context, registry, loader, texts, detail };
  context.subscriptions.push(
    registry,
    texts,
    detail,
    registerViewer(deps, probe),
    registerTree(deps),
    registerTextFeatures(deps),
    registerCommands(deps),
  );
  // Under tests only: the one seam the tests reach the live services through (ARCHITECTURE.md, "Test seams").
  return testApi(deps, probe);
}

export function deactivate(): void {
  // every resource is owned by context.subscriptions
}
