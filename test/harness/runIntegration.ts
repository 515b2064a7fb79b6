// The integration tier: sets up the host, then runs test/integration (built to out/test/integration) inside
// a real VS Code through @vscode/test-electron's runTests, with the project's launcher as the executable.
// Exit code: 0 when every test passed. Counts go to PROVLOG_COUNTS_FILE (written by the in-host reporter).
import { TestRunFailedError, runTests } from '@vscode/test-electron';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ENV_PROBE, builtExtension, fixtureWorkspace, launcherScript, repoRoot } from './repoPaths';
import { runAsScript } from './scriptEntry';
import { setupHost } from './setupHost';

async function main(): Promise<number> {
  const extensionTestsPath = join(repoRoot, 'out', 'test', 'integration', 'index.js');
  for (const built of [builtExtension, extensionTestsPath]) {
    if (!existsSync(built)) throw new Error(`${built} is missing: build first with node esbuild.mjs --tests`);
  }
  // PROVLOG_HOST=desktop runs the same suite on desktop VS Code, downloaded by @vscode/test-electron
  // (needs internet and a display); by default the offline code-server host serves.
  const desktop = process.env['PROVLOG_HOST'] === 'desktop';
  if (!desktop) await setupHost();
  const extensionTestsEnv: Record<string, string> = { [ENV_PROBE.name]: ENV_PROBE.value };
  // The project's own switches (PROVLOG_COUNTS_FILE, PROVLOG_TEST_GREP, PROVLOG_TIMING, …) reach the tests.
  for (const [name, value] of Object.entries(process.env)) {
    if (name.startsWith('PROVLOG_') && value !== undefined) extensionTestsEnv[name] = value;
  }
  try {
    return await runTests({
      ...(desktop ? { version: '1.100.3' } : { vscodeExecutablePath: launcherScript }),
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath,
      launchArgs: [fixtureWorkspace, '--disable-extensions'],
      extensionTestsEnv,
    });
  } catch (e) {
    if (e instanceof TestRunFailedError) return e.code ?? 1;
    throw e;
  }
}

runAsScript('runIntegration', main);
