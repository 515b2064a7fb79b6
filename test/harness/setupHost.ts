// Installs the test host, idempotently: Debian's chromium, ripgrep and libkrb5-dev (apt, as root), and a
// pinned code-server (= VS Code 1.100.3) in .host/code-server with its own package.json. A second run
// checks a stamp file and the binaries and returns in well under a second.
// Usage: node out/test/harness/setupHost.js   (or `npm run setup:host`)
import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CODE_SERVER_VERSION,
  RIPGREP_ASSET_VERSION,
  RIPGREP_PACKAGE_VERSION,
  chromiumPath,
  codeServerEntry,
  codeServerHome,
  codeServerStamp,
  hostDir,
} from './repoPaths';
import { processAlive } from './processGroup';
import { runAsScript } from './scriptEntry';

export interface HostInfo {
  codeServerEntry: string;
  chromiumPath: string;
  version: string;
}

/** Debian packages the host needs, each with a file that proves it is there. */
const DEBIAN_PACKAGES: readonly { pkg: string; proof: string }[] = [
  { pkg: 'chromium', proof: chromiumPath },
  { pkg: 'ripgrep', proof: '/usr/bin/rg' },
  { pkg: 'libkrb5-dev', proof: '/usr/include/gssapi/gssapi.h' },
];
/** Needed only to build code-server's native modules, so checked only before an install. */
const BUILD_TOOLS: readonly { cmd: string; pkg: string }[] = [
  { cmd: 'make', pkg: 'make' },
  { cmd: 'g++', pkg: 'g++' },
  { cmd: 'python3', pkg: 'python3' },
  { cmd: 'tar', pkg: 'tar' },
];

const log = (line: string): void => console.log(`host: ${line}`);

function hasCommand(cmd: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
}

function installedVersion(): string | undefined {
  try {
    return readFileSync(codeServerStamp, 'utf8').trim();
  } catch {
    return undefined;
  }
}

function aptInstall(packages: readonly string[]): void {
  const isRoot = process.getuid?.() === 0;
  if (!isRoot || !hasCommand('apt-get')) {
    throw new Error(`missing Debian packages: ${packages.join(' ')}. Install them as root: apt-get install -y ${packages.join(' ')}`);
  }
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  log(`apt-get update, then install ${packages.join(' ')} …`);
  const run = (args: string[]): void => {
    const r = spawnSync('apt-get', args, { env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    if (r.status !== 0) {
      throw new Error(`apt-get ${args.join(' ')} failed (exit ${r.status}):\n${(r.stderr || r.stdout).split('\n').slice(-15).join('\n')}`);
    }
  };
  run(['update', '-q']);
  run(['install', '-y', '-q', ...packages]);
}

function ensureDebianPackages(forInstall: boolean): void {
  const missing = DEBIAN_PACKAGES.filter((p) => !existsSync(p.proof)).map((p) => p.pkg);
  if (forInstall) missing.push(...BUILD_TOOLS.filter((t) => !hasCommand(t.cmd)).map((t) => t.pkg));
  if (missing.length === 0) return;
  aptInstall(missing);
  const still = DEBIAN_PACKAGES.filter((p) => !existsSync(p.proof));
  if (still.length > 0) throw new Error(`after apt-get install, still missing: ${still.map((p) => p.proof).join(', ')}`);
}

/** rg's release asset name as @vscode/ripgrep's postinstall looks for it in its cache. */
function ripgrepAssetName(): string {
  const target = process.arch === 'arm64' ? 'aarch64-unknown-linux-musl' : 'x86_64-unknown-linux-musl';
  return `ripgrep-${RIPGREP_ASSET_VERSION}-${target}.tar.gz`;
}

function runLogged(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv, logFile: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const out = createWriteStream(logFile);
    const child = spawn(cmd, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.pipe(out, { end: false });
    child.stderr.pipe(out, { end: false });
    child.on('error', reject);
    child.on('close', (code) => out.end(() => resolve(code ?? 1)));
  });
}

async function installCodeServer(): Promise<void> {
  const started = Date.now();
  mkdirSync(codeServerHome, { recursive: true });
  rmSync(codeServerStamp, { force: true });
  writeFileSync(
    join(codeServerHome, 'package.json'),
    JSON.stringify({ name: 'provlog-test-host', private: true, description: 'code-server for the tests and the demo; installed by test/harness/setupHost.ts', dependencies: { 'code-server': CODE_SERVER_VERSION } }, null, 2) + '\n',
  );
  // @vscode/ripgrep's postinstall downloads rg from GitHub unless its cache already holds the asset:
  // give it Debian's rg under that name in a TMPDIR of our own.
  const scratch = mkdtempSync(join(tmpdir(), 'provlog-host-install-'));
  try {
    const cache = join(scratch, `vscode-ripgrep-cache-${RIPGREP_PACKAGE_VERSION}`);
    mkdirSync(cache);
    const tar = spawnSync('tar', ['czf', join(cache, ripgrepAssetName()), '-C', '/usr/bin', 'rg']);
    if (tar.status !== 0) throw new Error(`could not pack /usr/bin/rg: ${tar.stderr.toString()}`);
    const logFile = join(codeServerHome, 'install.log');
    log(`npm install code-server@${CODE_SERVER_VERSION} into ${codeServerHome} (about a minute; log: ${logFile}) …`);
    const env = {
      ...process.env,
      TMPDIR: scratch,
      npm_config_unsafe_perm: 'true', // its postinstall refuses to run as root otherwise
      npm_config_yes: 'true', // a nested `npx node-gyp` must not wait for a yes
      npm_config_audit: 'false',
      npm_config_fund: 'false',
      npm_config_update_notifier: 'false',
    };
    const code = await runLogged('npm', ['install', '--no-audit', '--no-fund'], codeServerHome, env, logFile);
    if (code !== 0 || !existsSync(codeServerEntry)) {
      const tail = readFileSync(logFile, 'utf8').split('\n').slice(-25).join('\n');
      throw new Error(`npm install of code-server@${CODE_SERVER_VERSION} failed (exit ${code}); last lines of ${logFile}:\n${tail}`);
    }
    const rg = join(codeServerHome, 'node_modules', 'code-server', 'lib', 'vscode', 'node_modules', '@vscode', 'ripgrep', 'bin', 'rg');
    if (!existsSync(rg)) throw new Error(`code-server installed without ripgrep (${rg} missing): did its @vscode/ripgrep version change from ${RIPGREP_PACKAGE_VERSION}?`);
    // Its config and logs would otherwise land in ~/.config and ~/.local/share.
    const probeEnv = { ...process.env, XDG_CONFIG_HOME: join(scratch, 'config'), XDG_DATA_HOME: join(scratch, 'data') };
    const probe = spawnSync(process.execPath, [codeServerEntry, '--version'], { encoding: 'utf8', env: probeEnv }).stdout;
    // A first start logs "Wrote default config file …" before the version line.
    const version = /^(\d+\.\d+\.\d+) /m.exec(probe)?.[1];
    if (version !== CODE_SERVER_VERSION) throw new Error(`code-server --version says "${version}", expected ${CODE_SERVER_VERSION}`);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  writeFileSync(codeServerStamp, CODE_SERVER_VERSION + '\n');
  log(`code-server ${CODE_SERVER_VERSION} installed in ${Math.round((Date.now() - started) / 1000)} s`);
}

/** Makes sure the host is installed (installing what is missing) and says where it is. */
export async function setupHost(): Promise<HostInfo> {
  if (process.platform !== 'linux') throw new Error('the test host is set up for Linux (Debian) only');
  const nodeMajor = Number(process.versions.node.split('.')[0]);
  if (nodeMajor !== 20) throw new Error(`code-server ${CODE_SERVER_VERSION} needs node 20; this is node ${process.versions.node}`);
  const ready = (): boolean => installedVersion() === CODE_SERVER_VERSION && existsSync(codeServerEntry) && DEBIAN_PACKAGES.every((p) => existsSync(p.proof));
  if (ready()) {
    log(`code-server ${CODE_SERVER_VERSION} and chromium ready`);
  } else {
    // Several test runs may share this working tree: one installs, the others wait for it.
    await withInstallLock(async () => {
      if (ready()) return;
      ensureDebianPackages(true);
      if (installedVersion() !== CODE_SERVER_VERSION || !existsSync(codeServerEntry)) await installCodeServer();
    });
  }
  return { codeServerEntry, chromiumPath, version: CODE_SERVER_VERSION };
}

/** Runs `fn` holding .host/install.lock (a folder naming its owner's pid); a lock whose owner is gone is taken over. */
async function withInstallLock(fn: () => Promise<void>): Promise<void> {
  const lock = join(hostDir, 'install.lock');
  // The lock appears whole (pid file inside) by renaming a folder of our own onto its name.
  const mine = `${lock}.${process.pid}`;
  mkdirSync(mine, { recursive: true });
  writeFileSync(join(mine, 'pid'), String(process.pid));
  const deadline = Date.now() + 15 * 60_000;
  try {
    for (let said = false; ; ) {
      try {
        renameSync(mine, lock);
        break;
      } catch {
        let owner = NaN;
        try {
          owner = Number(readFileSync(join(lock, 'pid'), 'utf8'));
        } catch {
          continue; // released meanwhile
        }
        if (!(Number.isInteger(owner) && owner > 0 && processAlive(owner))) {
          rmSync(lock, { recursive: true, force: true });
          continue;
        }
        if (Date.now() > deadline) throw new Error(`${lock} is still held by process ${owner} after 15 minutes`);
        if (!said) log(`waiting for process ${owner}, which is installing the host …`);
        said = true;
        await new Promise((r) => setTimeout(r, 1000));
      }
    }
    await fn();
    rmSync(lock, { recursive: true, force: true });
  } finally {
    rmSync(mine, { recursive: true, force: true });
  }
}

runAsScript('setupHost', async () => {
  const started = Date.now();
  await setupHost();
  log(`done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return 0;
});
