/**
 * Loading as the CLI and the viewer do, each in a fresh child process (a high-water mark of memory
 * needs one): the CLI's loadLog (chunked read into shared memory, then the parallel reader), and
 * the viewer's load worker driven through its real protocol (dist/loadWorker.js without VS Code
 * around it). With --big, a 2.5 GB download too (opt-in: it takes minutes and 2.5 GB of temp space),
 * compared per byte with the 100k file measured the same way in the same run.
 */
import { spawnSync } from 'node:child_process';
import { rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { loadLog } from '../../src/cli/readInputs';
import { nodeIo } from '../../src/cli/nodeIo';
import { EventIndex } from '../../src/core/index/eventIndex';
import { readShared } from '../../src/node/readShared';
import { workerCount } from '../../src/node/rangeWorkers';
import { LogLoader } from '../../src/node/logLoader';
import { writeDownload } from '../fixtures/generator/bigDownload';
import { highWaterMark, mbText } from './measure';
import type { Row } from './report';

export const LOAD_CHILD_FLAG = '--child-load';
/** About 2.5 GB minified: the size of the largest real downloads reported. */
export const BIG_EVENTS = 930_000;

export type LoadPath = 'cli' | 'viewer';

interface LoadReport {
  ms: number;
  events: number;
  size: number;
  baseline: number;
  peak: number;
}

/** The child's side: one load the way `path` does it, reported as one JSON line. */
export async function loadChildMain(path: LoadPath, file: string): Promise<void> {
  const baseline = highWaterMark().bytes;
  const t0 = performance.now();
  const events = path === 'cli' ? (await loadLog([file], nodeIo())).log.store.size : await viewerLoad(file);
  const ms = performance.now() - t0;
  const report: LoadReport = { ms, events, size: statSync(file).size, baseline, peak: highWaterMark().bytes };
  process.stdout.write(JSON.stringify(report) + '\n');
}

/** What the viewer does for a local file: chunked read into shared memory, the extension's loader (its load worker), the index. */
async function viewerLoad(file: string): Promise<number> {
  const bytes = await readShared(file);
  const result = await new LogLoader(join(__dirname, 'loadWorker.js')).load([{ name: file, bytes }], { threads: workerCount(Number(process.env['PROVLOG_WORKERS'] ?? 0)) });
  if (result.kind !== 'loaded') throw new Error('the load was cancelled');
  const problem = result.model.data.problems.find((p) => p.code === 'readerFailed');
  if (problem) throw new Error(problem.message);
  return new EventIndex(result.model.data.store).store.size;
}

function runChild(path: LoadPath, file: string): LoadReport | string {
  const r = spawnSync(process.execPath, ['--max-old-space-size=16384', process.argv[1]!, LOAD_CHILD_FLAG, path, file], { encoding: 'utf8', maxBuffer: 1 << 20 });
  try {
    return JSON.parse(r.stdout.trim().split('\n').pop() ?? '') as LoadReport;
  } catch {
    return `the child failed: ${r.stderr.trim().split('\n').slice(-3).join(' ') || String(r.status)}`;
  }
}

const failed = (measure: string, note: string): Row => ({ measure, unit: 'ms', value: null, baseline: null, baselineLabel: '', target: null, runs: 0, note });

/**
 * Load time and peak memory of the CLI's and the viewer's paths on `small` (the 100k file), and,
 * when `bigDir` is given, on a 2.5 GB file generated there (and removed after).
 */
export function loadPaths(small: string, smallEvents: number, bigDir: string | undefined, log: (m: string) => void): Row[] {
  const rows: Row[] = [];
  let big: { path: string; events: number } | undefined;
  if (bigDir !== undefined) {
    log(`writing the ${BIG_EVENTS}-event (~2.5 GB) download…`);
    const path = join(bigDir, `portal-${BIG_EVENTS}.json`);
    big = { path, events: writeDownload(path, BIG_EVENTS).events };
  }
  try {
    for (const path of ['cli', 'viewer'] as const) {
      log(`${path} load of the ${smallEvents / 1000}k file (child process)…`);
      const base = runChild(path, small);
      if (typeof base === 'string') {
        rows.push(failed(`${path} load ${smallEvents / 1000}k`, base));
        continue;
      }
      rows.push(memoryRow(`${path}: peak memory load ${smallEvents / 1000}k`, base, 1.3));
      if (big === undefined) continue;
      log(`${path} load of the 2.5 GB file (child process)…`);
      const r = runChild(path, big.path);
      if (typeof r === 'string') {
        rows.push(failed(`${path} load 2.5 GB`, r));
        continue;
      }
      const perByte = r.ms / r.size;
      const basePerByte = base.ms / base.size;
      rows.push({
        measure: `${path}: load 2.5 GB (${mbText(r.size)}), time per byte`,
        unit: 'ms', value: perByte * (1 << 20), baseline: basePerByte * (1 << 20), baselineLabel: `per MB at ${smallEvents / 1000}k`,
        target: { kind: 'ratio', max: 1 }, runs: 1,
        note: `${(r.ms / 1000).toFixed(1)} s for ${r.events} events (${r.events === big.events ? 'all counted' : `expected ${big.events}`}); ${(base.ms / 1000).toFixed(1)} s at ${smallEvents / 1000}k`,
      });
      rows.push(memoryRow(`${path}: peak memory load 2.5 GB`, r, 1.5));
    }
  } finally {
    if (big) rmSync(big.path, { force: true });
  }
  return rows;
}

function memoryRow(measure: string, r: LoadReport, max: number): Row {
  return {
    measure, unit: 'bytes', value: r.peak - r.baseline, baseline: r.size, baselineLabel: 'file size', target: { kind: 'ratio', max }, runs: 1,
    note: `VmHWM of a fresh process (threads included) minus its ${mbText(r.baseline)} at start; ${r.events} events; ${workerCount()} threads`,
  };
}
