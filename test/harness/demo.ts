// `npm run demo`: builds the extension, sets up the host, writes example logs into .host/demo-logs and
// serves VS Code (code-server 1.100.3) with the extension installed and that folder open, on
// http://127.0.0.1:PORT (env PORT, default 8080; a free port if that one is busy). Ctrl-C stops everything.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { writeExampleLogs } from '../fixtures/examples';
import { startCodeServer } from './codeServer';
import { onTerminationSignal } from './processGroup';
import { hostDir, repoRoot, thisExtension } from './repoPaths';
import { runAsScript } from './scriptEntry';
import { setupHost } from './setupHost';
import { quietWorkbenchSettings } from './workbenchSettings';
import { workbenchUrl } from './workbenchUrl';

const DEFAULT_PORT = 8080;

async function main(): Promise<number> {
  console.log('demo: building the extension …');
  if (spawnSync(process.execPath, ['esbuild.mjs'], { cwd: repoRoot, stdio: 'inherit' }).status !== 0) throw new Error('the build failed');
  await setupHost();
  const folder = join(hostDir, 'demo-logs');
  const files = await writeExampleLogs(folder);
  console.log(`demo: ${files.length} example log file(s) in ${folder}`);

  const wanted = Number(process.env.PORT ?? DEFAULT_PORT);
  const server = await startCodeServer({ port: wanted, settings: quietWorkbenchSettings(), installExtensions: [thisExtension()] });
  let stopping = false;
  onTerminationSignal(async () => {
    stopping = true;
    console.log('\ndemo: stopping code-server …');
    await server.stop();
    console.log('demo: stopped');
  });
  if (server.port !== wanted) console.log(`demo: port ${wanted} is busy, using ${server.port}`);
  console.log(`\n  Open ${workbenchUrl(server.origin, { folder })}\n\n  (served on 127.0.0.1 only; Ctrl-C stops it)\n`);
  const code = await server.exited;
  // On Ctrl-C the signal handler stops the server and exits; this run only waits for it.
  if (stopping) return new Promise<number>(() => undefined);
  await server.stop();
  console.error(`demo: code-server stopped by itself (exit ${code})`);
  return 1;
}

runAsScript('demo', main);
