// The palette commands as a person uses them, beside the viewer: Filter… (a multi-step Quick Pick:
// the menu, the status step, Apply, and the viewer then shows only those events), Go to Change ID…
// (type part of a name, pick, the details open), Explain Error Code… and the status bar's summary.
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exampleSet } from '../fixtures/generator/exampleSet';
import { waitForText } from './detailPage';
import { count, formatted, openInExplorer, truthOf, viewerFrame, waitForCount } from './viewerPage';
import { escapeRegExp, useWorkbench } from './workbench';

const MAIN = 'ProvisioningLogs_2026-03-02.json';
const dir = mkdtempSync(join(tmpdir(), 'provlog-palette-e2e-'));

describe('palette commands (as a person uses them)', function () {
  this.timeout(180_000);
  before(() => {
    for (const f of exampleSet()) if (f.name === MAIN) writeFileSync(join(dir, f.name), f.bytes);
  });
  const workbench = useWorkbench({ workspace: dir, viewport: { width: 1600, height: 950 }, theme: 'dark' });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('Filter…: Status → Failure → Apply, and the viewer shows only the failures', async () => {
    const w = workbench();
    await openInExplorer(w, MAIN);
    const truth = truthOf(dir, MAIN);
    const failures = count(truth, (i) => truth.statusOf(i) === 'failure');
    await w.runCommand('Provisioning Logs: Filter…');
    const quick = w.page.locator('.quick-input-widget');
    await quick.locator('.quick-input-list .monaco-list-row', { hasText: /^\s*Apply/ }).first().waitFor();
    assert.match(await quick.innerText(), new RegExp(`600 of 600 events match`));
    await quick.locator('.quick-input-list .monaco-list-row', { hasText: 'Status' }).first().click();
    // The status step: the file's statuses with their counts, several may be picked.
    const failure = quick.locator('.quick-input-list .monaco-list-row', { hasText: 'Failure' }).first();
    await failure.waitFor();
    assert.match(await failure.innerText(), new RegExp(`(?<![\\d,])${formatted(failures)}(?![\\d,])`));
    // A click on the row ticks it; Enter (OK) takes the ticked values.
    await failure.click();
    await w.page.locator('.quick-input-widget .quick-input-count', { hasText: '1 Selected' }).waitFor();
    await w.page.keyboard.press('Enter');
    const apply = quick.locator('.quick-input-list .monaco-list-row', { hasText: /^\s*Apply/ }).first();
    await apply.filter({ hasText: `${formatted(failures)} of 600 events match` }).waitFor();
    await w.screenshot('palette-filter-dark');
    await apply.click();
    const frame = await viewerFrame(w, MAIN);
    await waitForCount(frame, `${formatted(failures)} of ${formatted(truth.size)} events`);
  });

  it('Go to Change ID…: type part of a name, pick it, its details open', async () => {
    const w = workbench();
    const truth = truthOf(dir, MAIN);
    const i = [...Array(truth.size).keys()].find((k) => truth.statusOf(k) === 'failure' && /^[A-Za-z ]+$/.test(truth.get('sourceName', k)))!;
    const name = truth.get('sourceName', i);
    const changeId = truth.get('changeId', i);
    await w.runCommand('Provisioning Logs: Go to Change ID…');
    const input = w.page.locator('.quick-input-widget input');
    await input.fill(changeId.slice(0, 13));
    const item = w.page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first();
    await item.waitFor();
    await w.screenshot('palette-go-to-change-dark');
    await item.click();
    const detail = await w.webviewFrame('.detail-header');
    await waitForText(detail, '.detail-header h1', new RegExp(`^\\s*${escapeRegExp(name)}\\s*$`), 15_000);
  });

  it('Explain Error Code…: pick a code of the log; the explanation opens as a preview', async () => {
    const w = workbench();
    await w.runCommand('Provisioning Logs: Explain Error Code…');
    await w.page.locator('.quick-input-widget input').fill('ServiceNowEntryConflict');
    const row = w.page.locator('.quick-input-list .monaco-list-row', { hasText: 'ServiceNowEntryConflict' }).first();
    await row.waitFor();
    assert.match(await row.innerText(), /\d+ × · Conflicting entry/, 'the code of the log, with its count and title');
    await row.click();
    let text = '';
    const deadline = Date.now() + 30_000;
    while (!/What to do/.test(text)) {
      if (Date.now() > deadline) throw new Error('the explanation is not shown');
      await w.page.waitForTimeout(200);
      for (const frame of w.page.frames()) {
        const h1 = await frame.locator('h1').first().innerText({ timeout: 100 }).catch(() => '');
        if (h1.startsWith('ServiceNowEntryConflict')) text = await frame.locator('body').innerText();
      }
    }
    assert.match(text, /The catalog's EntryConflict, with the target application's name ServiceNow in front/);
    assert.match(text, /This event/);
    await w.screenshot('palette-explain-dark');
  });

  it('the status bar shows the counts of the active log; a click opens its summary', async () => {
    const w = workbench();
    // Back to the viewer's tab (the explanation took the focus).
    await w.page.locator('.tabs-container .tab', { hasText: MAIN }).first().click();
    await viewerFrame(w, MAIN);
    const truth = truthOf(dir, MAIN);
    const failures = count(truth, (i) => truth.statusOf(i) === 'failure');
    const item = w.page.locator('.statusbar-item', { hasText: `${formatted(truth.size)} events · ${failures} failed` }).first();
    await item.waitFor();
    await item.click();
    let text = '';
    const deadline = Date.now() + 30_000;
    while (!/By status/.test(text)) {
      if (Date.now() > deadline) throw new Error('the summary is not shown');
      await w.page.waitForTimeout(200);
      for (const frame of w.page.frames()) {
        const h1 = await frame.locator('h1').first().innerText({ timeout: 100 }).catch(() => '');
        if (h1.startsWith('Provisioning log summary')) text = await frame.locator('body').innerText();
      }
    }
    assert.match(text, /Top error codes/);
    assert.match(text, /Latest cycle/);
    await w.screenshot('palette-summary-dark');
  });
});
