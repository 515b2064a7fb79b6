/**
 * What integration tests read that the API does not expose: a tree's elements, the status bar's
 * text, the last report shown. Each adapter offers its own narrow hook here; one internal command
 * (not in the manifest, so never in the palette) hands them to the tests running in the same
 * extension host. Commands run in-process return objects as they are.
 */
import * as vscode from 'vscode';

export const TEST_HOOKS_COMMAND = '_provlog.testHooks';

const hooks = new Map<string, unknown>();

/** Offers `value` under `name` until the returned disposable is disposed. */
export function provideTestHook(name: string, value: unknown): vscode.Disposable {
  hooks.set(name, value);
  return new vscode.Disposable(() => {
    if (hooks.get(name) === value) hooks.delete(name);
  });
}

export function registerTestHooks(): vscode.Disposable {
  return vscode.commands.registerCommand(TEST_HOOKS_COMMAND, () => Object.fromEntries(hooks));
}
