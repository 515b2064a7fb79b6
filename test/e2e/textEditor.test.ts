// The text editor explaining a log, as a person meets it: open graph-page-beta.json from the Explorer, see the
// squiggles on the error codes, go to one and hover it to read what it means and what to do, then find every
// failure in the Problems panel. Screenshots: text-hover-dark.png, text-hover-hc.png, text-problems-light.png.
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exampleSet } from '../fixtures/generator/exampleSet';
import { escapeRegExp, useWorkbench, type Workbench } from './workbench';

const FILE = 'graph-page-beta.json';
const dir = mkdtempSync(join(tmpdir(), 'provlog-e2e-text-'));
const files = exampleSet();
for (const f of files) writeFileSync(join(dir, f.name), f.bytes);
const text = new TextDecoder().decode(files.find((f) => f.name === FILE)!.bytes);

/** 1-based line of the first failure's error code, and the code. */
function firstFailure(): { line: number; code: string } {
  const m = /"errorCode": "([^"]+)"/.exec(text)!;
  return { line: text.slice(0, m.index).split('\n').length, code: m[1]! };
}

/** Ctrl+G to a line, as a person jumps to it; the editor scrolls it into view and puts the cursor there. */
async function goToLine(w: Workbench, line: number): Promise<void> {
  await w.page.locator('.editor-group-container.active .monaco-editor textarea').first().focus();
  await w.page.keyboard.press('Control+G');
  const input = w.page.locator('.quick-input-widget input');
  await input.waitFor();
  await input.fill(`:${line}`);
  await w.page.keyboard.press('Enter');
}

/** Moves the mouse over the squiggle on the line the cursor is on and waits for the hover to show `expect`. */
async function hoverSquiggle(w: Workbench, expect: string): Promise<string> {
  const squiggle = w.page.locator('.editor-group-container.active .monaco-editor .view-overlays .squiggly-error, .editor-group-container.active .monaco-editor .view-overlays .squiggly-warning');
  const hover = w.page.locator('.monaco-hover:not(.hidden)').filter({ hasText: expect });
  for (let attempt = 0; attempt < 5; attempt++) {
    const boxes = await squiggle.evaluateAll((els) => els.map((e) => (e as unknown as { getBoundingClientRect(): { x: number; y: number; width: number; height: number } }).getBoundingClientRect()));
    const cursor = await w.page.locator('.editor-group-container.active .monaco-editor .cursor').first().boundingBox();
    // The squiggle on the cursor's line (the one Ctrl+G went to).
    const box = boxes.find((b) => cursor !== null && Math.abs(b.y - cursor.y) < 10) ?? boxes[0];
    assert.ok(box, 'a squiggle is drawn');
    await w.hover(box.x + Math.min(12, box.width / 2), box.y + box.height / 2);
    try {
      await hover.first().waitFor({ timeout: 4000 });
      return await hover.first().innerText();
    } catch {
      await w.hover(5, 5);
    }
  }
  throw new Error(`no hover showing "${expect}"`);
}

describe('text editor (as a person sees it)', function () {
  this.timeout(180_000);
  const workbench = useWorkbench({ workspace: dir, viewport: { width: 1400, height: 900 }, theme: 'dark' });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it(`opens ${FILE} as text and sees squiggles on the error codes`, async () => {
    const w = workbench();
    await w.openFile(FILE);
    const { line } = firstFailure();
    await goToLine(w, line);
    await w.page.locator('.editor-group-container.active .monaco-editor .view-overlays .squiggly-error, .editor-group-container.active .monaco-editor .view-overlays .squiggly-warning').first().waitFor({ timeout: 60_000 });
  });

  it('hovers an error code and reads what it means, what to do and when it is retried', async () => {
    const w = workbench();
    const { code } = firstFailure();
    const shown = await hoverSquiggle(w, 'What to do');
    assert.ok(shown.includes(code), shown);
    assert.match(shown, /What to do/);
    assert.match(shown, /Retry: (Retried automatically|Not retried)/);
    assert.match(shown, /This event: /);
    assert.match(shown, /Show details/);
    assert.match(shown, /Filter viewer to this code/);
    assert.match(shown, /Copy change ID/);
    // The hover fades in: photograph it once it is opaque.
    await w.page.waitForTimeout(600);
    await w.screenshot('text-hover-dark');
  });

  it('opens the quick fixes on a failure (Ctrl+.) and reads the explanation of its code', async () => {
    const w = workbench();
    const { line, code } = firstFailure();
    await w.hover(5, 5);
    await goToLine(w, line);
    // The cursor onto the code: End, then back past `",` into the value.
    await w.page.keyboard.press('End');
    await w.page.keyboard.press('ArrowLeft');
    await w.page.keyboard.press('ArrowLeft');
    await w.page.keyboard.press('ArrowLeft');
    await w.page.keyboard.press('Control+.');
    const menu = w.page.locator('.action-widget');
    await menu.waitFor({ timeout: 15_000 });
    const items = await menu.innerText();
    for (const title of ['Show details of this change', 'Copy change ID for Microsoft support', `Filter the viewer to ${code}`, `Explain ${code}`]) {
      assert.ok(items.includes(title), `${title} in ${items}`);
    }
    await w.page.waitForTimeout(300);
    await w.screenshot('text-quickfix-dark');
    // The menu takes the keyboard (a pointer block covers it against stray clicks): down to "Explain", Enter.
    const titles = items.split('\n').map((t) => t.trim()).filter((t) => t !== '' && t !== 'Quick Fix');
    for (let k = 0; k < titles.indexOf(`Explain ${code}`); k++) await w.page.keyboard.press('ArrowDown');
    await w.page.keyboard.press('Enter');
    const preview = await w.webviewFrame('.markdown-body, body.vscode-body h1', 30_000);
    const page = await preview.locator('body').innerText();
    assert.ok(page.includes(code), page.slice(0, 300));
    assert.match(page, /What to do/);
    assert.match(page, /This event/);
    await w.page.waitForTimeout(500);
    await w.screenshot('text-explain-dark');
    await w.runCommand('View: Close All Editors');
    await w.openFile(FILE);
  });

  it('reads the same hover in high contrast', async () => {
    const w = workbench();
    await w.hover(5, 5);
    await w.setTheme('high-contrast');
    const { line } = firstFailure();
    await goToLine(w, line);
    await hoverSquiggle(w, 'What to do');
    await w.page.waitForTimeout(600);
    await w.screenshot('text-hover-hc');
  });

  it('finds every failure of the file in the Problems panel', async () => {
    const w = workbench();
    await w.hover(5, 5);
    await w.page.keyboard.press('Escape');
    await w.setTheme('light');
    // Ctrl+Shift+M: the Problems panel, as people open it.
    await w.page.locator('.editor-group-container.active .monaco-editor textarea').first().focus();
    await w.page.keyboard.press('Control+Shift+M');
    const rows = w.page.locator('.markers-panel .monaco-list-row');
    await rows.first().waitFor({ timeout: 30_000 });
    const panel = await w.visibleText('.markers-panel');
    const failures = [...text.matchAll(/"provisioningStatusInfo": \{\s*"status": "failure"/g)].length;
    assert.ok(failures > 3);
    assert.match(panel, new RegExp(escapeRegExp(FILE)));
    assert.match(panel, /Provisioning logs/);
    assert.ok(panel.includes(firstFailure().code), panel);
    // The file's row says how many problems it has: one per failure (warnings included, nothing else here).
    const fileRow = await rows.filter({ hasText: FILE }).first().innerText();
    assert.match(fileRow, new RegExp(`\\b${failures}\\b`), fileRow);
    await w.page.waitForTimeout(300);
    await w.screenshot('text-problems-light');
  });
});
