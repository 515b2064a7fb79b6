// Stands in for the VS Code executable that @vscode/test-electron's runTests spawns: takes VS Code's CLI
// arguments, starts code-server (VS Code 1.100.3) and opens the workbench with the extension under
// development and its tests in headless Chromium, forwards the test output and exits with the tests' code.
// Whatever happens (end, failure, timeout, SIGINT/SIGTERM) it stops the server's process group and the browser.
// Env: PROVLOG_HOST_TIMEOUT_S (default 600), PROVLOG_HOST_VERBOSE=1 (server and browser console output).
import { type Browser, type Page } from 'playwright-core';
import { format } from 'node:util';
import { closeBrowser, launchChromium } from './browser';
import { type CodeServer, startCodeServer } from './codeServer';
import { parseLauncherArgs } from './launcherArgs';
import { type PageGlobals } from './pageGlobals';
import { onTerminationSignal } from './processGroup';
import { runAsScript } from './scriptEntry';
import { enableSmokeTestDriver } from './workbenchConfig';
import { workbenchUrl } from './workbenchUrl';

const verbose = process.env.PROVLOG_HOST_VERBOSE === '1';
const timeoutSeconds = Number(process.env.PROVLOG_HOST_TIMEOUT_S ?? '600');
const say = (line: string): void => console.log(`[launcher] ${line}`);

/** The workbench's own start-up chatter, shown only with PROVLOG_HOST_VERBOSE=1; everything else is printed. */
const WORKBENCH_CHATTER = [
  /^Resolving connection token /,
  /^Resolved connection token /,
  /^Creating a socket /,
  /^Ignoring fetching additional builtin extensions /,
  /^Updating additional builtin extensions cache/,
  /^\[Service Worker\]/,
  /^ChatSessionStore: /,
];

/** console.log-style arguments (format string first) as one line of text. */
function formatLogArgs(args: unknown): string {
  return format(...(Array.isArray(args) ? (args as unknown[]) : [args]));
}

/** `exited` resolves with the code VS Code hands to window.codeAutomationExit; window.codeAutomationLog is forwarded. */
async function exposeAutomation(page: Page): Promise<{ exited: Promise<number> }> {
  let exit: (code: number) => void = () => undefined;
  const exited = new Promise<number>((resolve) => (exit = resolve));
  await page.exposeFunction('codeAutomationLog', (type: string, args: unknown) => {
    const text = formatLogArgs(args);
    if (!verbose && WORKBENCH_CHATTER.some((re) => re.test(text))) return;
    if (type === 'error') process.stderr.write(text + '\n');
    else process.stdout.write(text + '\n');
  });
  await page.exposeFunction('codeAutomationExit', (code: number) => exit(code));
  return { exited };
}

/** Resolves with 1 if the workbench comes up without being an Extension Development Host (payload ignored). */
async function payloadIgnored(page: Page, stopping: () => boolean): Promise<number> {
  try {
    await page.waitForFunction(() => (globalThis as unknown as PageGlobals).document.title.includes('[Extension Development Host]'), undefined, { timeout: 90_000, polling: 500 });
  } catch (e) {
    if (stopping() || page.isClosed()) return new Promise<number>(() => undefined);
    const title = await page.title().catch(() => '?');
    say(`the workbench is no Extension Development Host after 90 s (page title "${title}"): VS Code ignored the test payload, or did not load (${e instanceof Error ? e.message.split('\n')[0] : String(e)})`);
    return 1;
  }
  return new Promise<number>(() => undefined);
}

async function main(): Promise<number> {
  if (!(timeoutSeconds > 0)) throw new Error(`PROVLOG_HOST_TIMEOUT_S must be a number of seconds above 0, not "${process.env.PROVLOG_HOST_TIMEOUT_S}"`);
  const args = parseLauncherArgs(process.argv.slice(2));
  if (!args.extensionTestsPath) throw new Error('--extensionTestsPath=… is required: this launcher only runs extension tests');
  if (args.ignored.length > 0 && verbose) say(`ignoring ${args.ignored.join(' ')}`);

  let server: CodeServer | undefined;
  let browser: Browser | undefined;
  let stopping = false;
  let signalled = false;
  const cleanup = async (): Promise<void> => {
    stopping = true;
    await closeBrowser(browser);
    await server?.stop();
  };
  onTerminationSignal(async (signal) => {
    signalled = true;
    say(`${signal}: stopping code-server and the browser`);
    await cleanup();
  });

  const started = Date.now();
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<number>((resolve) => {
    timer = setTimeout(() => {
      say(`timed out after ${timeoutSeconds} s (PROVLOG_HOST_TIMEOUT_S)`);
      resolve(124);
    }, timeoutSeconds * 1000);
  });
  const run = async (): Promise<number> => {
    server = await startCodeServer({ onOutput: verbose ? (l) => console.error(`[code-server] ${l}`) : undefined });
    const stopped = server.exited.then((code) => {
      if (!stopping) say(`code-server stopped unexpectedly (exit ${code})`);
      return 1;
    });
    browser = await launchChromium();
    const page = await browser.newPage();
    if (verbose) {
      page.on('console', (m) => console.error(`[browser ${m.type()}] ${m.text()}`));
      page.on('pageerror', (e) => console.error(`[browser pageerror] ${e.message}`));
    }
    const automation = await exposeAutomation(page);
    await enableSmokeTestDriver(page);
    const url = workbenchUrl(server.origin, {
      folder: args.folder,
      extensionDevelopmentPaths: args.extensionDevelopmentPaths,
      extensionTestsPath: args.extensionTestsPath,
    });
    if (verbose) say(`opening ${url}`);
    await page.goto(url);
    return Promise.race([automation.exited, stopped, payloadIgnored(page, () => stopping)]);
  };

  try {
    const code = await Promise.race([run(), timedOut]);
    say(`tests exited with ${code} after ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return code;
  } catch (e) {
    // After SIGINT/SIGTERM the run fails as its browser goes away; the signal handler sets the exit code.
    if (signalled) return new Promise<number>(() => undefined);
    throw e;
  } finally {
    clearTimeout(timer);
    await cleanup();
  }
}

runAsScript('launcher', main);
