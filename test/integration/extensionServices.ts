// The running extension as every integration suite reaches it: its services (the extension's exports),
// a log read and registered as the viewer does, and closing editors. The suites' support files
// (viewerHelpers, detailTestSupport, textTestSupport, treeSetup) re-export these under their own names.
import * as vscode from 'vscode';
import type { Deps } from '../../src/vscode/deps';
import type { TestApi } from '../../src/vscode/testSeams';
import { gatherInputs } from '../../src/vscode/fileInputs';
import type { LogSource, OpenLog } from '../../src/vscode/logRegistry';
import { EXTENSION_ID } from '../harness/repoPaths';
import { VIEW_TYPE } from '../../src/vscode/viewer/viewType';

/** The extension's test seam (ARCHITECTURE.md, "Test seams"): activates it if it is not yet active, and returns its TestApi. */
export async function testApi(): Promise<TestApi> {
  const ext = vscode.extensions.getExtension<TestApi | undefined>(EXTENSION_ID);
  if (!ext) throw new Error(`${EXTENSION_ID} is not loaded`);
  const api = await ext.activate();
  if (!api) throw new Error(`${EXTENSION_ID} returned no TestApi: it must run under tests (ExtensionMode.Test)`);
  return api;
}

/** The extension's live services. */
export async function services(): Promise<Deps> {
  return (await testApi()).deps;
}

/** Reads a file (with its CSV siblings) in the worker and registers it, as the viewer or text tracker would. */
export async function loadLog(deps: Deps, uri: vscode.Uri, source: LogSource = 'viewer'): Promise<OpenLog> {
  const inputs = await gatherInputs(uri);
  const result = await deps.loader.load(inputs.files);
  if (result.kind !== 'loaded') throw new Error(`loading ${uri.path} was cancelled`);
  return deps.registry.set(uri, source, result.model);
}

export async function closeAllEditors(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/**
 * Closes the editors (tabs) that `match` picks, leaving the detail panel alone: in VS Code for the web
 * a webview disposed moments after it was created can leave the next one waiting for its service worker.
 */
export async function closeTabs(match: (tab: vscode.Tab) => boolean): Promise<void> {
  const tabs = vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter(match);
  if (tabs.length > 0) await vscode.window.tabGroups.close(tabs);
}

/** Any tab of the viewer (custom editor provlog.viewer), whatever file it shows. */
export function isViewerTab(tab: vscode.Tab): boolean {
  return tab.input instanceof vscode.TabInputCustom && tab.input.viewType === VIEW_TYPE;
}
