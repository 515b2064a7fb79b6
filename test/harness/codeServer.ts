// Starts code-server (VS Code's server and web workbench) on 127.0.0.1 in a process group of its own,
// with throw-away user-data, extensions, XDG and TMPDIR folders, and never a marketplace.
import { type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { get } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnGroup, stopGroup } from './processGroup';
import { codeServerEntry } from './repoPaths';

export const HOST = '127.0.0.1';

export interface CodeServerOptions {
  /** A port to try first; a free one is taken when it is busy or not given. */
  port?: number;
  /** Extra environment for the server, and so for the extension host it starts. */
  env?: NodeJS.ProcessEnv;
  /** User settings (settings.json) to start with. */
  settings?: Record<string, unknown>;
  /** Extension folders to install by linking them into the extensions folder, as a user's install would place them. */
  installExtensions?: readonly { id: string; version: string; path: string }[];
  /** Called with each line code-server prints. */
  onOutput?: (line: string) => void;
}

export interface CodeServer {
  readonly port: number;
  /** http://127.0.0.1:PORT */
  readonly origin: string;
  /** The throw-away folder holding user data, extensions, XDG dirs and TMPDIR. */
  readonly scratch: string;
  readonly userSettingsFile: string;
  /** Resolves with the exit code if the server stops by itself. */
  readonly exited: Promise<number | null>;
  /** Stops the whole process group and deletes the scratch folder. Every call waits for the same stop. */
  stop(): Promise<void>;
}

function canListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = createServer();
    s.once('error', () => resolve(false));
    s.listen(port, HOST, () => s.close(() => resolve(true)));
  });
}

/** `preferred` when it is free on 127.0.0.1, else a free port the system picks. */
export async function freePort(preferred?: number): Promise<number> {
  if (preferred !== undefined && preferred > 0 && (await canListen(preferred))) return preferred;
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, HOST, () => {
      const address = s.address();
      s.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no free port'))));
    });
  });
}

function healthy(origin: string): Promise<boolean> {
  return new Promise((resolve) => {
    const req = get(`${origin}/healthz`, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.on('error', () => resolve(false));
    req.setTimeout(2000, () => req.destroy());
  });
}

/** The environment without variables that would tie the server to a VS Code this process may run in. */
function cleanEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const out: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(env)) if (!k.startsWith('VSCODE_') && k !== 'ELECTRON_RUN_AS_NODE') out[k] = v;
  return out;
}

export async function startCodeServer(options: CodeServerOptions = {}): Promise<CodeServer> {
  if (!existsSync(codeServerEntry)) throw new Error(`${codeServerEntry} is missing: set up the host first (npm run setup:host)`);
  const port = await freePort(options.port);
  const scratch = mkdtempSync(join(tmpdir(), 'provlog-code-server-'));
  const dirs = {
    userData: join(scratch, 'user-data'),
    extensions: join(scratch, 'extensions'),
    config: join(scratch, 'xdg-config'),
    data: join(scratch, 'xdg-data'),
    cache: join(scratch, 'xdg-cache'),
    tmp: join(scratch, 'tmp'),
  };
  for (const d of Object.values(dirs)) mkdirSync(d, { recursive: true });
  const userSettingsFile = join(dirs.userData, 'User', 'settings.json');
  mkdirSync(join(dirs.userData, 'User'), { recursive: true });
  writeFileSync(userSettingsFile, JSON.stringify(options.settings ?? {}, null, 2));
  for (const ext of options.installExtensions ?? []) {
    symlinkSync(ext.path, join(dirs.extensions, `${ext.id}-${ext.version}`), 'dir');
  }

  const origin = `http://${HOST}:${port}`;
  const args = [
    codeServerEntry,
    '--bind-addr', `${HOST}:${port}`,
    '--auth', 'none', // only because it listens on 127.0.0.1
    '--user-data-dir', dirs.userData,
    '--extensions-dir', dirs.extensions,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--ignore-last-opened',
  ];
  const env = {
    ...cleanEnv({ ...process.env, ...options.env }),
    EXTENSIONS_GALLERY: '{}',
    XDG_CONFIG_HOME: dirs.config,
    XDG_DATA_HOME: dirs.data,
    XDG_CACHE_HOME: dirs.cache,
    TMPDIR: dirs.tmp,
  };
  const child: ChildProcess = spawnGroup(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const pgid = child.pid as number;
  const output: string[] = [];
  const onData = (chunk: Buffer): void => {
    for (const line of chunk.toString('utf8').split('\n')) {
      if (!line) continue;
      output.push(line);
      if (output.length > 200) output.shift();
      options.onOutput?.(line);
    }
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> =>
    (stopping ??= stopGroup(pgid).then(() => rmSync(scratch, { recursive: true, force: true })));

  const deadline = Date.now() + 60_000;
  let gone = false;
  void exited.then(() => (gone = true));
  while (!(await healthy(origin))) {
    if (gone || Date.now() > deadline) {
      await stop();
      throw new Error(`code-server did not ${gone ? 'stay up' : 'answer within 60 s'} on ${origin}; its output:\n${output.join('\n')}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { port, origin, scratch, userSettingsFile, exited, stop };
}
