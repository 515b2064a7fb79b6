// Shared by the text-editor suites (diagnostics, hover, code actions, prettify): the live services, the
// example logs (read from the shared example folder; copies to edit in a temp folder of their own), opening
// one as text and waiting for what the extension publishes.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { OpenLog } from '../../src/vscode/logRegistry';
import { exampleBytes } from './examples';
import { loadLog, services } from './extensionServices';
import { waitFor } from './polling';

export { waitFor };
export { closeAllEditors, services as deps } from './extensionServices';
// exampleUri: an example file in the folder written once for the suites that only read it (never edit it: use freshCopy).
export { sharedExampleUri as exampleUri } from './examples';

export const SOURCE = 'Provisioning logs';

let dir: string | undefined;

/** A temporary folder of the text suites' own, created once: copies of examples and files the tests write go here. */
export function scratchDir(): string {
  dir ??= mkdtempSync(join(tmpdir(), 'provlog-text-'));
  return dir;
}

let copies = 0;

/** A fresh copy of an example file (tests that edit or close files do not disturb each other). */
export function freshCopy(name: string, as?: string): vscode.Uri {
  const target = join(mkdtempSync(join(scratchDir(), `copy${++copies}-`)), as ?? name);
  writeFileSync(target, exampleBytes(name));
  return vscode.Uri.file(target);
}

/** Fresh copies of several example files in one new folder (a CSV trio); the first one's URI. */
export function freshFolderWith(...names: string[]): vscode.Uri {
  const folder = mkdtempSync(join(scratchDir(), `copy${++copies}-`));
  for (const n of names) writeFileSync(join(folder, n), exampleBytes(n));
  return vscode.Uri.file(join(folder, names[0]!));
}

/** Opens a file as text in an editor and waits until the tracker has read it as a log. */
export async function openAsText(uri: vscode.Uri): Promise<{ editor: vscode.TextEditor; log: OpenLog }> {
  const d = await services();
  const document = await vscode.workspace.openTextDocument(uri);
  const editor = await vscode.window.showTextDocument(document, { preview: false });
  const log = await waitFor(() => d.registry.getFrom(uri, 'text'), `${uri.path} to be read as a log`);
  return { editor, log };
}

/** The extension's diagnostics for `uri` once `ready` accepts them. */
export async function diagnosticsOf(uri: vscode.Uri, ready: (d: vscode.Diagnostic[]) => boolean = (d) => d.length > 0, what = 'diagnostics'): Promise<vscode.Diagnostic[]> {
  return waitFor(() => {
    const d = vscode.languages.getDiagnostics(uri).filter((x) => x.source === SOURCE);
    return ready(d) ? d : undefined;
  }, `${what} of ${uri.path}`);
}

/** Reads a file (and its CSV siblings) in the worker and registers it as the viewer does when it opens one. */
export async function registerAsViewer(uri: vscode.Uri): Promise<OpenLog> {
  return loadLog(await services(), uri, 'viewer');
}

export function codeOf(d: vscode.Diagnostic): string {
  return typeof d.code === 'object' ? String(d.code.value) : String(d.code ?? '');
}

export async function setting(key: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration('provlog').update(key, value, vscode.ConfigurationTarget.Global);
}
