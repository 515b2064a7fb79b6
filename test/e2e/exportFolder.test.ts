// A storage account's diagnostic export as a person downloads it (a folder tree of hourly PT1H.json
// blobs): right-click the folder in the Explorer, "Open Folder as Provisioning Log", every blob in one
// viewer; a failure's detail names its blob and "Go to record" opens it there. Screenshots go to the
// ignored test-results folder.
import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { diagnosticRecord, failedOverrides, lines, skippedOverrides } from '../fixtures/realShapes';
import { countText, viewerFrame } from './viewerPage';
import { testResultsDir, useWorkbench } from './workbench';

const ROOT = 'insights-logs-provisioninglogs';
const dir = mkdtempSync(join(tmpdir(), 'provlog-folder-e2e-'));
const hourDir = (h: number): string => join(dir, ROOT, 'resourceId=', 'tenants', '0d9e7c41', 'providers', 'Microsoft.aadiam', 'y=2026', 'm=03', 'd=07', `h=${h}`, 'm=00');
for (const h of [12, 13, 14]) {
  mkdirSync(hourDir(h), { recursive: true });
  const records = Array.from({ length: 4 }, (_, k) => diagnosticRecord(`e${h}-${k}`));
  if (h === 13) records.push(diagnosticRecord('skip-1', skippedOverrides('RedundantExport', "Skipped: User 'rowan@fabrikam.example' is already in sync"), { resultType: 'Skipped' }));
  if (h === 14) records.push(diagnosticRecord('fail-1', failedOverrides(), { resultType: 'Failure' }));
  writeFileSync(join(hourDir(h), 'PT1H.json'), lines(records));
}
writeFileSync(join(dir, ROOT, 'README.txt'), 'Downloaded with Azure Storage Explorer.\n');

describe('export folder (as a person opens it)', function () {
  this.timeout(180_000);
  const workbench = useWorkbench({ workspace: dir, viewport: { width: 1500, height: 900 }, theme: 'dark' });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('opens the folder from its Explorer menu as one log, and goes to a failure in its blob', async () => {
    const wb = workbench();
    const page = wb.page;
    await page.locator('.activitybar [aria-label^="Provisioning Logs"]').first().waitFor({ timeout: 60_000 });
    await wb.explorerItem(ROOT).click({ button: 'right' });
    const item = page.locator('.context-view .action-label', { hasText: 'Open Folder as Provisioning Log' }).first();
    await item.hover();
    await item.click();
    // A click that lands while the menu is still settling is lost; the highlighted item takes Enter.
    await item.waitFor({ state: 'detached', timeout: 5_000 }).catch(() => page.keyboard.press('Enter'));
    const frame = await viewerFrame(wb, `${ROOT} (folder)`, 60_000);
    assert.match(await countText(frame), /\b14\b/, 'four events an hour, one skip and one failure');
    assert.match(await frame.locator('body').innerText(), /1 file was skipped: .*README\.txt \(not a provisioning log\)/);
    await wb.screenshotTo(join(testResultsDir, 'export-folder-viewer-dark.png'));

    // The failure's row: its detail names the blob, and Go to record opens it at the record.
    await frame.locator('.grid-body .grid-row', { hasText: 'Failure' }).first().locator('.grid-cell').first().click();
    await page.keyboard.press('Enter');
    const detail = await wb.webviewFrame('[data-testid=record-file]', 60_000);
    const where = await detail.locator('[data-testid=record-file]').innerText();
    assert.equal(where, `${['resourceId=', 'tenants', '0d9e7c41', 'providers', 'Microsoft.aadiam', 'y=2026', 'm=03', 'd=07', 'h=14', 'm=00', 'PT1H.json'].join('/')}, line 5`);
    await wb.screenshotTo(join(testResultsDir, 'export-folder-detail-dark.png'));
    for (const theme of ['light', 'high-contrast'] as const) {
      await wb.setTheme(theme);
      await wb.screenshotTo(join(testResultsDir, `export-folder-detail-${theme}.png`));
    }
    await detail.locator('[data-action=goToRecord]').click();
    await page.locator('.tabs-container .tab.active', { hasText: 'PT1H.json' }).first().waitFor({ timeout: 30_000 });
    // The cursor stands at the start of the failure's record, line 5 of the hour-14 blob.
    await page.locator('.statusbar-item', { hasText: /Ln 5, Col 1\b/ }).first().waitFor({ timeout: 15_000 });
  });
});
