// The test command: builds, then runs the tiers (lint, typecheck, unit, integration, e2e) and ends with
// one line "N passed, N failed" over all of them. Exits non-zero when any test fails or a tier cannot start.
// Usage: node test/run.mjs [lint|typecheck|unit|integration|e2e|package ...]   (default: all tiers)
// "package" runs last: it builds the .vsix with a production build, which replaces the test build in dist/.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ALL = ['lint', 'typecheck', 'unit', 'integration', 'e2e', 'package'];
const asked = process.argv.slice(2).filter((a) => !a.startsWith('-'));
// --readme-screenshots (npm run screenshots): the e2e tier writes its screenshots into docs/screenshots,
// the README's pictures, on purpose; otherwise they go to the ignored test-results/screenshots.
if (process.argv.includes('--readme-screenshots')) process.env.PROVLOG_SCREENSHOTS_DIR = 'docs/screenshots';
const tiers = asked.length > 0 ? asked : ALL;
for (const t of tiers) {
  if (!ALL.includes(t)) {
    console.error(`unknown tier "${t}"; tiers: ${ALL.join(', ')}`);
    process.exit(2);
  }
}

const bin = (name) => join('node_modules', '.bin', name);
const scratch = mkdtempSync(join(tmpdir(), 'provlog-test-'));
const mocha = (files, extra = []) => [bin('mocha'), ['--reporter', 'test/harness/countingReporter.cjs', '--enable-source-maps', ...extra, ...files]];

/** Each tier: the command, and whether it reports counts (mocha) or counts as one check. */
const plan = {
  lint: { cmd: [bin('eslint'), ['.']] },
  typecheck: { cmds: [[bin('tsc'), ['--noEmit', '-p', '.']], [bin('tsc'), ['--noEmit', '-p', 'webview-ui']]] },
  unit: { counted: true, cmd: mocha(['out/test/unit/**/*.test.js'], ['--timeout', '20000']) },
  integration: { counted: true, cmd: ['node', ['--enable-source-maps', 'out/test/harness/runIntegration.js']] },
  e2e: { counted: true, cmd: mocha(['out/test/e2e/**/*.test.js'], ['--timeout', '180000']) },
  package: { counted: true, cmd: mocha(['out/test/package/**/*.test.js'], ['--timeout', '300000']) },
};

function run([cmd, args], env = {}) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return r.status === 0;
}

let passed = 0;
let failed = 0;
const lines = [];

console.log('› build');
if (!run(['node', ['esbuild.mjs', '--tests']])) {
  console.log('build failed');
  console.log(`0 passed, 1 failed`);
  process.exit(1);
}

for (const tier of tiers) {
  console.log(`\n› ${tier}`);
  const p = plan[tier];
  if (p.cmds) {
    for (const c of p.cmds) {
      if (run(c)) passed++;
      else failed++;
    }
    lines.push(`${tier}: ${p.cmds.length} check(s)`);
    continue;
  }
  if (!p.counted) {
    if (run(p.cmd)) passed++;
    else failed++;
    lines.push(`${tier}: 1 check`);
    continue;
  }
  const countsFile = join(scratch, `${tier}.json`);
  const ok = run(p.cmd, { PROVLOG_COUNTS_FILE: countsFile });
  if (!existsSync(countsFile)) {
    failed++;
    lines.push(`${tier}: did not report (could not start?)`);
    continue;
  }
  const c = JSON.parse(readFileSync(countsFile, 'utf8'));
  passed += c.passed;
  failed += c.failed;
  // A tier that exits non-zero without a failing test (e.g. a crash after the run) still fails.
  if (!ok && c.failed === 0) failed++;
  lines.push(`${tier}: ${c.passed} passed, ${c.failed} failed${c.pending ? `, ${c.pending} pending` : ''}`);
}

rmSync(scratch, { recursive: true, force: true });
console.log('\n' + lines.join('\n'));
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
