// Shared by the text-editor suites (diagnostics, hover, code actions, prettify): the live services, the
// example logs in a temp folder, opening one as text and waiting for what the extension publishes.
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { Deps } from '../../src/vscode/deps';
import { gatherInputs } from '../../src/vscode/fileInputs';
import type { OpenLog } from '../../src/vscode/logRegistry';
import { exampleSet } from '../fixtures/generator/exampleSet';
import { EXTENSION_ID } from '../harness/repoPaths';
import { waitFor } from './polling';

export { waitFor };

export const SOURCE = 'Provisioning logs';

export async function deps(): Promise<Deps> {
  const ext = vscode.extensions.getExtension<Deps>(EXTENSION_ID);
  if (!ext) throw new Error(`${EXTENSION_ID} is not loaded`);
  return ext.activate();
}

let dir: string | undefined;

/** The example set, written once into a fresh temp folder. */
export function exampleDir(): string {
  if (dir === undefined) {
    dir = mkdtempSync(join(tmpdir(), 'provlog-text-'));
    for (const f of exampleSet()) writeFileSync(join(dir, f.name), f.bytes);
  }
  return dir;
}

let copies = 0;

/** A fresh copy of an example file (tests that edit or close files do not disturb each other). */
export function freshCopy(name: string, as?: string): vscode.Uri {
  const target = join(mkdtempSync(join(exampleDir(), `copy${++copies}-`)), as ?? name);
  copyFileSync(join(exampleDir(), name), target);
  return vscode.Uri.file(target);
}

/** Fresh copies of several example files in one new folder (a CSV trio); the first one's URI. */
export function freshFolderWith(...names: string[]): vscode.Uri {
  const folder = mkdtempSync(join(exampleDir(), `copy${++copies}-`));
  for (const n of names) copyFileSync(join(exampleDir(), n), join(folder, n));
  return vscode.Uri.file(join(folder, names[0]!));
}

export function exampleUri(name: string): vscode.Uri {
  return vscode.Uri.file(join(exampleDir(), name));
}

/** Opens a file as text in an editor and waits until the tracker has read it as a log. */
export async function openAsText(uri: vscode.Uri): Promise<{ editor: vscode.TextEditor; log: OpenLog }> {
  const d = await deps();
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
  const d = await deps();
  const inputs = await gatherInputs(uri);
  const result = await d.loader.load(inputs.files);
  if (result.kind !== 'loaded') throw new Error('cancelled');
  return d.registry.set(uri, 'viewer', result.model);
}

export function codeOf(d: vscode.Diagnostic): string {
  return typeof d.code === 'object' ? String(d.code.value) : String(d.code ?? '');
}

export async function setting(key: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration('provlog').update(key, value, vscode.ConfigurationTarget.Global);
}

export async function closeAllEditors(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}
