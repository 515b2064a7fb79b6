/**
 * Shared by the tree and command suites: the live services of the running extension, its test
 * hooks, and logs opened the way users open them (a file shown in a text editor, read by the
 * extension into the registry), in a temporary folder so that exports land beside them.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { StatusBarTestHook } from '../../src/vscode/statusBar';
import type { OpenLog } from '../../src/vscode/logRegistry';
import type { LogNode } from '../../src/vscode/tree/treeNodes';
import type { TreeTestHook } from '../../src/vscode/tree/treeView';
import { generateRecords } from '../fixtures/generator/records';
import { portalJson } from '../fixtures/generator/writers';
import { services, testApi } from './extensionServices';

export { closeAllEditors, services } from './extensionServices';

export interface Hooks {
  tree: TreeTestHook;
  statusBar: StatusBarTestHook;
  reports: { last: () => vscode.Uri | undefined };
}

export async function hooks(): Promise<Hooks> {
  return (await testApi()).hooks() as unknown as Hooks;
}

/** The tree's top-level item of the log at `uri` (undefined if the tree does not list it). */
export function logNodeOf(h: Hooks, uri: vscode.Uri): LogNode | undefined {
  return h.tree.provider.getChildren().find((n): n is LogNode => n.kind === 'log' && n.log.uri.toString() === uri.toString());
}

/** A fresh folder outside the repository for this suite's files. */
export function scratchFolder(name: string): string {
  return mkdtempSync(join(tmpdir(), `provlog-${name}-`));
}

/** Writes `text` as `name` in `folder`, opens it in a text editor and waits until it is a log in the registry. */
export async function openLogInEditor(folder: string, name: string, text: string): Promise<{ uri: vscode.Uri; log: OpenLog; editor: vscode.TextEditor }> {
  const deps = await services();
  const path = join(folder, name);
  writeFileSync(path, text);
  const uri = vscode.Uri.file(path);
  const ready = waitFor(() => {
    const log = deps.registry.getFrom(uri, 'text');
    return log !== undefined && deps.registry.active?.uri.toString() === uri.toString() ? log : undefined;
  }, deps.registry.onDidChangeLogs, deps.registry.onDidChangeActive);
  const doc = await vscode.workspace.openTextDocument(uri);
  const editor = await vscode.window.showTextDocument(doc, { preview: false });
  const log = await ready;
  return { uri, log, editor };
}

/** Resolves with the first truthy value of `probe`, checked now and on each event (60 s at most). */
export function waitFor<T>(probe: () => T | undefined, ...events: vscode.Event<unknown>[]): Promise<T> {
  return new Promise((resolve, reject) => {
    const subs: vscode.Disposable[] = [];
    const done = (value: T): void => {
      clearInterval(timer);
      clearTimeout(limit);
      for (const s of subs) s.dispose();
      resolve(value);
    };
    const check = (): void => {
      const v = probe();
      if (v !== undefined && v !== false) done(v);
    };
    for (const e of events) subs.push(e(check));
    const timer = setInterval(check, 100);
    const limit = setTimeout(() => {
      clearInterval(timer);
      for (const s of subs) s.dispose();
      reject(new Error('timed out waiting'));
    }, 60_000);
    check();
  });
}

export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/**
 * Answers the Quick Picks a command opens by pressing Enter (accept) again and again until
 * `finished` says the command got what it needed, as a person would keep confirming the defaults.
 */
export async function acceptUntil<T>(finished: () => T | undefined | Thenable<T | undefined>): Promise<T> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const v = await finished();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error('the command did not finish');
    await sleep(400);
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
  }
}

/** 600 events, 5 jobs, 25 cycles; one person changed in three cycles (an identity with a history). */
export function treeFixture(): string {
  const records = generateRecords({ seed: 2026, count: 600, perCycle: 24 });
  for (const k of [100, 300]) records[k]!['sourceIdentity'] = records[10]!['sourceIdentity'];
  return portalJson(records);
}
