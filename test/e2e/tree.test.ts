// The Provisioning Logs tree as a person uses it: open a download, open the Provisioning Logs view
// from the activity bar, expand a job and its latest cycle, click a failed change (the detail panel
// opens beside, the viewer selects the row), regroup from the view's "..." menu, type to find, read
// the status bar. Screenshots of the tree beside the viewer and the detail panel, dark and light.
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator } from 'playwright-core';
import { exampleSet } from '../fixtures/generator/exampleSet';
import { waitForText } from './detailPage';
import { openInExplorer, truthOf } from './viewerPage';
import { escapeRegExp, useWorkbench, type Workbench } from './workbench';

const MAIN = 'ProvisioningLogs_2026-03-02.json';
const dir = mkdtempSync(join(tmpdir(), 'provlog-tree-e2e-'));

/** The rows of the Provisioning Logs tree. */
function treeRows(w: Workbench): Locator {
  return w.page.locator('.pane', { has: w.page.locator('.pane-header', { hasText: /Provisioning Logs|By (Identity|Error Code|Status)/ }) }).locator('.monaco-list-row');
}

function row(w: Workbench, label: string | RegExp): Locator {
  return treeRows(w).filter({ has: w.page.locator('.label-name', { hasText: label }) }).first();
}

/** Clicks a row until it reads expanded (a click while the tree refreshes can be lost). */
async function expand(w: Workbench, r: Locator): Promise<void> {
  for (let k = 0; k < 10 && (await r.getAttribute('aria-expanded')) !== 'true'; k++) {
    await r.click();
    await w.page.waitForTimeout(600);
  }
  assert.equal(await r.getAttribute('aria-expanded'), 'true');
}

/** The side bar's title: the view is alone in its container, so its title actions sit there. */
function viewTitle(w: Workbench): Locator {
  return w.page.locator('.part.sidebar .composite.title');
}

/** Opens the view's "..." menu (More Actions) and clicks `entry` in it. */
async function chooseFromViewMenu(w: Workbench, entry: string): Promise<void> {
  const title = viewTitle(w);
  await title.hover();
  await title.locator('.action-label[aria-label*="More Actions"]').first().click();
  const item = w.page.locator('.context-view .action-label', { hasText: entry });
  await item.waitFor();
  await w.page.waitForTimeout(300);
  await item.click();
}

/** Drags the side bar's edge, as a person makes room for long names. */
async function widenSideBar(w: Workbench, width: number): Promise<void> {
  const bar = await w.page.locator('.part.sidebar').boundingBox();
  if (!bar) return;
  await w.page.mouse.move(bar.x + bar.width, bar.y + bar.height / 2);
  await w.page.mouse.down();
  await w.page.mouse.move(bar.x + width, bar.y + bar.height / 2, { steps: 8 });
  await w.page.mouse.up();
}

describe('tree (as a person sees it)', function () {
  this.timeout(180_000);
  before(() => {
    for (const f of exampleSet()) if (f.name === MAIN) writeFileSync(join(dir, f.name), f.bytes);
    writeFileSync(join(dir, 'README.md'), '# Downloaded provisioning logs\n');
  });
  const workbench = useWorkbench({ workspace: dir, viewport: { width: 1800, height: 1000 }, theme: 'dark' });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('shows the open download as file → job → cycle → change in the Provisioning Logs view', async () => {
    const w = workbench();
    await openInExplorer(w, MAIN);
    await w.page.locator('.activitybar [aria-label^="Provisioning Logs"]').first().click();
    await widenSideBar(w, 470);
    const file = row(w, MAIN);
    await file.waitFor({ timeout: 30_000 });
    // The container and its one view share a name: the header says it once.
    assert.match((await viewTitle(w).locator('h2').innerText()).trim(), /^Provisioning Logs$/i);
    assert.equal(await file.getAttribute('aria-expanded'), 'true', 'the active log is expanded');
    const truth = truthOf(dir, MAIN);
    assert.match(await file.innerText(), new RegExp(`${truth.size} events`));
    // Jobs by application name, the job ID beside.
    for (const app of ['ServiceNow', 'Workday to Active Directory User Provisioning', 'Contoso HR Portal']) await row(w, app).waitFor();
    const job = row(w, 'ServiceNow');
    assert.match(await job.innerText(), /ServiceNowOutDelta\./);
    await expand(w, job);
    const latest = treeRows(w).filter({ hasText: /latest ·/ }).first();
    await latest.waitFor();
    assert.match(await latest.innerText(), /✓ \d+/);
    await expand(w, latest);
  });

  it('opens the details of a failed change beside the viewer and selects its row there', async () => {
    const w = workbench();
    // The failures of the cycle come first: the row after the cycle is a failure.
    const failed = treeRows(w).filter({ has: w.page.locator('.codicon-error') }).filter({ hasText: /Entry|Rights|Requests|Conflict/ }).first();
    await failed.waitFor();
    const name = (await failed.locator('.label-name').innerText()).trim();
    await failed.click();
    const detail = await w.webviewFrame('.detail-header');
    await waitForText(detail, '.detail-header h1', new RegExp(`^\\s*${escapeRegExp(name)}\\s*$`), 15_000);
    assert.equal(await w.page.locator('.editor-group-container').count(), 2, 'the panel opened beside the viewer');
    await w.page.locator('.statusbar-item', { hasText: /events · .* failed/ }).first().waitFor();
    await w.page.mouse.move(5, 990);
    await w.screenshot('tree-dark');
    await w.setTheme('light');
    await w.screenshot('tree-light');
    await w.setTheme('high-contrast');
    await w.screenshot('tree-high-contrast');
    await w.setTheme('dark');
  });

  it('regroups by error code from the view\'s "..." menu, and finds by typing', async () => {
    const w = workbench();
    await chooseFromViewMenu(w, 'Group by Error Code');
    const code = row(w, 'ServiceNowEntryConflict');
    await code.waitFor();
    assert.match((await viewTitle(w).locator('h2').innerText()).trim(), /^Provisioning Logs: By Error Code$/i, 'the title says the grouping, once');
    assert.match(await code.innerText(), /\d+ · /);
    // The built-in find: type in the focused tree.
    await code.click();
    await w.page.keyboard.type('TooMany');
    await row(w, 'TooManyRequests').waitFor();
    await w.screenshot('tree-by-error-code-dark');
    await w.page.keyboard.press('Escape');
  });

  it('compares two cycles selected with Ctrl+click, from the title bar', async () => {
    const w = workbench();
    await chooseFromViewMenu(w, 'Group by Job and Cycle');
    const job = row(w, 'ServiceNow');
    await job.waitFor();
    // Let the regrouped tree settle before expanding in it.
    await w.page.waitForTimeout(1000);
    await expand(w, job);
    const latest = treeRows(w).filter({ hasText: /latest ·/ }).first();
    await latest.waitFor();
    const compare = viewTitle(w).locator('.action-label[aria-label="Compare Cycles"]');
    assert.equal(await compare.count(), 0, 'no Compare Cycles until two cycles are selected');
    await latest.click();
    const earlier = treeRows(w).filter({ has: w.page.locator('.label-name', { hasText: /^2026-03-02 \d\d:\d\d:\d\d UTC$/ }) }).nth(1);
    await earlier.click({ modifiers: ['Control'] });
    await compare.waitFor();
    await compare.click();
    // The Markdown preview is a webview of its own: the frame whose heading is the report's.
    let text = '';
    const deadline = Date.now() + 30_000;
    while (!/^Cycle comparison/.test(text)) {
      if (Date.now() > deadline) throw new Error('the comparison report is not shown');
      await w.page.waitForTimeout(200);
      for (const frame of w.page.frames()) {
        const h1 = await frame.locator('h1').first().innerText({ timeout: 100 }).catch(() => '');
        if (/^Cycle comparison/.test(h1)) text = await frame.locator('body').innerText();
      }
    }
    assert.match(text, /In short/);
    assert.match(text, /\d+ fixed/);
    assert.match(text, /Earlier cycle\s+Later cycle/);
    await w.screenshot('tree-compare-dark');
  });
});

