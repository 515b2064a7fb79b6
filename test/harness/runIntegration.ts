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
  await setupHost();
  const extensionTestsEnv: Record<string, string> = { [ENV_PROBE.name]: ENV_PROBE.value };
  if (process.env.PROVLOG_COUNTS_FILE) extensionTestsEnv.PROVLOG_COUNTS_FILE = process.env.PROVLOG_COUNTS_FILE;
  if (process.env.PROVLOG_TEST_GREP) extensionTestsEnv.PROVLOG_TEST_GREP = process.env.PROVLOG_TEST_GREP;
  try {
    return await runTests({
      vscodeExecutablePath: launcherScript,
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
