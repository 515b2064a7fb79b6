// What the detail panel's e2e tests share: a workspace of logs under names the viewer does not claim
// (so they open as text, as a person's own export might), and reading the panel's frame.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Frame } from 'playwright-core';
import { exampleSet } from '../fixtures/generator/exampleSet';
import { generateRecords, type GraphRecord } from '../fixtures/generator/records';
import type { Workbench } from './workbench';

export const SCIM_FILE = 'scim-app-export.json';
export const HOSTILE_FILE = 'hostile-names.json';

export interface DetailWorkspace {
  dir: string;
  /** The SCIM failure the tests open: a code the service retries 40 minutes later. */
  failure: GraphRecord;
  cleanup(): void;
}

export function detailWorkspace(): DetailWorkspace {
  const dir = mkdtempSync(join(tmpdir(), 'provlog-detail-e2e-'));
  const records = generateRecords({ seed: 7, count: 60, scenarios: ['scim'], perCycle: 20, failureRate: 0.3 });
  const failure = records.find((r) => {
    const info = r['provisioningStatusInfo'] as { errorInformation: { errorCode: string } | null };
    return info.errorInformation?.errorCode === 'Timeout' || info.errorInformation?.errorCode === 'InternalServerError';
  });
  if (!failure) throw new Error('the generated SCIM log has no Timeout or InternalServerError failure');
  writeFileSync(join(dir, SCIM_FILE), JSON.stringify(records, null, 2));
  const hostile = exampleSet().find((f) => f.name === 'provisioning-hostile-names.json');
  if (!hostile) throw new Error('the example set lost its hostile file');
  writeFileSync(join(dir, HOSTILE_FILE), hostile.bytes);
  return { dir, failure, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export function errorCodeOf(r: GraphRecord): string {
  return (r['provisioningStatusInfo'] as { errorInformation: { errorCode: string } }).errorInformation.errorCode;
}

/** `14:40 UTC` forty minutes after the record's time, as the retry sentence writes it. */
export function retryClock(r: GraphRecord): string {
  const t = Date.parse(String(r['activityDateTime'])) + 40 * 60_000;
  return `${new Date(t).toISOString().slice(11, 16)} UTC`;
}

/** Opens a file from the Explorer, puts the cursor on `text` with Find, and runs "Show Change Details". */
export async function showDetailsOf(workbench: Workbench, file: string, text: string): Promise<Frame> {
  await workbench.openFile(file);
  const page = workbench.page;
  await page.locator('.editor-group-container.active .monaco-editor').first().click({ position: { x: 200, y: 10 } });
  await page.keyboard.press('Control+F');
  const find = page.locator('.find-widget textarea, .find-widget input').first();
  await find.waitFor();
  await find.fill(text);
  await page.keyboard.press('Enter');
  await page.keyboard.press('Escape');
  await workbench.runCommand('Provisioning Logs: Show Change Details');
  return workbench.webviewFrame('.detail-header');
}

/** The selected tab's accessible name without its count ("Modified Properties, 4" → "Modified Properties"). */
export async function activeTab(frame: Frame): Promise<string> {
  const label = (await frame.locator('vscode-panel-tab[aria-selected="true"]').getAttribute('aria-label')) ?? '';
  return label.replace(/, .*$/, '');
}

export async function tabNames(frame: Frame): Promise<string[]> {
  const tabs = frame.locator('vscode-panel-tab');
  const out: string[] = [];
  for (let i = 0; i < (await tabs.count()); i++) out.push(((await tabs.nth(i).getAttribute('aria-label')) ?? '').replace(/, .*$/, ''));
  return out;
}

export async function waitForText(frame: Frame, selector: string, pattern: RegExp, timeoutMs = 15_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const text = await frame.locator(selector).first().innerText().catch(() => '');
    if (pattern.test(text)) return text;
    if (Date.now() > deadline) throw new Error(`${selector} does not show ${pattern} after ${timeoutMs} ms; it shows: ${text.slice(0, 300)}`);
    await new Promise((r) => setTimeout(r, 150));
  }
}
