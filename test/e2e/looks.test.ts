// How the viewer and the detail panel look side by side, the usual layout: at three window widths, in
// the four kinds of theme, and with a hostile name in the panel's tab title. The screenshots go to
// docs/screenshots/before-after/after-*.png when refreshed on purpose (npm run screenshots).
import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import type { Frame } from 'playwright-core';
import type { ThemeKind } from '../harness/workbenchSettings';
import { type Probe, measureContrast } from './contrast';
import { type InPage, type PageEl, exampleWorkspace, openInExplorer } from './viewerPage';
import { type Workbench, useWorkbench } from './workbench';

const MAIN = 'ProvisioningLogs_2026-03-02.json';
const HOSTILE = 'provisioning-hostile-names.json';
const ws = exampleWorkspace();

async function openDetailsOf(workbench: Workbench, frame: Frame, rowText: string | RegExp): Promise<void> {
  await frame.locator('.grid-body .grid-row:not(.loading)', { hasText: rowText }).first().locator('.grid-cell').first().click();
  await workbench.page.keyboard.press('Enter');
  await workbench.webviewFrame('.detail-header');
}

function shot(workbench: Workbench, name: string): Promise<string> {
  return workbench.screenshot(join('before-after', `after-${name}`));
}

describe('viewer and detail panel side by side (widths, themes, hostile titles)', function () {
  this.timeout(180_000);
  before(() => ws.write());
  const workbench = useWorkbench({ workspace: ws.dir, viewport: { width: 1600, height: 900 }, theme: 'light' });
  after(() => ws.cleanup());

  it('shows a hostile name revealed, not obeyed, on every surface VS Code draws for us', async () => {
    const page = workbench().page;
    const frame = await openInExplorer(workbench(), HOSTILE);
    await openDetailsOf(workbench(), frame, /Evil/);
    const surfaces: Record<string, string> = {};
    try {
    surfaces['panel tab title'] = await page.locator('.tabs-container .tab', { hasText: 'Change:' }).first().innerText();
    // The tree of jobs, cycles and changes, all expanded down to the changes.
    await page.locator('.activitybar [aria-label^="Provisioning Logs"]').first().click();
    const tree = page.locator('.pane', { has: page.locator('.pane-header', { hasText: /Provisioning Logs|Logs/ }) }).first();
    for (let level = 0; level < 3; level++) {
      const closed = tree.locator('.monaco-list-row[aria-expanded="false"]');
      const n = await closed.count();
      for (let k = n - 1; k >= 0; k--) await closed.nth(k).click();
      await page.waitForTimeout(300);
    }
    surfaces['tree labels and descriptions'] = await tree.innerText();
    await shot(workbench(), 'hostile-title');
    await workbench().runCommand('View: Focus Problems (Errors, Warnings, Infos)');
    const problems = page.locator('.markers-panel');
    await problems.getByText(/Evil/).first().waitFor({ timeout: 15_000 });
    surfaces['Problems'] = await problems.innerText();
    surfaces['status bar'] = await page.locator('.statusbar').innerText();
    await page.keyboard.press('F1');
    await page.locator('.quick-input-widget input').fill('>Provisioning Logs: Go to Change ID');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Go to Change ID' }).first().click();
    await page.locator('.quick-input-widget input').fill('Evil');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Evil' }).first().waitFor();
    surfaces['Go to Change items'] = await page.locator('.quick-input-widget').innerText();
    await page.keyboard.press('Escape');
    } finally {
      // Back to the Explorer, the panel closed, for the tests that follow.
      await page.keyboard.press('Escape');
      await workbench().runCommand('View: Toggle Panel Visibility');
      await workbench().runCommand('View: Show Explorer');
    }
    for (const [surface, text] of Object.entries(surfaces)) {
      assert.doesNotMatch(text, /[\u202a-\u202e\u2066-\u2069]/, `${surface} holds a raw direction control`);
      if (surface !== 'status bar') assert.ok(text.includes('Evil ⟨U+202E⟩gnp.exe⟨U+202C⟩'), `${surface} shows the override: ${text.slice(0, 300)}`);
    }
  });

  it('gives way by importance at three widths', async () => {
    const frame = await openInExplorer(workbench(), MAIN);
    await frame.locator('.status-badge.status-failure').click();
    await openDetailsOf(workbench(), frame, /Failure/);
    for (const width of [1600, 1200, 900]) {
      await workbench().page.setViewportSize({ width, height: 900 });
      await workbench().page.waitForTimeout(800);
      await shot(workbench(), `side-by-side-${width}`);
      const seen = await frame.evaluate(() => {
        const doc = (globalThis as unknown as InPage).document;
        const box = (e: PageEl | null): { left: number; right: number } => (e as unknown as { getBoundingClientRect(): { left: number; right: number } }).getBoundingClientRect();
        const grid = box(doc.querySelector('.grid'));
        const status = Array.from(doc.querySelectorAll('[role=columnheader]')).find((h) => h.textContent?.includes('Status')) ?? null;
        const codes = Array.from(doc.querySelectorAll('.code-name')).map((c) => c.textContent ?? '');
        const scroller = doc.querySelector('.grid') as unknown as { scrollWidth: number; clientWidth: number };
        return { statusInSight: box(status).right <= grid.right + 1, codes, scrollWidth: scroller.scrollWidth, clientWidth: scroller.clientWidth };
      });
      // Beside the panel the status stays in sight: IDs and systems gave way, and at 900 px (the
      // viewer a third of the screen) the least important columns folded away; nothing scrolls sideways.
      assert.ok(seen.statusInSight, `the Status column is out of sight at ${width} px`);
      assert.ok(seen.scrollWidth <= seen.clientWidth, `the table scrolls sideways at ${width} px: ${seen.scrollWidth} > ${seen.clientWidth}`);
      assert.equal(new Set(seen.codes).size, seen.codes.length, `two top codes read the same at ${width} px: ${seen.codes.join(', ')}`);
    }
    await workbench().page.setViewportSize({ width: 1600, height: 900 });
    await frame.getByRole('button', { name: 'Clear all' }).click();
  });

  for (const theme of ['light', 'dark', 'high-contrast', 'high-contrast-light'] as ThemeKind[]) {
    it(`shows the status colours readable in ${theme}`, async () => {
      await workbench().setTheme(theme);
      const frame = await openInExplorer(workbench(), MAIN);
      await frame.locator('.grid-body').waitFor();
      await workbench().page.waitForTimeout(800);
      await shot(workbench(), `themes-${theme}`);
      const probes: Probe[] = [];
      for (const s of ['success', 'failure', 'warning', 'skipped']) {
        probes.push([`${s} icon of its badge`, `.status-badge.status-${s} .codicon`, 'color'], [`${s} bar of the chart`, `.seg-${s}`, 'fill']);
      }
      probes.push(['failure icon in the table', '.grid-cell.status-failure .codicon', 'color']);
      const measured = await measureContrast(frame, probes);
      const words = await measureContrast(frame, [
        ['status word in the table', '.grid-cell.status-failure span:not(.codicon)', 'color'],
        ['status word of a badge', '.status-badge.status-success .badge-label, .status-badge.status-success', 'color'],
      ]);
      console.log(`      ${theme}: ${[...measured, ...words].map((m) => `${m.what} ${m.ratio}:1`).join(', ')}`);
      for (const m of measured) assert.ok(m.ratio >= 3, `${theme}: ${m.what} measures ${m.ratio}:1 (${m.fg} on ${m.bg}), under 3:1`);
      for (const m of words) assert.ok(m.ratio >= 4.5, `${theme}: ${m.what} measures ${m.ratio}:1 (${m.fg} on ${m.bg}), under 4.5:1`);
    });
  }
});
