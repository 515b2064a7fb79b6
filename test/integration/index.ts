// The in-host test runner: VS Code's extension host loads this file (extensionTestsPath) and awaits run().
// The suites are imported explicitly by suites.ts (no globbing), which esbuild bundles as its own file,
// out/test/integration/suites.js; mocha loads that bundle as it would load a test file. Stack traces name
// the bundle's lines: the extension host did not apply source maps, even with process.setSourceMapsEnabled.
import Mocha from 'mocha';
import { join } from 'node:path';
import { repoRoot } from '../harness/repoPaths';

export async function run(): Promise<void> {
  const mocha = new Mocha({
    ui: 'bdd',
    // Writes the counts to PROVLOG_COUNTS_FILE for test/run.mjs.
    reporter: join(repoRoot, 'test', 'harness', 'countingReporter.cjs'),
    timeout: 60_000,
    color: false,
  });
  // PROVLOG_TEST_GREP runs only the matching tests (runIntegration passes it on).
  const grep = process.env['PROVLOG_TEST_GREP'];
  if (grep) mocha.grep(grep);
  mocha.addFile(join(__dirname, 'suites.js'));
  const failures = await new Promise<number>((resolve) => mocha.run(resolve));
  if (failures > 0) throw new Error(`${failures} integration test(s) failed`);
}
