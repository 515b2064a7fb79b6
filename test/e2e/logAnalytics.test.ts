// "Query Log Analytics…" as a person uses it in a VS Code without the account provider it is set to use: the
// command asks for the workspace and the time range, says there is no Microsoft sign-in and takes a pasted token
// (kept in memory), queries the emulator, and the viewer fills with the rows while they arrive. Screenshot.
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Frame } from 'playwright-core';
import { LaDataset } from '../emulators/laDataset';
import { LaEmulator } from '../emulators/logAnalytics';
import { countText, formatted } from './viewerPage';
import { useWorkbench, type Workbench } from './workbench';

const TOKEN = 'pasted-arm-token-0123456789abcdef';
const WS = '/subscriptions/00000000-0000-0000-0000-00000000cccc/resourceGroups/identity/providers/Microsoft.OperationalInsights/workspaces/entra-logs';
const START = Date.UTC(2026, 1, 1, 8);
const ROWS = 3000;

/** The viewer page whose header names a query file and whose count reads `count` events. */
async function queryViewer(w: Workbench, count: number, timeoutMs = 90_000): Promise<Frame> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    for (const frame of w.page.frames()) {
      const title = await frame.locator('.file-name').first().textContent({ timeout: 200 }).catch(() => null);
      if (title?.startsWith('AADProvisioningLogs-entra-logs-') && (await countText(frame).catch(() => '')) === `${formatted(count)} events`) return frame;
    }
    if (Date.now() > deadline) throw new Error(`no viewer page shows ${count} events of a query after ${timeoutMs} ms`);
    await w.page.waitForTimeout(200);
  }
}

describe('Log Analytics query (as a person sees it)', function () {
  this.timeout(300_000);
  let emulator: LaEmulator;
  const dir = mkdtempSync(join(tmpdir(), 'provlog-e2e-la-'));
  // The workbench counts as shown once the Explorer lists something.
  writeFileSync(join(dir, 'notes.txt'), 'Provisioning logs are queried from the workspace.\n');
  const settings: Record<string, unknown> = {};
  before(async () => {
    emulator = await LaEmulator.start({
      tokens: [TOKEN],
      rowLimit: 1000,
      workspaces: [{ resourceId: WS, dataset: new LaDataset({ count: ROWS, start: START, stepMs: 1000 }) }],
      subscriptions: [{ subscriptionId: '00000000-0000-0000-0000-00000000cccc', displayName: 'Identity' }],
    });
    settings['provlog.connections.azureResourceManagerUrl'] = emulator.url;
    // This host has a Microsoft provider, which would need the internet; a provider id that nothing registers takes
    // the path of hosts without one (some web hosts), where a pasted token is offered.
    settings['provlog.connections.authenticationProvider'] = 'provlog-unregistered-provider';
  });
  const workbench = useWorkbench({ workspace: dir, viewport: { width: 1500, height: 950 }, theme: 'dark', settings });
  after(async () => {
    await emulator.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('asks for workspace and time range, takes a pasted token where there is no Microsoft sign-in, and fills the viewer', async () => {
    const w = workbench();
    await w.page.locator('.activitybar [aria-label^="Provisioning Logs"]').first().waitFor({ timeout: 60_000 });
    await w.runCommand('Provisioning Logs: Query Log Analytics…');
    const quick = w.page.locator('.quick-input-widget');
    await quick.locator('.quick-input-list .monaco-list-row', { hasText: 'Enter a workspace resource ID' }).first().click();
    await quick.locator('input').fill(WS);
    await w.page.keyboard.press('Enter');
    await quick.locator('.quick-input-list .monaco-list-row', { hasText: 'Custom range' }).first().click();
    await quick.locator('input').fill('2026-02-01T08:00:00Z/2026-02-01T09:00:00Z');
    await w.page.keyboard.press('Enter');
    // No Microsoft account provider here: the extension says so and offers the Azure CLI or a pasted token.
    const dialog = w.page.locator('.monaco-dialog-box');
    await dialog.waitFor({ timeout: 30_000 });
    assert.match(await dialog.innerText(), /no "provlog-unregistered-provider" account sign-in/);
    await dialog.getByRole('button', { name: 'Paste a Token' }).click();
    const tokenInput = quick.locator('input[type=password]');
    await tokenInput.waitFor();
    await tokenInput.fill(TOKEN);
    await w.page.keyboard.press('Enter');
    const frame = await queryViewer(w, ROWS);
    const header = await frame.locator('.viewer-header').innerText();
    assert.match(header, /Log Analytics AADProvisioningLogs export \(JSON\)/);
    assert.ok((await frame.locator('.grid-body .grid-row').count()) > 10);
    assert.ok(emulator.stats.partials > 0, 'the service cut results short and the query split them');
    assert.ok(emulator.stats.maxInFlight <= 5);
    await w.screenshot('viewer-log-analytics');
  });

  it('offers the workspace again, finds it by browsing subscriptions, and keeps the pasted token for the window', async () => {
    const w = workbench();
    const before = emulator.stats.queries;
    await w.runCommand('Provisioning Logs: Query Log Analytics…');
    const quick = w.page.locator('.quick-input-widget');
    const rows = quick.locator('.quick-input-list .monaco-list-row');
    await rows.first().waitFor();
    assert.match(await rows.first().innerText(), /entra-logs/, 'the recent workspace comes first');
    await rows.filter({ hasText: 'Browse subscriptions' }).first().click();
    await rows.filter({ hasText: 'Identity' }).first().click();
    await rows.filter({ hasText: 'entra-logs' }).first().click();
    await rows.filter({ hasText: 'Custom range' }).first().click();
    await quick.locator('input').fill('2026-02-01T08:00:00Z/2026-02-01T08:10:00Z');
    await w.page.keyboard.press('Enter');
    // 600 rows, and no sign-in question: the pasted token is still held in memory.
    await queryViewer(w, 600);
    assert.equal(await w.page.locator('.monaco-dialog-box').count(), 0);
    assert.ok(emulator.stats.queries > before);
  });
});
