// "Fetch from Microsoft Graph…" as a person uses it, against the local Graph emulator: the palette command, a
// token pasted where the host has no Microsoft sign-in (code-server), the application and window picked, the
// file saved in the workspace, then the fetched logs in the viewer. Screenshot: docs/screenshots/graph-fetch.png.
import * as assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GraphEmulator } from '../emulators/graph';
import { generateRecords } from '../fixtures/generator/records';
import { countText, formatted, openInExplorer, waitForCount } from './viewerPage';
import { useWorkbench } from './workbench';

const TOKEN = 'e2e-graph-token-8c7b6a5f4e3d2c1b';
const APP = 'ServiceNow';

describe('Graph fetch (as a person sees it)', function () {
  this.timeout(180_000);
  const dir = mkdtempSync(join(tmpdir(), 'provlog-graph-e2e-'));
  // The workbench counts as ready when the Explorer lists something.
  writeFileSync(join(dir, 'notes.md'), '# Fetched logs\n');
  // Newest cycle two hours ago, so "Last 30 days" holds most of them.
  const records = generateRecords({ count: 2500, seed: 31, end: Date.now() - 2 * 3600_000 });
  const settings: Record<string, unknown> = {};
  let emu: GraphEmulator;
  before(async () => {
    emu = await GraphEmulator.start({ records, tokens: { [TOKEN]: 'reader' }, budget: { requests: 50, windowMs: 10_000 } });
    // No account provider of this name exists: the extension offers the Azure CLI or a pasted token.
    Object.assign(settings, {
      'provlog.connections.graphUrl': emu.url,
      'provlog.connections.authenticationProvider': 'provlog-e2e-no-provider',
      'provlog.connections.graph.requestsPer10Seconds': 50,
    });
  });
  const workbench = useWorkbench({ workspace: dir, viewport: { width: 1500, height: 950 }, theme: 'dark', settings });
  after(async () => {
    await emu.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('fetches the last 30 days of one application into a file and shows it in the viewer', async () => {
    const w = workbench();
    await w.page.locator('.activitybar [aria-label^="Provisioning Logs"]').first().waitFor({ timeout: 60_000 });
    await w.runCommand('Provisioning Logs: Fetch from Microsoft Graph…');
    await w.page.getByRole('button', { name: 'Paste a Token' }).click({ timeout: 60_000 });
    const input = w.page.locator('.quick-input-widget input');
    await input.fill(TOKEN);
    await input.press('Enter');
    await w.pickFromQuickInput(APP, APP);
    await w.pickFromQuickInput('Last 30 days', 'Last 30 days');
    // No status picked (all), no identity, the suggested file name in the workspace.
    for (const title of ['Only some statuses', 'Only one identity', 'Save the fetched logs as']) {
      await w.page.locator('.quick-input-widget', { hasText: title }).first().waitFor().catch(() => undefined);
      await w.page.keyboard.press('Enter');
      await w.page.waitForTimeout(400);
    }
    const done = w.page.locator('.notifications-toasts', { hasText: /records in .*provisioning-graph-.*\.jsonl/ });
    await done.first().waitFor({ timeout: 90_000 });
    const name = readdirSync(dir).find((f) => /^provisioning-graph-.*\.jsonl$/.test(f))!;
    const lines = readFileSync(join(dir, name), 'utf8').trimEnd().split('\n');
    const spOf = (o: Record<string, unknown>): string => (o['servicePrincipal'] as { displayName: string }).displayName;
    const since = Date.now() - 30 * 86400_000;
    const expected = records.filter((r) => spOf(r) === APP && Date.parse(String(r['activityDateTime'])) > since).length;
    assert.ok(expected > 0);
    assert.equal(lines.length, expected);
    assert.ok(lines.every((l) => spOf(JSON.parse(l) as Record<string, unknown>) === APP));
    assert.ok(emu.stats.filters.some((f) => f.includes('servicePrincipal/id eq')), 'the application was filtered by Graph');
    // The viewer opened on the first page; opened again it shows the whole file.
    await w.page.keyboard.press('Escape');
    await w.runCommand('View: Close All Editors');
    const frame = await openInExplorer(w, name);
    await waitForCount(frame, `${formatted(expected)} events`);
    assert.equal(await countText(frame), `${formatted(expected)} events`);
    assert.ok(!(await w.visibleText()).includes(TOKEN));
    await w.screenshot('graph-fetch');
  });
});
