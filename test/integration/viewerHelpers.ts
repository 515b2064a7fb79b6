// Shared by the viewer's integration suites: the example set in a temporary folder, the live services
// (the extension's exports), the viewer's test probe, and waiting for what the page really received.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { ViewerProbeApi } from '../../src/vscode/viewer/viewerProbe';
import type { ToViewer } from '../../src/shared/viewerProtocol';
import { examples } from './examples';
import { services, testApi } from './extensionServices';
import { waitFor } from './polling';
import { type EventFilter } from '../../src/core/common/filter';
import { VIEW_TYPE } from '../../src/vscode/viewer/viewType';

export { closeAllEditors as closeAll, services } from './extensionServices';

/** The viewer's probe, from the extension's TestApi. */
export async function probe(): Promise<ViewerProbeApi> {
  return (await testApi()).viewer;
}

/**
 * A fresh temporary folder holding every example file; removed by the returned function. The viewer's suite
 * writes files into it and removes it, so it is its own and not the shared folder of examples.ts.
 */
export function writeExamples(): { dir: string; uri(name: string): vscode.Uri; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'provlog-viewer-it-'));
  for (const f of examples()) writeFileSync(join(dir, f.name), f.bytes);
  return { dir, uri: (name) => vscode.Uri.file(join(dir, name)), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export function until<T>(what: string, get: () => T | undefined | false, timeoutMs = 20_000): Promise<T> {
  return waitFor(get, what, timeoutMs, 30);
}

/** The newest message of `type` the page of `uri` was sent after `since` (ms epoch). */
export function postedSince<T extends ToViewer['type']>(p: ViewerProbeApi, uri: vscode.Uri, type: T, since: number): Extract<ToViewer, { type: T }> | undefined {
  const list = p.entry(uri.toString())?.posted ?? [];
  for (let k = list.length - 1; k >= 0; k--) {
    const r = list[k]!;
    if (r.at < since) break;
    if (r.message.type === type) return r.message as Extract<ToViewer, { type: T }>;
  }
  return undefined;
}

/** Waits until the page of `uri` asked for and was sent a result after `since`, and painted it. */
/**
 * How long to wait for a page. Webview pages boot in the workbench's renderer, which every page and view
 * share: after the tree and viewer suites, on a loaded two-core machine, it answered after 20–30 s while
 * the extension host had read the file in under a second. The wait is for the page, not for the product.
 */
export const PAGE_MS = 90_000;

export async function resultAfter(p: ViewerProbeApi, uri: vscode.Uri, since: number, what = 'a result'): Promise<Extract<ToViewer, { type: 'result' }>> {
  // A result is sent once the page has started and asked for it.
  const result = await until(`${what} for ${uri.path}`, () => postedSince(p, uri, 'result', since), PAGE_MS);
  await until(`the page to paint ${what}`, () => p.entry(uri.toString())?.received.some((r) => r.at >= since && r.message.type === 'rendered' && r.message.seq === result.seq), PAGE_MS);
  return result;
}

export function activeTabInput(): unknown {
  return vscode.window.tabGroups.activeTabGroup.activeTab?.input;
}

export function isViewerTab(input: unknown, uri: vscode.Uri): boolean {
  return input instanceof vscode.TabInputCustom && input.viewType === VIEW_TYPE && input.uri.toString() === uri.toString();
}

export function isTextTab(input: unknown, uri: vscode.Uri): boolean {
  return input instanceof vscode.TabInputText && input.uri.toString() === uri.toString();
}

/** Opens `uri` in the viewer, waits for its first page, then sets `filter` and waits for the filtered page. */
export async function openFiltered(p: ViewerProbeApi, uri: vscode.Uri, filter: EventFilter): Promise<void> {
  const { registry } = await services();
  let since = Date.now();
  await vscode.commands.executeCommand('vscode.openWith', uri, VIEW_TYPE);
  await resultAfter(p, uri, since);
  since = Date.now();
  registry.requestFilter({ uri, filter, replace: true });
  await resultAfter(p, uri, since);
}
