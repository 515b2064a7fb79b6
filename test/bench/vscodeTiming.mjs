// `npm run bench:vscode`: the viewer timing suite in a real VS Code, against the production build (minified
// pages, as the .vsix ships them; the test build's pages carry inline source maps several times their size).
// Pass an event count to time another size: `npm run bench:vscode -- 930000` (a 2.5 GB download).
import { spawnSync } from 'node:child_process';

const events = process.argv[2];
const step = (args, env = {}) => {
  const r = spawnSync(process.execPath, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (r.status !== 0) process.exit(r.status ?? 1);
};
step(['esbuild.mjs', '--tests']);
step(['esbuild.mjs', '--production']);
step(['--enable-source-maps', 'out/test/harness/runIntegration.js'], {
  PROVLOG_TIMING: '1',
  PROVLOG_TEST_GREP: 'viewer timing',
  ...(events ? { PROVLOG_TIMING_EVENTS: events } : {}),
});
