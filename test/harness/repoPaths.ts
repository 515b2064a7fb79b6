// Where things are: the repository root (found from the running bundle, whatever its depth) and the
// folders and pinned versions of the test host that test/harness installs and drives.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const PACKAGE_NAME = 'entra-provisioning-logs';

/** The nearest folder at or above `start` whose package.json is this project's. */
export function findRepoRoot(start: string): string {
  for (let dir = start; ; dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest)) {
      try {
        if ((JSON.parse(readFileSync(manifest, 'utf8')) as { name?: unknown }).name === PACKAGE_NAME) return dir;
      } catch {
        // not ours: keep walking
      }
    }
    if (dirname(dir) === dir) throw new Error(`cannot find the ${PACKAGE_NAME} repository above ${start}`);
  }
}

export const repoRoot = findRepoRoot(__dirname);

/** The extension's id as VS Code sees it (publisher.name). */
export const EXTENSION_ID = 'provlog.entra-provisioning-logs';

/** code-server 4.100.3 is VS Code 1.100.3, the last release that runs on node 20. */
export const CODE_SERVER_VERSION = '4.100.3';
/** The @vscode/ripgrep version inside that code-server; its postinstall looks for a cached rg under this version. */
export const RIPGREP_PACKAGE_VERSION = '1.15.11';
export const RIPGREP_ASSET_VERSION = 'v13.0.0-10';

export const hostDir = join(repoRoot, '.host');
export const codeServerHome = join(hostDir, 'code-server');
export const codeServerEntry = join(codeServerHome, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
export const codeServerStamp = join(codeServerHome, 'installed-version');
export const chromiumPath = '/usr/bin/chromium';

/** The folder the integration and e2e tests open in VS Code (test/fixtures/workspace). */
export const fixtureWorkspace = join(repoRoot, 'test', 'fixtures', 'workspace');
/** The built extension: tests that need it check it first. */
export const builtExtension = join(repoRoot, 'dist', 'extension.js');

/** The executable that @vscode/test-electron's runTests spawns in place of VS Code. */
export const launcherScript = join(repoRoot, 'test', 'harness', 'code-launcher.sh');

/** A variable runIntegration hands to runTests, which the integration tests expect in the extension host. */
export const ENV_PROBE = { name: 'PROVLOG_ENV_PROBE', value: 'reached-the-extension-host' } as const;

/** This extension as an installed extension: the repository folder, linked into an extensions folder. */
export function thisExtension(): { id: string; version: string; path: string } {
  const { version } = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string };
  return { id: EXTENSION_ID, version, path: repoRoot };
}
