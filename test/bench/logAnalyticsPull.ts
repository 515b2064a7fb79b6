/**
 * The Log Analytics pull at scale: the emulator (in this process) holds N rows and cuts results at a
 * 50,000-row limit; a fresh child process pulls them all into a JSON Lines file through the real
 * client (split automatically), checks every row arrived once, and reports its peak resident memory
 * above its start. The same child also downloads the same rows as one plain answer (no splitting,
 * no JSON parsing beyond reading the bytes), the throughput baseline. Two sizes show whether peak
 * memory grows with the row count.
 */
import { spawn } from 'node:child_process';
import { createReadStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { LogAnalyticsClient } from '../../src/core/sources/logAnalytics/laClient';
import { pullLogs } from '../../src/core/sources/logAnalytics/pull';
import { Secret } from '../../src/core/sources/http/secret';
import { JsonLinesFile } from '../../src/node/jsonLinesFile';
import { LaDataset } from '../emulators/laDataset';
import { LaEmulator } from '../emulators/logAnalytics';
import { highWaterMark, mbText } from './measure';
import type { Row } from './report';

export const LA_CHILD_FLAG = '--child-la-pull';
const TOKEN = 'bench-token-0123456789';
const WS = '/subscriptions/00000000-0000-0000-0000-0000000000be/resourceGroups/bench/providers/Microsoft.OperationalInsights/workspaces/bench';
const START = Date.UTC(2026, 0, 1);
const STEP_MS = 250;
const CHILD_HEAP_MB = 384;

interface ChildReport {
  rows: number;
  unique: boolean;
  pullMs: number;
  downloadMs: number;
  downloadBytes: number;
  fileBytes: number;
  peakAbove: number;
  queries: number;
  splits: number;
}

/** The child: pull, measure, verify, then the plain download; one JSON line on stdout. */
export async function laChildMain(url: string, count: number, out: string): Promise<void> {
  const before = highWaterMark().bytes;
  const end = START + count * STEP_MS;
  const client = new LogAnalyticsClient({
    arm: url,
    workspaceResourceId: WS,
    tokens: { token: async () => new Secret(TOKEN) },
    fetch: (u, i) => fetch(u, i),
  });
  const file = await JsonLinesFile.open(out, { append: false });
  const t0 = performance.now();
  const r = await pullLogs(client, { filter: {}, since: START, until: end }, { write: (lines) => file.appendLines(lines) });
  await file.close();
  const pullMs = performance.now() - t0;
  const peakAbove = highWaterMark().bytes - before;
  // Every row once, in order: row i has id la-row-i.
  let n = 0;
  let unique = true;
  for await (const line of createInterface({ input: createReadStream(out) })) {
    if (!line.includes(`"Id":"la-row-${n}"`)) unique = false;
    n++;
  }
  const t1 = performance.now();
  const res = await fetch(`${url}${WS}/download?start=${START}&end=${end}`, { headers: { Authorization: `Bearer ${TOKEN}` } });
  let downloadBytes = 0;
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) downloadBytes += chunk.length;
  const downloadMs = performance.now() - t1;
  const report: ChildReport = { rows: n, unique: unique && n === count, pullMs, downloadMs, downloadBytes, fileBytes: file.bytesWritten, peakAbove, queries: r.queries, splits: r.splits };
  process.stdout.write(`${JSON.stringify(report)}\n`);
}

function runChild(url: string, count: number, out: string): Promise<ChildReport | string> {
  return new Promise((resolve) => {
    // A small heap: the pull must fit whatever the row count (V8 would otherwise let garbage pile up to its default).
    const child = spawn(process.execPath, [`--max-old-space-size=${CHILD_HEAP_MB}`, '--enable-source-maps', process.argv[1]!, LA_CHILD_FLAG, url, String(count), out], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('close', () => {
      try {
        resolve(JSON.parse(stdout.trim().split('\n').pop() ?? '') as ChildReport);
      } catch {
        resolve(stderr.trim().split('\n')[0] ?? 'the child failed');
      }
    });
  });
}

/** Rows: pull throughput against the plain download, and peak memory at two sizes. */
export async function logAnalyticsPull(sizes: readonly number[], rowLimit: number): Promise<Row[]> {
  const rows: Row[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'provlog-bench-la-'));
  const peaks: { count: number; peak: number }[] = [];
  try {
    for (const count of sizes) {
      const data = new LaDataset({ count, start: START, stepMs: STEP_MS });
      const emulator = await LaEmulator.start({ tokens: [TOKEN], rowLimit, workspaces: [{ resourceId: WS, dataset: data }] });
      const label = `${count / 1000}k rows, ${rowLimit / 1000}k-row limit`;
      try {
        const r = await runChild(emulator.url, count, join(dir, `pull-${count}.jsonl`));
        if (typeof r === 'string') {
          rows.push({ measure: `Log Analytics pull ${label}`, unit: 'ms', value: null, baseline: null, baselineLabel: '', target: null, runs: 0, note: r });
          continue;
        }
        const rate = (n: number, ms: number): string => `${Math.round((n / ms) * 1000).toLocaleString('en-US')} rows/s`;
        rows.push({
          measure: `Log Analytics pull ${label}`,
          unit: 'ms',
          value: r.pullMs,
          baseline: r.downloadMs,
          baselineLabel: 'plain download',
          // The pull parses every row and writes it to disk as a line; the download only counts bytes.
          target: { kind: 'ratio', max: 5 },
          runs: 1,
          note:
            `${r.unique ? 'every row once' : 'ROWS MISSING OR REPEATED'}; ${rate(r.rows, r.pullMs)} vs ${rate(r.rows, r.downloadMs)}; ` +
            `${r.queries} queries, ${r.splits} splits, ${emulator.stats.partials} partial results, ${emulator.stats.throttled} throttled, ${mbText(r.downloadBytes)} downloaded`,
        });
        if (!r.unique) rows[rows.length - 1]!.value = null;
        peaks.push({ count, peak: r.peakAbove });
      } finally {
        await emulator.stop();
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  if (peaks.length === 2) {
    const [small, big] = peaks as [{ count: number; peak: number }, { count: number; peak: number }];
    rows.push({
      measure: `peak memory of a Log Analytics pull, ${big.count / 1000}k rows`,
      unit: 'bytes',
      value: big.peak,
      baseline: small.peak,
      baselineLabel: `the same at ${small.count / 1000}k`,
      // Bounded: four times the rows may not cost much more memory.
      target: { kind: 'ratio', max: 1.5 },
      runs: 1,
      note: `peak resident memory above the child process's start, its heap limited to ${CHILD_HEAP_MB} MB`,
    });
  }
  return rows;
}
