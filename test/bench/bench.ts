/**
 * `npm run bench`: how the core performs on realistic logs, as ratios against baselines measured in
 * the same run (the machine is shared and noisy; absolute times mean little, ratios hold). Prints a
 * table, or with --json one object; --quick runs 1k/10k only, in seconds. Always exits 0: it is a
 * report, and misses are listed at the end. Never used for timed assertions in tests.
 *
 * Flags: --quick, --json, --only-log-analytics, --graph (the Graph pull rows only), --big (also a 2.5 GB download:
 * minutes more). Internal: --child-memory FILE, --child-la-pull URL COUNT OUT and --child-load PATH FILE (the fresh
 * processes that measure memory and load paths).
 */
import { spawnSync } from 'node:child_process';
import { cpus, loadavg, totalmem } from 'node:os';
import { getHeapStatistics } from 'node:v8';
import { csvTrio, diagnostics, filterAndRegroup, jsoncRow, loadAndIndex, prettifyRow } from './cases';
import { graphPullRows } from './graphPull';
import { BenchInputs } from './inputs';
import { gcAvailable, mbText } from './measure';
import { LA_CHILD_FLAG, laChildMain, logAnalyticsPull } from './logAnalyticsPull';
import { CHILD_FLAG, childMain, peakMemory } from './memory';
import { LOAD_CHILD_FLAG, loadChildMain, loadPaths } from './bigFile';
import { loadParallel } from './parallelCases';
import { renderJson, renderTable, type Row } from './report';

const argv = process.argv.slice(2);
const quick = argv.includes('--quick');
const asJson = argv.includes('--json');
const onlyLogAnalytics = argv.includes('--only-log-analytics');
/** Only the Graph pull (it needs none of the big inputs). */
const graphOnly = argv.includes('--graph');
/** Also the 2.5 GB download (opt-in: minutes, and 2.5 GB of temp space while it runs). */
const bigFile = argv.includes('--big');

/** 1k is quick and steady: more runs; 100k takes seconds per run: three (as does --quick at 10k). */
const runsFor = (count: number): number => (count <= 1000 ? 9 : count <= 20_000 && !quick ? 5 : 3);
/**
 * jsonc-parser's applyEdits is quadratic (it rebuilds the text per edit): 100 events took ~10 s
 * here and 300 events over 2 minutes, so it only runs on a small input.
 */
const JSONC: readonly [count: number, runs: number] = quick ? [50, 1] : [100, 3];

function log(message: string): void {
  process.stderr.write(`bench: ${message}\n`);
}

/**
 * The 100k baselines hold a 250 MB file as a UTF-16 string, its parsed objects and a pretty copy
 * at once: more than Node's default heap on this machine. Rerun with room rather than crash.
 */
function needsBiggerHeap(): boolean {
  return !quick && !graphOnly && getHeapStatistics().heap_size_limit < 8 * 1024 ** 3 && process.env['PROVLOG_BENCH_RESPAWNED'] !== '1';
}

function respawn(): number {
  const r = spawnSync(process.execPath, ['--expose-gc', '--enable-source-maps', '--max-old-space-size=12288', process.argv[1]!, ...argv], {
    stdio: 'inherit',
    env: { ...process.env, PROVLOG_BENCH_RESPAWNED: '1' },
  });
  return r.status ?? 1;
}

async function measureAll(inputs: BenchInputs): Promise<Row[]> {
  const sizes = quick ? [1000, 10_000] : [1000, 10_000, 100_000];
  const big = sizes[sizes.length - 1]!;
  const diagCount = quick ? 10_000 : 20_000;
  for (const count of new Set([JSONC[0], ...sizes, diagCount])) {
    log(`writing the ${count}-event input${count === big ? ' and its CSV trio' : ''}…`);
    inputs.prepare(count, count === big);
  }
  const rows: Row[] = [];
  for (const count of sizes) {
    log(`load+index ${count}…`);
    rows.push(loadAndIndex(inputs, count, runsFor(count)));
    log(`load+index ${count} on every core…`);
    rows.push(await loadParallel(inputs, count, runsFor(count), count >= 100_000 ? 0.75 : 1.2));
  }
  for (const count of sizes) {
    log(`prettify ${count}…`);
    rows.push(prettifyRow(inputs, count, runsFor(count)));
  }
  log(`prettify ${JSONC[0]} vs jsonc-parser…`);
  rows.push(jsoncRow(inputs, JSONC[0], JSONC[1]));
  log(`filter and regroup at ${big}…`);
  rows.push(...filterAndRegroup(inputs, big, 7));
  log(`diagnostics at ${diagCount}…`);
  rows.push(diagnostics(inputs, diagCount, runsFor(diagCount)));
  log(`peak memory at ${big} (child process)…`);
  rows.push(peakMemory(inputs.jsonInput(big).path, `${big / 1000}k`));
  log(`CSV trio at ${big}…`);
  rows.push(csvTrio(inputs, big, runsFor(big)));
  rows.push(...loadPaths(inputs.jsonInput(big).path, big, bigFile ? inputs.dir : undefined, log));
  return rows;
}

async function main(): Promise<number> {
  const loadAt = argv.indexOf(LOAD_CHILD_FLAG);
  if (loadAt >= 0) {
    await loadChildMain(argv[loadAt + 1] === 'viewer' ? 'viewer' : 'cli', argv[loadAt + 2]!);
    return 0;
  }
  const childAt = argv.indexOf(CHILD_FLAG);
  if (childAt >= 0) {
    childMain(argv[childAt + 1]!);
    return 0;
  }
  const laChildAt = argv.indexOf(LA_CHILD_FLAG);
  if (laChildAt >= 0) {
    await laChildMain(argv[laChildAt + 1]!, Number(argv[laChildAt + 2]), argv[laChildAt + 3]!);
    return 0;
  }
  if (needsBiggerHeap() && !onlyLogAnalytics) return respawn();
  if (!gcAvailable()) log('warning: run with --expose-gc (npm run bench does) so that runs do not pay for each other\'s garbage');
  const loadBefore = loadavg()[0]!;
  const started = Date.now();
  const inputs = new BenchInputs();
  // The 100k inputs take ~600 MB of temp space: remove them on Ctrl-C too.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      inputs.remove();
      process.exit(130);
    });
  }
  let rows: Row[];
  try {
    rows = onlyLogAnalytics || graphOnly ? [] : await measureAll(inputs);
  } finally {
    inputs.remove();
  }
  if (!graphOnly) {
    log('Log Analytics pull from the emulator (child process)…');
    rows.push(...(await logAnalyticsPull(quick ? [10_000, 40_000] : [50_000, 200_000], quick ? 10_000 : 50_000)));
  }
  if (!onlyLogAnalytics) rows.push(...(await graphPullRows(quick, log)));
  const meta = {
    quick,
    node: process.version,
    cpus: cpus().length,
    cpu: cpus()[0]?.model ?? '',
    memory: mbText(totalmem()),
    loadAverage: { before: loadBefore, after: loadavg()[0]! },
    seconds: Math.round((Date.now() - started) / 1000),
  };
  if (asJson) {
    process.stdout.write(renderJson(rows, meta));
  } else {
    const header =
      `provlog benchmark${quick ? ' (--quick: 1k/10k only)' : ''}: node ${meta.node}, ${meta.cpus} × ${meta.cpu}, ${meta.memory}\n` +
      `Medians with a full GC before each run; baselines timed in the same run, in alternation with the core.\n` +
      `Load average ${meta.loadAverage.before.toFixed(2)} before, ${meta.loadAverage.after.toFixed(2)} after (a shared machine: expect ±20% between runs); took ${meta.seconds} s.`;
    process.stdout.write(renderTable(rows, header));
  }
  return 0;
}

void main().then((code) => {
  process.exitCode = code;
});
