// A person's view of the extension: code-server (VS Code 1.100.3) with this extension installed, a
// workspace folder open, driven in headless Chromium through Playwright by what a person does: clicks in
// the Explorer, the command palette, hovers, reading the screen, screenshots.
// Teardown stops the server's process group and the browser, on success, failure, timeout and signals.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { type Browser, type Frame, type Locator, type Page } from 'playwright-core';
import { closeBrowser, launchChromium } from '../harness/browser';
import { type CodeServer, startCodeServer } from '../harness/codeServer';
import { type PageGlobals } from '../harness/pageGlobals';
import { onTerminationSignal } from '../harness/processGroup';
import { builtExtension, repoRoot, thisExtension } from '../harness/repoPaths';
import { setupHost } from '../harness/setupHost';
import { THEMES, type ThemeKind, WEB_DEFAULT_THEME, quietWorkbenchSettings } from '../harness/workbenchSettings';
import { workbenchUrl } from '../harness/workbenchUrl';

export interface WorkbenchOptions {
  /** The folder to open. */
  workspace: string;
  viewport?: { width: number; height: number };
  theme?: ThemeKind;
  /** More user settings, over the quiet defaults. */
  settings?: Record<string, unknown>;
}

export const testResultsDir = join(repoRoot, 'test-results');
/**
 * Where screenshots go: test-results/screenshots (ignored) on every test run, so tests never change
 * tracked files; `npm run screenshots` points PROVLOG_SCREENSHOTS_DIR at docs/screenshots to refresh
 * the README's pictures on purpose.
 */
export const screenshotsDir = process.env['PROVLOG_SCREENSHOTS_DIR'] ? resolve(repoRoot, process.env['PROVLOG_SCREENSHOTS_DIR']) : join(testResultsDir, 'screenshots');

const live = new Set<Workbench>();
onTerminationSignal(async () => {
  await Promise.all([...live].map((w) => w.close()));
});

export class Workbench {
  private constructor(
    readonly page: Page,
    private readonly browser: Browser,
    private readonly server: CodeServer,
  ) {}

  /** Starts code-server and the browser and waits until the workbench shows the workspace. */
  static async start(options: WorkbenchOptions): Promise<Workbench> {
    if (!existsSync(builtExtension)) throw new Error(`${builtExtension} is missing: build first with node esbuild.mjs --tests`);
    await setupHost();
    const server = await startCodeServer({
      settings: { ...quietWorkbenchSettings(options.theme), ...options.settings },
      installExtensions: [thisExtension()],
    });
    let browser: Browser | undefined;
    let workbench: Workbench | undefined;
    try {
      browser = await launchChromium();
      const context = await browser.newContext({ viewport: options.viewport ?? { width: 1400, height: 900 } });
      workbench = new Workbench(await context.newPage(), browser, server);
      live.add(workbench);
      await workbench.page.goto(workbenchUrl(server.origin, { folder: options.workspace }));
      await workbench.waitForWorkbench();
      return workbench;
    } catch (e) {
      await workbench?.screenshotTo(join(testResultsDir, 'workbench-start-failure.png')).catch(() => undefined);
      if (workbench) live.delete(workbench);
      await closeBrowser(browser);
      await server.stop();
      throw e;
    }
  }

  /** The Explorer's row for a file or folder shown by that name. */
  explorerItem(name: string): Locator {
    return this.page.locator('.explorer-folders-view').getByRole('treeitem', { name, exact: true });
  }

  /** Clicks the file in the Explorer, as a person would, and waits for its editor tab. */
  async openFile(name: string): Promise<void> {
    await this.explorerItem(name).click();
    await this.page.locator('.tabs-container .tab', { hasText: name }).first().waitFor();
  }

  /**
   * F1, the command's title, a click on it: runs a command from the command palette. Focus stays where it
   * is, as for a person: commands whose `when` needs a focused editor are listed only if one is focused.
   */
  async runCommand(title: string, timeoutMs = 60_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      await this.page.keyboard.press('F1');
      try {
        await this.pickFromQuickInput(`>${title}`, title, 15_000);
        return;
      } catch (e) {
        // On a busy machine the palette can miss the key (a page still booting has it) or close before the
        // click (a page taking focus): a person would open it again, and so does this.
        if (Date.now() > deadline) throw e;
        await this.page.keyboard.press('Escape');
      }
    }
  }

  /**
   * Types `filter` into the open quick input and clicks the entry labelled exactly `label`. Types again
   * while it is missing: the list is computed as the text changes, and a command can become available
   * a moment later (an extension activating, an editor's language being set).
   */
  async pickFromQuickInput(filter: string, label: string, timeoutMs = 30_000): Promise<void> {
    const input = this.page.locator('.quick-input-widget input');
    await input.waitFor({ timeout: timeoutMs });
    const row = this.page
      .locator('.quick-input-list .monaco-list-row')
      .filter({ has: this.page.locator('.label-name', { hasText: new RegExp(`^${escapeRegExp(label)}$`) }) })
      .first();
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      await input.fill(filter);
      try {
        await row.waitFor({ timeout: 1000 });
        break;
      } catch (e) {
        if (Date.now() > deadline) throw new Error(`"${label}" is not offered for "${filter}" after ${timeoutMs} ms`, { cause: e });
        await input.fill('');
      }
    }
    await row.click({ timeout: 5000 });
  }

  /** The text a person sees in the part of the page `selector` names (the whole workbench by default). */
  async visibleText(selector = '.monaco-workbench'): Promise<string> {
    return normaliseSpaces(await this.page.locator(selector).first().innerText());
  }

  /** The text of the active text editor's visible lines. */
  async editorText(): Promise<string> {
    const lines = this.page.locator('.editor-group-container.active .monaco-editor .view-lines');
    await lines.first().waitFor();
    return normaliseSpaces(await lines.first().innerText());
  }

  /** The (nested) frame of a webview whose document has an element matching `selector`. */
  async webviewFrame(selector: string, timeoutMs = 30_000): Promise<Frame> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      for (const frame of this.page.frames()) {
        if (frame === this.page.mainFrame()) continue;
        if (await frame.$(selector).catch(() => null)) return frame;
      }
      if (Date.now() > deadline) throw new Error(`no webview frame holds ${selector} after ${timeoutMs} ms`);
      await this.page.waitForTimeout(200);
    }
  }

  /** Moves the mouse to (x, y) of the page and leaves it there, as a person pausing over something. */
  async hover(x: number, y: number): Promise<void> {
    await this.page.mouse.move(x, y, { steps: 5 });
  }

  /**
   * Sets the colour theme as a person does (Preferences: Color Theme), which VS Code stores in the user
   * settings (workbench.colorTheme); waits until the workbench wears it and settings.json says so.
   */
  async setTheme(kind: ThemeKind): Promise<void> {
    const theme = THEMES[kind];
    await this.runCommand('Preferences: Color Theme');
    await this.pickFromQuickInput(theme.label, theme.label);
    await this.page.waitForFunction(
      (cls) => (globalThis as unknown as PageGlobals).document.querySelector('.monaco-workbench')?.classList.contains(cls) === true,
      theme.bodyClass,
      { timeout: 15_000 },
    );
    const deadline = Date.now() + 10_000;
    while (((await this.userSettings())['workbench.colorTheme'] ?? WEB_DEFAULT_THEME) !== theme.name) {
      if (Date.now() > deadline) throw new Error(`settings.json does not hold workbench.colorTheme "${theme.name}"`);
      await this.page.waitForTimeout(100);
    }
  }

  /**
   * The user settings (settings.json) as VS Code has saved them. VS Code rewrites the file in place, so
   * a read can catch it empty or half written: such a read is tried again for a few seconds.
   */
  async userSettings(): Promise<Record<string, unknown>> {
    const deadline = Date.now() + 5_000;
    for (;;) {
      try {
        return JSON.parse(readFileSync(this.server.userSettingsFile, 'utf8')) as Record<string, unknown>;
      } catch (e) {
        if (!(e instanceof SyntaxError) || Date.now() > deadline) throw e;
        await this.page.waitForTimeout(100);
      }
    }
  }

  /**
   * Changes user settings in settings.json and reloads the window, which is when this host reads them
   * (code-server's web workbench does not notice the file changing under it).
   */
  async updateSettings(changes: Record<string, unknown>): Promise<void> {
    writeFileSync(this.server.userSettingsFile, JSON.stringify({ ...(await this.userSettings()), ...changes }, null, 2));
    await this.page.reload();
    await this.waitForWorkbench();
  }

  private async waitForWorkbench(): Promise<void> {
    await this.page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    await this.page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 60_000 });
  }

  /** Saves <screenshotsDir>/<name>.png: the README's pictures when refreshed with npm run screenshots. */
  async screenshot(name: string): Promise<string> {
    return this.screenshotTo(join(screenshotsDir, `${name}.png`));
  }

  async screenshotTo(file: string): Promise<string> {
    mkdirSync(dirname(file), { recursive: true });
    await this.page.screenshot({ path: file });
    return file;
  }

  /** Stops the browser and the server's whole process group. Safe to call twice. */
  async close(): Promise<void> {
    live.delete(this);
    await closeBrowser(this.browser);
    await this.server.stop();
  }
}

/**
 * Mocha hooks for a suite driving one workbench: started before the suite, a screenshot of every failing
 * test into test-results/, closed after the suite whatever happened. Returns the running workbench.
 */
export function useWorkbench(options: WorkbenchOptions): () => Workbench {
  let workbench: Workbench | undefined;
  before(async function () {
    this.timeout(180_000);
    workbench = await Workbench.start(options);
  });
  afterEach(async function () {
    const test = this.currentTest;
    if (!workbench || !test || test.state !== 'failed') return;
    const file = await workbench.screenshotTo(join(testResultsDir, `${test.fullTitle().replace(/[^\w.-]+/g, '_')}.png`)).catch(() => undefined);
    if (file) console.log(`    screenshot of the failure: ${file}`);
  });
  after(async function () {
    this.timeout(30_000);
    await workbench?.close();
  });
  return () => {
    if (!workbench) throw new Error('the workbench is not running (did its before hook fail?)');
    return workbench;
  };
}

/** `s` with every character that means something in a regular expression escaped: the pattern matches `s` as text. */
export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** innerText of the editor uses no-break spaces; tests compare with ordinary ones. */
function normaliseSpaces(s: string): string {
  return s.replace(/\u00a0/g, ' ');
}
