// Debian's Chromium, headless, driven by playwright-core. Playwright gives each launch a fresh profile
// folder and kills the browser's process group if this process exits; signals are left to the caller.
// Chromium's own config and cache (crash reports, dconf) go to a scratch folder, not the user's home.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium } from 'playwright-core';
import { chromiumPath } from './repoPaths';

const FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export async function launchChromium(): Promise<Browser> {
  const scratch = mkdtempSync(join(tmpdir(), 'provlog-chromium-'));
  const removeScratch = (): void => rmSync(scratch, { recursive: true, force: true });
  try {
    const browser = await chromium.launch({
      executablePath: chromiumPath,
      headless: true,
      args: FLAGS,
      env: { ...process.env, XDG_CONFIG_HOME: join(scratch, 'config'), XDG_CACHE_HOME: join(scratch, 'cache') },
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
      timeout: 60_000,
    });
    browser.once('disconnected', removeScratch);
    return browser;
  } catch (e) {
    removeScratch();
    throw e;
  }
}

/** Closes the browser, giving up after `ms` (its process group is then killed when this process exits). */
export async function closeBrowser(browser: Browser | undefined, ms = 5000): Promise<void> {
  if (!browser) return;
  await Promise.race([browser.close().catch(() => undefined), new Promise((r) => setTimeout(r, ms))]);
}
