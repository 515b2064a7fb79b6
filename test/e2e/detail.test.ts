// The detail panel as a person uses it: find a failure in a log open as text, "Show Change Details"
// from the command palette, read the four tabs (switched with the keyboard), the retry time, copy a
// change ID, walk the cycle with Alt+Right, survive a window reload; hostile names stay text.
// Screenshots in dark, light and high contrast.
import * as assert from 'node:assert/strict';
import { revealControls } from '../../src/core/common/safeText';
import { HOSTILE_NAMES } from '../fixtures/generator/hostile';
import { HOSTILE_FILE, SCIM_FILE, activeTab, detailWorkspace, errorCodeOf, retryClock, showDetailsOf, tabNames, waitForText } from './detailPage';
import { join } from 'node:path';
import type { InPage } from './viewerPage';
import { escapeRegExp, testResultsDir, useWorkbench } from './workbench';

const ws = detailWorkspace();

/** `13:20 UTC` → the hour and minute `offset` hours later (`14:20`), as a clock in that zone shows it. */
function localClockIn(utc: string, offset: number): string {
  const [hh, mm] = utc.slice(0, 5).split(':').map(Number);
  const h = (hh! + offset + 24) % 24;
  return `${String(h % 12 === 0 ? 12 : h % 12).padStart(2, '0')}:${String(mm).padStart(2, '0')} ${h < 12 ? 'AM' : 'PM'}`;
}

describe('detail panel (as a person sees it)', function () {
  this.timeout(180_000);
  // A person outside UTC: the browser (and the server) start with this zone; restored once they run.
  const savedTz = process.env['TZ'];
  before(() => {
    process.env['TZ'] = 'Europe/Berlin';
  });
  const workbench = useWorkbench({ workspace: ws.dir, viewport: { width: 1500, height: 950 }, theme: 'dark' });
  const dialogs: string[] = [];
  before(() => {
    if (savedTz === undefined) delete process.env['TZ'];
    else process.env['TZ'] = savedTz;
    // Any alert() from a log's text would surface here.
    workbench().page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
  });
  after(() => ws.cleanup());

  it('opens a failure from the command palette, beside the log, on Troubleshooting & Recommendations', async () => {
    const page = workbench().page;
    const frame = await showDetailsOf(workbench(), SCIM_FILE, String(ws.failure['changeId']));
    const name = String((ws.failure['sourceIdentity'] as { displayName: string }).displayName);
    await waitForText(frame, '.detail-header h1', new RegExp(escapeRegExp(name)));
    assert.deepEqual(await tabNames(frame), ['Steps', 'Troubleshooting & Recommendations', 'Modified Properties', 'Summary']);
    assert.equal(await activeTab(frame), 'Troubleshooting & Recommendations', 'a failure opens on what went wrong');
    const sentence = await frame.locator('[data-testid=sentence]').innerText();
    assert.match(sentence, new RegExp(`failed: .*\\(${errorCodeOf(ws.failure)}\\)\\.$`));
    const retry = await frame.locator('[data-testid=retry]').innerText();
    assert.ok(retry.includes(`Retried automatically around ${retryClock(ws.failure)} (40 minutes after the event).`), retry);
    // The browser runs in Berlin (UTC+1 in March): the retry time is also given in the person's own time.
    assert.ok(retry.includes(`${localClockIn(retryClock(ws.failure), 1)}`), retry);
    assert.match(retry, /your time/);
    assert.match(await frame.locator('#view-troubleshooting').innerText(), /What to do/i);
    // The panel sits beside the text editor: two editor groups.
    assert.equal(await page.locator('.editor-group-container').count(), 2);
    await workbench().screenshot('detail-troubleshooting-dark');
  });

  it('switches tabs with the keyboard: Steps, Modified Properties, Summary', async () => {
    const frame = await workbench().webviewFrame('.detail-header');
    const page = workbench().page;
    await frame.locator('vscode-panel-tab[aria-selected="true"]').focus();
    await page.keyboard.press('ArrowLeft');
    assert.equal(await activeTab(frame), 'Steps');
    const steps = await frame.locator('#view-steps').innerText();
    assert.match(steps, /Import/);
    assert.match(steps, /Export/);
    assert.match(steps, /Failure/);
    await workbench().setTheme('light');
    await workbench().screenshot('detail-steps-light');

    await frame.locator('vscode-panel-tab[aria-selected="true"]').focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    assert.match(await activeTab(frame), /^Modified Properties/);
    const modified = await frame.locator('#view-modified').innerText();
    assert.match(modified, /Attribute\s+Old value\s+New value/);
    await workbench().setTheme('high-contrast');
    await workbench().screenshot('detail-modified-high-contrast');

    await frame.locator('vscode-panel-tab[aria-selected="true"]').focus();
    await page.keyboard.press('End');
    assert.equal(await activeTab(frame), 'Summary');
    await workbench().setTheme('dark');
  });

  it('copies the change ID for a support ticket from the Summary tab', async () => {
    const frame = await workbench().webviewFrame('.detail-header');
    const page = workbench().page;
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(page.url()).origin });
    const summary = await frame.locator('#view-summary').innerText();
    assert.ok(summary.includes(String(ws.failure['changeId'])), 'the change ID is shown');
    assert.ok(summary.includes(String(ws.failure['cycleId'])), 'the cycle ID is shown');
    await frame.locator('#view-summary [data-copy="changeId"]').click();
    await page.locator('.statusbar', { hasText: 'Change ID copied' }).waitFor({ timeout: 10_000 });
    const clipboard = await page.evaluate(() => (globalThis as unknown as { navigator: { clipboard: { readText(): Promise<string> } } }).navigator.clipboard.readText());
    assert.equal(clipboard, String(ws.failure['changeId']));
    await workbench().screenshot('detail-summary-dark');
  });

  it('walks the cycle with Alt+Right and Alt+Left', async () => {
    const frame = await workbench().webviewFrame('.detail-header');
    const page = workbench().page;
    const before = await frame.locator('[data-testid=position]').innerText();
    const [k, n] = (/^(\d+) of (\d+)/.exec(before) ?? []).slice(1).map(Number);
    assert.ok(k && n, before);
    await frame.locator('vscode-panel-tab[aria-selected="true"]').focus();
    const key = k < n ? 'Alt+ArrowRight' : 'Alt+ArrowLeft';
    await page.keyboard.press(key);
    await waitForText(frame, '[data-testid=position]', new RegExp(`^${k < n ? k + 1 : k - 1} of ${n} in this cycle`));
    assert.equal(await activeTab(frame), 'Summary', 'the tab the person chose stays');
    await page.keyboard.press(key === 'Alt+ArrowRight' ? 'Alt+ArrowLeft' : 'Alt+ArrowRight');
    await waitForText(frame, '[data-testid=position]', new RegExp(`^${k} of ${n} in this cycle`));
    // The buttons work from the keyboard too, and the keyboard stays on the button after the page redraws.
    const button = k > 1 ? 'prev' : 'next';
    await frame.locator(`[data-nav="${button}"]`).focus();
    await page.keyboard.press('Enter');
    await waitForText(frame, '[data-testid=position]', new RegExp(`^${button === 'prev' ? k - 1 : k + 1} of ${n} in this cycle`));
    const focused = await frame.evaluate(() => (globalThis as unknown as InPage).document.activeElement?.getAttribute('data-nav') ?? null);
    assert.ok(focused !== null, 'the keyboard is still on a navigation button');
  });

  it('opens the raw JSON of the change beside the panel', async () => {
    const frame = await workbench().webviewFrame('.detail-header');
    const page = workbench().page;
    const changeId = (await frame.locator('#view-summary tr[data-field="changeId"] td.mono').innerText()).trim();
    await frame.locator('[data-action="raw"]').click();
    // A read-only document named after the log and the change, never an "Untitled" asking to be saved.
    const tab = page.locator('.tabs-container .tab', { hasText: `change ${changeId}` }).first();
    await tab.waitFor();
    assert.equal(await page.locator('.editor-group-container').count(), 3, 'log, panel and raw JSON side by side');
    assert.match(await workbench().editorText(), new RegExp(`"changeId": "${changeId}"`));
    assert.equal(await page.locator('.tabs-container .tab.dirty').count(), 0, 'nothing is dirty');
    assert.equal(await page.locator('.tabs-container .tab', { hasText: 'Untitled' }).count(), 0);
    await workbench().runCommand('View: Close Editor');
    await tab.waitFor({ state: 'detached' });
  });

  it('comes back after a window reload with the same change and tab', async () => {
    const frame = await workbench().webviewFrame('.detail-header');
    const name = await frame.locator('.detail-header h1').innerText();
    // As a person does it (F1, Developer: Reload Window), which lets VS Code save the webview's state first.
    const page = workbench().page;
    const reloaded = page.waitForEvent('load', { timeout: 60_000 });
    await workbench().runCommand('Developer: Reload Window');
    await reloaded;
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    const again = await workbench().webviewFrame('.detail-header', 60_000);
    await waitForText(again, '.detail-header h1', new RegExp(`^${escapeRegExp(name)}$`), 30_000);
    assert.equal(await activeTab(again), 'Summary');
  });

  it('says so when the log is closed, and opens it again from the panel', async () => {
    const frame = await workbench().webviewFrame('.detail-header');
    const page = workbench().page;
    const name = await frame.locator('.detail-header h1').innerText();
    await page.locator('.tabs-container .tab', { hasText: SCIM_FILE }).locator('.codicon-close').click();
    await waitForText(frame, '.empty-state', /The log was closed/, 30_000);
    assert.match(await frame.locator('.empty-state').innerText(), new RegExp(`${escapeRegExp(SCIM_FILE)} is no longer open`));
    await workbench().screenshotTo(join(testResultsDir, 'detail-log-closed.png'));
    await frame.getByRole('button', { name: `Open ${SCIM_FILE}` }).click();
    await page.locator('.tabs-container .tab', { hasText: SCIM_FILE }).first().waitFor();
    await waitForText(frame, '.detail-header h1', new RegExp(`^${escapeRegExp(name)}$`), 30_000);
  });

  it('shows hostile names, reasons and attributes as text and runs nothing', async () => {
    const frame = await showDetailsOf(workbench(), HOSTILE_FILE, 'onerror=alert(1)');
    await waitForText(frame, '.detail-header h1', /^<img src=x onerror=alert\(1\)>$/);
    const page = workbench().page;
    const position = async (): Promise<number[]> => (/^(\d+) of (\d+)/.exec(await frame.locator('[data-testid=position]').innerText()) ?? []).slice(1).map(Number);
    const walk = async (key: string, to: number): Promise<void> => {
      await frame.locator('vscode-panel-tab[aria-selected="true"]').focus();
      await page.keyboard.press(key);
      await waitForText(frame, '[data-testid=position]', new RegExp(`^${to} of `));
    };
    // To the newest change of the cycle, then through all of them.
    const [start, n] = await position();
    assert.equal(n, HOSTILE_NAMES.length);
    for (let k = start!; k > 1; k--) await walk('Alt+ArrowLeft', k - 1);
    const seen: string[] = [];
    for (let i = 1; i <= n!; i++) {
      if (i > 1) await walk('Alt+ArrowRight', i);
      for (const tab of ['Steps', 'Troubleshooting & Recommendations', 'Modified Properties', 'Summary']) {
        await frame.locator('vscode-panel-tab', { hasText: tab }).click();
      }
      const summary = await frame.locator('#view-summary').innerText();
      // Shown as text, direction overrides written out (⟨U+202E⟩) rather than obeyed.
      const name = HOSTILE_NAMES.find((x) => summary.includes(revealControls(x).slice(0, 200)));
      assert.ok(name !== undefined, `the Summary shows one of the hostile names as text: ${summary.slice(0, 300)}`);
      seen.push(name);
      const modified = await frame.locator('#view-modified').innerText();
      assert.ok(modified.includes('<u>attr</u>') && modified.includes('<script>alert(5)</script>'), 'attributes are text');
      // Nothing the log holds became an element (VS Code injects one inline script of its own, acquireVsCodeApi).
      const injected = await frame.evaluate(() =>
        Array.from((globalThis as unknown as InPage).document.querySelectorAll('img, svg, iframe, script:not([src]):not(#_vscodeApiScript), u, b, [onerror], [onload]')).map((e) => e.outerHTML.slice(0, 80)),
      );
      assert.deepEqual(injected, []);
    }
    assert.deepEqual([...seen].sort(), [...HOSTILE_NAMES].sort(), 'every hostile name was shown');
    await frame.locator('vscode-panel-tab', { hasText: 'Troubleshooting' }).click();
    await workbench().screenshotTo(join(testResultsDir, 'detail-hostile.png'));
    assert.deepEqual(dialogs, [], 'no script from the log ran (no alert dialog)');
  });
});
