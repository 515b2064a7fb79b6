// Shared by the detail panel's integration suites: the live services, example logs on disk, and
// waiting for the panel's page to render what the host sent.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { RenderedEvent } from '../../src/vscode/detail/detailPanel';
import type { Deps } from '../../src/vscode/deps';
import { gatherInputs } from '../../src/vscode/fileInputs';
import type { LogSource, OpenLog } from '../../src/vscode/logRegistry';
import { exampleSet } from '../fixtures/generator/exampleSet';
import { EXTENSION_ID } from '../harness/repoPaths';
import { waitFor as poll } from './polling';

export async function liveDeps(): Promise<Deps> {
  const ext = vscode.extensions.getExtension<Deps>(EXTENSION_ID);
  if (!ext) throw new Error(`${EXTENSION_ID} is not loaded`);
  return ext.activate();
}

let examples: Map<string, vscode.Uri> | undefined;

/** The example set written once into a fresh folder; file name → URI. */
export function exampleFiles(): Map<string, vscode.Uri> {
  if (examples) return examples;
  const dir = mkdtempSync(join(tmpdir(), 'provlog-detail-'));
  mkdirSync(dir, { recursive: true });
  examples = new Map();
  for (const f of exampleSet()) {
    writeFileSync(join(dir, f.name), f.bytes);
    examples.set(f.name, vscode.Uri.file(join(dir, f.name)));
  }
  return examples;
}

export function exampleUri(name: string): vscode.Uri {
  const uri = exampleFiles().get(name);
  if (!uri) throw new Error(`no example file ${name}`);
  return uri;
}

/** Reads a file (with its CSV siblings) in the worker and registers it, as the viewer or text tracker would. */
export async function loadLog(deps: Deps, uri: vscode.Uri, source: LogSource = 'viewer'): Promise<OpenLog> {
  const inputs = await gatherInputs(uri);
  const result = await deps.loader.load(inputs.files);
  if (result.kind !== 'loaded') throw new Error(`loading ${uri.path} was cancelled`);
  return deps.registry.set(uri, source, result.model);
}

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

/**
 * Closes the editors (tabs) that `match` picks, leaving the detail panel alone: in VS Code for the web
 * a webview disposed moments after it was created can leave the next one waiting for its service worker.
 */
export async function closeTabs(match: (tab: vscode.Tab) => boolean): Promise<void> {
  const tabs = vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter(match);
  if (tabs.length > 0) await vscode.window.tabGroups.close(tabs);
}

export function isTextTab(uri: vscode.Uri): (tab: vscode.Tab) => boolean {
  return (tab) => tab.input instanceof vscode.TabInputText && tab.input.uri.toString() === uri.toString();
}

export function isViewerTab(tab: vscode.Tab): boolean {
  return tab.input instanceof vscode.TabInputCustom && tab.input.viewType === 'provlog.viewer';
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
