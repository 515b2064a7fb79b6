// What the viewer's e2e suites share: a workspace folder with the example set, the viewer page's frame,
// the truth the core reads from a file, and small waits on what the page shows.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Frame } from 'playwright-core';
import type { EventStore } from '../../src/core/model/store';
import { readLog } from '../../src/core/read/readLog';
import { exampleSet } from '../fixtures/generator/exampleSet';
import { generateRecords } from '../fixtures/generator/records';
import { portalJson } from '../fixtures/generator/writers';
import type { PageElement, PageGlobals } from '../harness/pageGlobals';
import type { Workbench } from './workbench';

/**
 * The little of the DOM that functions run inside the e2e suites' webview pages use: the harness's
 * PageGlobals (the tests' tsconfig has no DOM lib) and a few more members. Use as `(globalThis as unknown as InPage)`.
 */
export interface PageEl extends PageElement {
  readonly textContent: string | null;
  readonly innerText: string;
  readonly outerHTML: string;
  readonly children: ArrayLike<PageEl>;
  closest(selector: string): PageEl | null;
}
export interface InPage extends PageGlobals {
  readonly document: Omit<PageGlobals['document'], 'querySelector'> & {
    readonly activeElement: PageEl | null;
    querySelector(selector: string): PageEl | null;
    querySelectorAll(selector: string): ArrayLike<PageEl>;
  };
}

/**
 * A temporary workspace folder; `write()` (call it in a before hook, so that runs skipping the suite do not
 * pay) puts the example set, a larger download that takes seconds to read, and a README to switch to.
 */
export function exampleWorkspace(): { dir: string; write(): void; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'provlog-viewer-e2e-'));
  return {
    dir,
    write: () => {
      for (const f of exampleSet()) writeFileSync(join(dir, f.name), f.bytes);
      writeFileSync(join(dir, LARGE), portalJson(generateRecords({ seed: 77, count: LARGE_EVENTS })));
      writeFileSync(join(dir, 'README.md'), '# Downloaded provisioning logs\n\nOpen a file to see it in the viewer.\n');
    },
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** About 100 MB: long enough to read that the progress notification shows and can be cancelled. */
export const LARGE = 'provisioning-large.json';
export const LARGE_EVENTS = 40_000;

/** The events the core reads from a file of the workspace: what the page must show. */
export function truthOf(dir: string, name: string): EventStore {
  return readLog([{ name, bytes: readFileSync(join(dir, name)) }]).store;
}

/**
 * Opens a file from the Explorer and returns the viewer page's frame once its rows are on screen. Waits
 * first for the extension's contributions (its activity bar entry): until VS Code has registered them,
 * it opens every file as text, whatever the editor associations say.
 */
export async function openInExplorer(workbench: Workbench, name: string): Promise<Frame> {
  await workbench.page.locator('.activitybar [aria-label^="Provisioning Logs"]').first().waitFor({ timeout: 60_000 });
  await workbench.openFile(name);
  try {
    return await viewerFrame(workbench, name, 15_000);
  } catch {
    // Right after start-up, under load, VS Code can still open the file as text before the contributed
    // editor association is in effect. A person then reopens it with the viewer; so does the test.
    await workbench.runCommand('View: Reopen Editor With...');
    await workbench.pickFromQuickInput('Provisioning Log Viewer', 'Provisioning Log Viewer');
    return viewerFrame(workbench, name);
  }
}

/** The frame of the viewer page showing `name` with rows painted. */
export async function viewerFrame(workbench: Workbench, name: string, timeoutMs = 30_000): Promise<Frame> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    for (const frame of workbench.page.frames()) {
      const title = await frame.locator('.file-name').first().textContent({ timeout: 200 }).catch(() => null);
      if (title === name && (await frame.locator('.grid-body .grid-row:not(.loading)').count().catch(() => 0)) > 0) return frame;
    }
    if (Date.now() > deadline) throw new Error(`no viewer page shows rows of ${name} after ${timeoutMs} ms`);
    await workbench.page.waitForTimeout(150);
  }
}

export async function countText(frame: Frame): Promise<string> {
  return ((await frame.locator('.result-count').textContent()) ?? '').trim();
}

/** Waits until the result count reads `expected`. */
export async function waitForCount(frame: Frame, expected: string | RegExp, timeoutMs = 10_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const text = await countText(frame);
    if (typeof expected === 'string' ? text === expected : expected.test(text)) return text;
    if (Date.now() > deadline) throw new Error(`the count reads "${text}", not ${String(expected)}, after ${timeoutMs} ms`);
    await frame.page().waitForTimeout(50);
  }
}

export function count(store: EventStore, pred: (i: number) => boolean): number {
  let n = 0;
  for (let i = 0; i < store.size; i++) if (pred(i)) n++;
  return n;
}

export function formatted(n: number): string {
  return n.toLocaleString('en-US');
}

/** The texts of the visible rows' cells in column `col` (0-based), top to bottom. */
export async function columnTexts(frame: Frame, col: number): Promise<string[]> {
  return frame.evaluate((c) => {
    const rows = Array.from((globalThis as unknown as InPage).document.querySelectorAll('.grid-body .grid-row:not(.loading)'));
    rows.sort((a, b) => Number(a.getAttribute('aria-rowindex')) - Number(b.getAttribute('aria-rowindex')));
    return rows.map((r) => (r.children[c] as PageEl | undefined)?.innerText ?? '');
  }, col);
}
