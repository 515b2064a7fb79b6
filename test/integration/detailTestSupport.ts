// Shared by the detail panel's integration suites: the live services, example logs on disk, and
// waiting for the panel's page to render what the host sent.
import * as vscode from 'vscode';
import type { RenderedEvent } from '../../src/vscode/detail/detailPanel';
import type { Deps } from '../../src/vscode/deps';
import type { OpenLog } from '../../src/vscode/logRegistry';
import { waitFor as poll } from './polling';

export { closeTabs, isViewerTab, loadLog, services as liveDeps } from './extensionServices';
// exampleUri: an example file in the folder written once for the suites that only read it.
export { sharedExampleUri as exampleUri } from './examples';

export function nextRender(deps: Deps, match: (r: RenderedEvent) => boolean, timeoutMs = 20_000): Promise<RenderedEvent> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      sub.dispose();
      reject(new Error(`the detail page did not render the expected event within ${timeoutMs} ms`));
    }, timeoutMs);
    const sub = deps.detail.onDidRender((r) => {
      if (!match(r)) return;
      clearTimeout(timer);
      sub.dispose();
      resolve(r);
    });
  });
}

export function rendersEvent(deps: Deps, uri: vscode.Uri, index: number, timeoutMs?: number): Promise<RenderedEvent> {
  return nextRender(deps, (r) => r.uri === uri.toString() && r.index === index, timeoutMs);
}

/** Shows event `index` and waits until the page has drawn it. */
export async function showAndWait(deps: Deps, uri: vscode.Uri, index: number): Promise<RenderedEvent> {
  const done = rendersEvent(deps, uri, index);
  deps.detail.show(uri, index);
  return done;
}

export function waitFor<T>(probe: () => T | undefined | false, what: string, timeoutMs = 15_000): Promise<T> {
  return poll(probe, what, timeoutMs);
}

/** The first failure of a log (else event 0): the interesting case for the panel. */
export function firstFailure(log: OpenLog): number {
  const { store } = log.model;
  for (let i = 0; i < store.size; i++) if (store.statusOf(i) === 'failure') return i;
  return 0;
}

export function isTextTab(uri: vscode.Uri): (tab: vscode.Tab) => boolean {
  return (tab) => tab.input instanceof vscode.TabInputText && tab.input.uri.toString() === uri.toString();
}

/** Closes an untitled document without the "save changes?" question. */
export async function discardUntitled(doc: vscode.TextDocument): Promise<void> {
  await vscode.window.showTextDocument(doc, { preview: false, preserveFocus: false });
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
}

export async function closePanel(deps: Deps): Promise<void> {
  deps.detail.panel?.dispose();
  await waitFor(() => deps.detail.panel === undefined || undefined, 'the panel to close');
}
