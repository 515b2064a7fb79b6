// The viewer as a person uses it: open a download from the Explorer and see its header, status badges,
// chart and rows; filter by clicking a badge, a chart bar, typing; sort by a header; move with the
// keyboard; choose columns; hostile names stay text; the state survives switching tabs and reloading
// the window; the problems of a cut-off download lead to the line. Screenshots in three themes.
import * as assert from 'node:assert/strict';
import type { Frame } from 'playwright-core';
import { escapeRegExp, useWorkbench } from './workbench';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LARGE, LARGE_EVENTS, columnTexts, count, countText, exampleWorkspace, formatted, openInExplorer, truthOf, viewerFrame, waitForCount, type InPage } from './viewerPage';

const MAIN = 'ProvisioningLogs_2026-03-02.json';
const ws = exampleWorkspace();

/** In the page: Identity is sorted `dir` and the table holds the answer (no query under way). */
function settled(dir: string): boolean {
  const doc = (globalThis as unknown as InPage).document;
  const header = Array.from(doc.querySelectorAll('[role=columnheader]')).find((h) => h.textContent?.includes('Identity'));
  return header?.getAttribute('aria-sort') === dir && doc.querySelector('[role=grid][aria-busy]') === null;
}

describe('viewer (as a person sees it)', function () {
  this.timeout(180_000);
  before(() => ws.write());
  const workbench = useWorkbench({ workspace: ws.dir, viewport: { width: 1500, height: 950 }, theme: 'dark' });
  after(() => ws.cleanup());
  const pageErrors: string[] = [];
  before(() => {
    // Errors thrown in webview pages (ours among them) are printed when a test fails, to explain it.
    workbench().page.on('pageerror', (e) => pageErrors.push(e.message));
  });
  afterEach(function () {
    if (this.currentTest?.state === 'failed' && pageErrors.length > 0) console.log(`    page errors:\n      ${pageErrors.join('\n      ')}`);
    pageErrors.length = 0;
  });

  it(`opens ${MAIN} from the Explorer: header, status badges, chart and rows`, async () => {
    const frame = await openInExplorer(workbench(), MAIN);
    const truth = truthOf(ws.dir, MAIN);
    const header = await frame.locator('.viewer-header').innerText();
    assert.match(header, /Entra portal JSON download/);
    assert.match(header, /UTF-8/);
    assert.match(header, new RegExp(`${formatted(truth.size)} events`));
    for (const [status, label] of [['success', 'Success'], ['failure', 'Failure'], ['skipped', 'Skipped']] as const) {
      const n = count(truth, (i) => truth.statusOf(i) === status);
      assert.equal((await frame.locator(`.status-badge.status-${status}`).innerText()).replace(/\s+/g, ' ').trim(), `${label} ${formatted(n)}`);
    }
    assert.ok((await frame.locator('.chart-bar').count()) > 5, 'bars per cycle are drawn');
    assert.ok((await frame.locator('.code-row').count()) > 0, 'top error codes are listed');
    assert.equal(await countText(frame), `${formatted(truth.size)} events`);
    const rendered = await frame.locator('.grid-body .grid-row').count();
    assert.ok(rendered > 10 && rendered < 120, `${rendered} rows in the DOM for ${truth.size} events (virtualised)`);
    assert.equal(await frame.locator('[role=grid]').getAttribute('aria-rowcount'), String(truth.size + 1));
    await workbench().screenshot('viewer-dark');
  });

  it('filters by status when a badge is clicked, shows it as a chip, and removes it', async () => {
    const frame = await openInExplorer(workbench(), MAIN);
    const truth = truthOf(ws.dir, MAIN);
    const failures = count(truth, (i) => truth.statusOf(i) === 'failure');
    await frame.locator('.status-badge.status-failure').click();
    await waitForCount(frame, `${formatted(failures)} of ${formatted(truth.size)} events`);
    assert.equal(await frame.locator('.status-badge.status-failure').getAttribute('aria-pressed'), 'true');
    assert.equal((await frame.locator('.chip').innerText()).trim(), 'Status: Failure');
    const statuses = await columnTexts(frame, 5);
    assert.ok(statuses.length > 0 && statuses.every((s) => s.trim() === 'Failure'), statuses.join(','));
    await workbench().screenshot('viewer-filtered');
    await frame.getByRole('button', { name: 'Remove filter Status: Failure' }).click();
    await waitForCount(frame, `${formatted(truth.size)} events`);
  });

  it('filters as you type in the search box, and Escape clears it', async () => {
    const frame = await openInExplorer(workbench(), MAIN);
    const truth = truthOf(ws.dir, MAIN);
    const needle = 'conflict';
    const fields = ['sourceName', 'sourceId', 'targetName', 'targetId', 'errorCode', 'reason', 'jobId', 'cycleId', 'changeId', 'sourceSystem', 'targetSystem', 'appName', 'actionLabel'] as const;
    const expected = count(truth, (i) => fields.some((f) => truth.get(f, i).toLowerCase().includes(needle)) || ['id', 'tenantId', 'sourceType', 'targetType', 'appId', 'initiatorName', 'initiatorType', 'errorCategory'].some((f) => truth.get(f as 'id', i).toLowerCase().includes(needle)));
    const search = frame.locator('vscode-text-field.search input');
    await search.click();
    await search.pressSequentially(needle, { delay: 40 });
    await waitForCount(frame, `${formatted(expected)} of ${formatted(truth.size)} events`);
    assert.equal((await frame.locator('.chip').first().innerText()).trim(), `Text: ${needle}`);
    await search.press('Escape');
    await waitForCount(frame, `${formatted(truth.size)} events`);
  });

  it('sorts by a column when its header is clicked, and says so (aria-sort)', async () => {
    const frame = await openInExplorer(workbench(), MAIN);
    const header = frame.getByRole('columnheader', { name: /Identity/ });
    await header.click();
    await frame.waitForFunction(settled, 'ascending');
    const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });
    const names = async (): Promise<string[]> => (await frame.locator('.grid-body .grid-row:not(.loading) .identity-name').allInnerTexts()).slice(0, 15);
    let shown = await names();
    assert.deepEqual(shown, [...shown].sort(collator.compare), 'ascending');
    await header.click();
    await frame.waitForFunction(settled, 'descending');
    shown = await names();
    assert.deepEqual(shown, [...shown].sort(collator.compare).reverse(), 'descending');
    // Back to the portal's order: newest first.
    await frame.getByRole('columnheader', { name: /Date/ }).click();
    await frame.waitForFunction(() => (globalThis as unknown as InPage).document.querySelector('[role=columnheader][aria-sort=descending]')?.textContent?.includes('Date'));
  });

  it('moves through the rows with the keyboard and opens details with Enter', async () => {
    const frame = await openInExplorer(workbench(), MAIN);
    const truth = truthOf(ws.dir, MAIN);
    await frame.locator('.grid-body .grid-row[aria-rowindex="2"] .grid-cell').first().click();
    const selectedRow = async (): Promise<string | null> => frame.locator('.grid-body .grid-row[aria-selected=true]').getAttribute('aria-rowindex');
    assert.equal(await selectedRow(), '2');
    const keys = workbench().page.keyboard;
    await keys.press('ArrowDown');
    await keys.press('ArrowDown');
    assert.equal(await selectedRow(), '4');
    assert.equal(await frame.evaluate(() => (globalThis as unknown as InPage).document.activeElement?.closest('[role=row]')?.getAttribute('aria-rowindex')), '4', 'the focus moved with the selection');
    await keys.press('End');
    await frame.waitForFunction((n) => (globalThis as unknown as InPage).document.querySelector('.grid-row[aria-selected=true]')?.getAttribute('aria-rowindex') === String(n), truth.size + 1);
    await keys.press('PageUp');
    const afterPageUp = Number(await selectedRow());
    assert.ok(afterPageUp < truth.size + 1 && afterPageUp > truth.size - 40, `PageUp moved a screenful (row ${afterPageUp})`);
    await keys.press('Home');
    await frame.waitForFunction(() => (globalThis as unknown as InPage).document.querySelector('.grid-row[aria-selected=true]')?.getAttribute('aria-rowindex') === '2');
    await keys.press('ArrowRight');
    assert.equal(await frame.evaluate(() => (globalThis as unknown as InPage).document.activeElement?.getAttribute('aria-colindex')), '2');
    assert.match(await frame.locator('.selection-footer').innerText(), /·/);
    await keys.press('Enter');
    await workbench().page.locator('.tabs-container .tab', { hasText: /^Change/ }).first().waitFor({ timeout: 15_000 });
    await workbench().openFile(MAIN);
  });

  it('adds and removes columns with the column chooser, and remembers them', async () => {
    let frame = await openInExplorer(workbench(), MAIN);
    await frame.getByRole('button', { name: /Columns/ }).click();
    await frame.getByRole('menuitemcheckbox', { name: /Cycle ID/ }).click();
    await frame.getByRole('menuitemcheckbox', { name: /Error Code/ }).click();
    await frame.locator('.popover').press('Escape');
    const headers = async (): Promise<string[]> => (await frame.getByRole('columnheader').allInnerTexts()).map((t) => t.trim());
    assert.deepEqual(await headers(), ['Date', 'Identity', 'Action', 'Source System', 'Target System', 'Status', 'Cycle ID', 'Error Code']);
    // Remembered per workspace: a new editor of another file shows the same columns.
    await workbench().openFile('PT1H.json');
    frame = await viewerFrame(workbench(), 'PT1H.json');
    assert.deepEqual(await headers(), ['Date', 'Identity', 'Action', 'Source System', 'Target System', 'Status', 'Cycle ID', 'Error Code']);
    await frame.getByRole('button', { name: /Columns/ }).click();
    await frame.getByRole('menuitem', { name: /Reset to the default columns/ }).click();
    assert.deepEqual(await headers(), ['Date', 'Identity', 'Action', 'Source System', 'Target System', 'Status']);
    await workbench().openFile(MAIN);
  });

  it('filters to a cycle when its bar is clicked, and to an error code from the top codes', async () => {
    const frame = await openInExplorer(workbench(), MAIN);
    const truth = truthOf(ws.dir, MAIN);
    const bar = frame.locator('.chart-bar').last();
    const label = (await bar.getAttribute('aria-label')) ?? '';
    const cycleId = /^Cycle (\S+)/.exec(label)?.[1] ?? '';
    assert.ok(cycleId, label);
    await bar.click();
    await waitForCount(frame, `${formatted(count(truth, (i) => truth.get('cycleId', i) === cycleId))} of ${formatted(truth.size)} events`);
    assert.equal((await frame.locator('.chip').first().innerText()).trim(), `Cycle ID: ${cycleId}`);
    await frame.getByRole('button', { name: 'Clear all' }).click();
    await waitForCount(frame, `${formatted(truth.size)} events`);
    const code = (await frame.locator('.code-row .code-name').first().innerText()).trim();
    await frame.locator('.code-row').first().click();
    await waitForCount(frame, `${formatted(count(truth, (i) => truth.get('errorCode', i).toLowerCase().includes(code.toLowerCase())))} of ${formatted(truth.size)} events`);
    await frame.getByRole('button', { name: 'Clear all' }).click();
  });

  it('shows hostile display names as text: no dialog, no script, no markup', async () => {
    const page = workbench().page;
    const dialogs: string[] = [];
    const onDialog = (d: { message(): string; dismiss(): Promise<void> }): void => {
      dialogs.push(d.message());
      void d.dismiss();
    };
    page.on('dialog', onDialog);
    try {
      const frame = await openInExplorer(workbench(), 'provisioning-hostile-names.json');
      await frame.getByRole('columnheader', { name: /Identity/ }).click();
      const text = await frame.locator('.grid-body').innerText();
      for (const name of ['<img src=x onerror=alert(1)>', '</script><script>alert(document.domain)</script>', '"><svg onload=alert(2)>', '${7*7} {{constructor.constructor("alert(3)")()}}']) {
        assert.ok(text.includes(name), `${name} is shown as text`);
      }
      assert.match(text, /x{200}… \(102,400 characters\)/);
      assert.equal(await frame.locator('.grid-body img, .grid-body svg, .grid-body script, .grid-body iframe').count(), 0);
      assert.equal(await frame.locator('#app script, #app [onerror], #app [onload], #app iframe').count(), 0, 'nothing executable came from the log');
      assert.ok(text.includes('Evil ⟨U+202E⟩gnp.exe⟨U+202C⟩ admin'), 'a bidi override is shown, not obeyed');
      await page.waitForTimeout(1000);
      assert.deepEqual(dialogs, [], 'no dialog opened');
      await workbench().screenshot('viewer-hostile-names');
    } finally {
      page.off('dialog', onDialog);
    }
    await workbench().openFile(MAIN);
  });

  it('shows where a cut-off download ends and goes to that line in the text', async () => {
    const frame = await openInExplorer(workbench(), 'provisioning-truncated.json');
    const problem = frame.locator('.problem').filter({ hasText: /cut off/ });
    assert.match(await problem.innerText(), /line 1, column [\d,]+/);
    await problem.getByText('Go to line').click();
    const page = workbench().page;
    await page.locator('.editor-group-container.active .monaco-editor').first().waitFor();
    await page.locator('.statusbar').getByText(/Ln 1, Col \d{5,}/).waitFor({ timeout: 15_000 });
  });

  it('keeps filters, sort, selection and scroll when the tab is hidden and when the window reloads', async () => {
    let frame = await openInExplorer(workbench(), MAIN);
    await frame.locator('.status-badge.status-failure').click();
    await frame.getByRole('columnheader', { name: /Identity/ }).click();
    await frame.waitForFunction(() => (globalThis as unknown as InPage).document.querySelector('[role=columnheader][aria-sort=ascending]')?.textContent?.includes('Identity'));
    await frame.locator('.grid-body .grid-row[aria-rowindex="5"] .grid-cell').first().click();
    const selected = await frame.locator('.grid-row[aria-selected=true] .identity-name').innerText();
    const check = async (when: string): Promise<void> => {
      frame = await viewerFrame(workbench(), MAIN);
      await frame.waitForFunction(() => (globalThis as unknown as InPage).document.querySelector('.grid-row[aria-selected=true]') !== null, undefined, { timeout: 15_000 });
      assert.equal((await frame.locator('.chip').first().innerText()).trim(), 'Status: Failure', when);
      assert.equal(await frame.getByRole('columnheader', { name: /Identity/ }).getAttribute('aria-sort'), 'ascending', when);
      assert.equal(await frame.locator('.grid-row[aria-selected=true] .identity-name').innerText(), selected, when);
    };
    await frame.page().waitForTimeout(400); // the page saves its state at most every 200 ms
    await workbench().openFile('README.md');
    await workbench().openFile(MAIN);
    await check('after switching tabs');
    await workbench().runCommand('Developer: Reload Window');
    await workbench().page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    await check('after reloading the window');
    await frame.getByRole('button', { name: 'Clear all' }).click();
    await frame.getByRole('columnheader', { name: /Date/ }).click();
  });

  it('filters to a custom date range picked in local time', async () => {
    const frame = await openInExplorer(workbench(), MAIN);
    const truth = truthOf(ws.dir, MAIN);
    await frame.getByRole('button', { name: /^Date/ }).click();
    await frame.getByRole('menuitemradio', { name: 'Custom range…' }).click();
    await frame.getByLabel('From (local time)').fill('2026-03-02T12:00');
    await frame.getByLabel('To (local time)').fill('2026-03-02T12:59');
    assert.match(await frame.locator('.date-utc').innerText(), /In UTC: 2026-03-02/);
    await frame.locator('.date-range vscode-button', { hasText: 'Apply' }).click();
    const offset = await frame.evaluate(() => new Date(2026, 2, 2, 12).getTimezoneOffset());
    const from = Date.UTC(2026, 2, 2, 12, 0) + offset * 60_000;
    const to = Date.UTC(2026, 2, 2, 12, 59, 59, 999) + offset * 60_000;
    const expected = count(truth, (i) => truth.time[i]! >= from && truth.time[i]! <= to);
    await waitForCount(frame, `${formatted(expected)} of ${formatted(truth.size)} events`);
    assert.match(await frame.locator('.chip').first().innerText(), /^Date: /);
    assert.equal(await frame.getByRole('button', { name: /^Date/ }).getAttribute('aria-label'), 'Date: custom range');
    await frame.getByRole('button', { name: 'Clear all' }).click();
    await waitForCount(frame, `${formatted(truth.size)} events`);
  });

  it('copies the selected event\'s IDs for a support ticket', async () => {
    const frame = await openInExplorer(workbench(), MAIN);
    await frame.locator('.grid-body .grid-row:not(.loading) .grid-cell').first().click();
    await frame.locator('.selection-footer vscode-button', { hasText: 'Cycle ID' }).click();
    await workbench().page.locator('.statusbar').getByText('Cycle ID copied').waitFor({ timeout: 10_000 });
  });

  it('exports the shown events through the save dialog', async () => {
    const frame = await openInExplorer(workbench(), MAIN);
    const truth = truthOf(ws.dir, MAIN);
    const failures = count(truth, (i) => truth.statusOf(i) === 'failure');
    await frame.locator('.status-badge.status-failure').click();
    await waitForCount(frame, `${formatted(failures)} of ${formatted(truth.size)} events`);
    await frame.getByRole('button', { name: 'Export…' }).click();
    await workbench().pickFromQuickInput('Markdown', 'Markdown report');
    // VS Code's own save dialog (a path in the quick input): accept the suggested name beside the log.
    const input = workbench().page.locator('.quick-input-widget input');
    await input.waitFor();
    await input.press('Enter');
    const file = join(ws.dir, 'ProvisioningLogs_2026-03-02-export.md');
    const deadline = Date.now() + 15_000;
    while (!existsSync(file) && Date.now() < deadline) await workbench().page.waitForTimeout(100);
    const report = readFileSync(file, 'utf8');
    assert.match(report, /Status: Failure/);
    assert.match(report, new RegExp(`^- Events: ${failures};`, 'm'));
    await frame.getByRole('button', { name: 'Clear all' }).click();
  });

  /**
   * Opens LARGE and presses Cancel on its notification. Returns the frame that says the file was not
   * opened, or undefined when the read ended before the click landed (on a fast, quiet machine the
   * whole file can be read in the moment between the notification and the click).
   */
  async function openAndCancelLarge(): Promise<Frame | undefined> {
    await workbench().explorerItem(LARGE).click();
    const toast = workbench().page.locator('.notification-toast', { hasText: `Reading ${LARGE}` });
    await toast.waitFor({ timeout: 20_000 });
    try {
      await toast.hover({ timeout: 5_000 });
      await toast.getByRole('button', { name: 'Cancel' }).click({ timeout: 5_000 });
    } catch {
      // The notification went away: the read finished first. The check below says which.
    }
    const deadline = Date.now() + 20_000;
    for (;;) {
      for (const f of workbench().page.frames()) {
        if ((await f.locator('.state-view h2', { hasText: 'was not opened' }).count().catch(() => 0)) > 0) return f;
        const title = await f.locator('.file-name').first().textContent({ timeout: 200 }).catch(() => null);
        if (title === LARGE && (await countText(f).catch(() => '')) === `${formatted(LARGE_EVENTS)} events`) return undefined;
      }
      if (Date.now() > deadline) throw new Error('after Cancel, neither a "not opened" page nor the read file');
      await workbench().page.waitForTimeout(100);
    }
  }

  it('can be cancelled while it reads a large file, says so, and reads it on Reload', async () => {
    await workbench().page.locator('.activitybar [aria-label^="Provisioning Logs"]').first().waitFor({ timeout: 60_000 });
    let frame: Frame | undefined;
    for (let attempt = 1; attempt <= 3; attempt++) {
      frame = await openAndCancelLarge();
      if (frame) break;
      console.log(`      (attempt ${attempt}: the read ended before Cancel was pressed; again)`);
      await workbench().runCommand('View: Close All Editors');
    }
    assert.ok(frame, `${LARGE} was read in full three times although Cancel was pressed: Cancel did not stop the read, or the read ended before the click`);
    assert.match(await frame.locator('.state-view').innerText(), new RegExp(`${escapeRegExp(LARGE)} was not opened[\\s\\S]*cancelled`));
    await workbench().screenshot('viewer-not-opened');
    await frame.locator('vscode-button', { hasText: 'Reload' }).click();
    frame = await viewerFrame(workbench(), LARGE, 60_000);
    await waitForCount(frame, `${formatted(LARGE_EVENTS)} events`, 60_000);
    await workbench().runCommand('View: Close All Editors');
  });

  for (const theme of ['light', 'high-contrast'] as const) {
    it(`reads well in the ${theme} theme`, async () => {
      await workbench().setTheme(theme);
      const frame = await openInExplorer(workbench(), MAIN);
      // The README's pictures show the viewer alone, with every event, and no notification over it.
      await workbench().runCommand('View: Close Editors in Other Groups');
      await workbench().runCommand('Notifications: Clear All Notifications');
      if ((await frame.getByRole('button', { name: 'Clear all' }).count()) > 0) await frame.getByRole('button', { name: 'Clear all' }).click();
      await waitForCount(frame, /^600 events$/);
      await frame.locator('.grid-body .grid-row:not(.loading) .grid-cell').nth(20).click();
      await workbench().screenshot(`viewer-${theme}`);
    });
  }

  // Last: it changes a setting, which reloads the window.
  it('asks before reading a file above the size limit, and says so when declined', async () => {
    await workbench().updateSettings({ 'provlog.viewer.confirmAboveMB': 1 });
    await workbench().runCommand('View: Close All Editors');
    await workbench().page.locator('.activitybar [aria-label^="Provisioning Logs"]').first().waitFor({ timeout: 60_000 });
    await workbench().explorerItem(MAIN).click();
    const dialog = workbench().page.locator('.monaco-dialog-box');
    await dialog.waitFor({ timeout: 20_000 });
    assert.match(await dialog.innerText(), /ProvisioningLogs_2026-03-02\.json is 1\.6 MB/);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    const deadline = Date.now() + 20_000;
    let frame;
    while (!frame) {
      for (const f of workbench().page.frames()) if ((await f.locator('.state-view h2', { hasText: 'was not opened' }).count().catch(() => 0)) > 0) frame = f;
      if (Date.now() > deadline) throw new Error('no "not opened" page');
      await workbench().page.waitForTimeout(100);
    }
    // Reload is the person asking: it reads without asking again.
    await frame.locator('vscode-button', { hasText: 'Reload' }).click();
    await viewerFrame(workbench(), MAIN);
    await workbench().updateSettings({ 'provlog.viewer.confirmAboveMB': 500 });
  });
});
