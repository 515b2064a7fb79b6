/**
 * The one seam between the extension and its tests (ARCHITECTURE.md, "Test seams"): when VS Code runs the
 * extension under tests (ExtensionMode.Test), activate() returns a TestApi; otherwise it returns
 * nothing, no hook is kept and the viewer records nothing. No test-only command is ever registered,
 * so a user's VS Code has no door into the extension's insides.
 */
import * as vscode from 'vscode';
import { setTestTokens } from './connections/graphSession';
import type { Deps } from './deps';
import type { ViewerProbeApi } from './viewer/viewerProbe';

/** What integration tests reach through `vscode.extensions.getExtension(ID).activate()`. */
export interface TestApi {
  /** The live services (registry, loader, text tracker, detail panel). */
  deps: Deps;
  /** What adapters offer that no API exposes (a tree's elements, the status bar's text, the last report), by name. */
  hooks(): Readonly<Record<string, unknown>>;
  /** The messages each viewer really posted to its page and received from it, and cancelling a load. */
  viewer: ViewerProbeApi;
  /**
   * Tokens for Graph fetches instead of VS Code's sign-in (undefined: sign-in again): VS Code refuses every
   * modal dialog under test, its own "wants to sign in" consent included. Everything after the token is real.
   */
  graphTokens(tokens: readonly string[] | undefined): void;
}

let enabled = false;
const hooks = new Map<string, unknown>();

/** Whether the extension runs under tests; decided once, at activation, before any adapter registers. */
export function enableTestSeams(context: vscode.ExtensionContext): boolean {
  enabled = context.extensionMode === vscode.ExtensionMode.Test;
  return enabled;
}

export function testSeamsEnabled(): boolean {
  return enabled;
}

/** Offers `value` under `name` to the tests (only under tests) until the returned disposable is disposed. */
export function provideTestHook(name: string, value: unknown): vscode.Disposable {
  if (!enabled) return new vscode.Disposable(() => undefined);
  hooks.set(name, value);
  return new vscode.Disposable(() => {
    if (hooks.get(name) === value) hooks.delete(name);
  });
}

/** The TestApi, under tests only. */
export function testApi(deps: Deps, viewer: ViewerProbeApi | undefined): TestApi | undefined {
  if (!enabled || viewer === undefined) return undefined;
  return { deps, hooks: () => Object.fromEntries(hooks), viewer, graphTokens: setTestTokens };
}
