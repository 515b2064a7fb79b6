/**
 * The Graph pull against the local emulator with every documented fault injected: throughput against the
 * ceiling the request budget allows (requests per window × page size), records lost or duplicated (ids
 * compared), 429s our own pacing caused, and a cancelled-then-resumed pull compared byte for byte with one that
 * never stopped. The budget is time-scaled (5 requests per 2 s instead of per 10 s, Retry-After and back-off
 * scaled alike) so the measure takes seconds, not minutes; the ratio is what the real budget would give.
 */
import { createHash } from 'node:crypto';
import { createReadStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { RateLimiter } from '../../src/core/sources/graph/rateLimiter';
import { CancelledError, realClock } from '../../src/core/sources/http/clock';
import { Secret } from '../../src/core/sources/http/secret';
import { fetchGraphToFile, type FileFetchOptions } from '../../src/node/graphFetchFile';
import { GraphEmulator } from '../emulators/graph';
import { generateRecords } from '../fixtures/generator/records';
import type { Row } from './report';

const SCALE = 5;
const BUDGET = { requests: 5, windowMs: 10_000 / SCALE };
const TOKEN = 'bench-token-3c1f9a7e5d2b4086';
/** One of each documented fault, spread over the pull's ~100 requests. */
const FAULTS = { throttle: [9], unavailable: [27], gatewayTimeout: [45], drop: [63], repeatNextLink: [81] };

export async function graphPullRows(quick: boolean, log: (m: string) => void): Promise<Row[]> {
  // Both make ~100 pages: each injected fault costs a request of the budget, as it would in the service.
  const [count, TOP] = quick ? [20_000, 200] : [100_000, 1000];
  log(`Graph pull: generating ${count} records…`);
  let records: Record<string, unknown>[] | undefined = generateRecords({ count, seed: 5 });
  const times = records.map((r) => Date.parse(String(r['activityDateTime'])));
  const since = Math.min(...times);
  const until = Math.max(...times) + 1;
  const expected = new Set(records.map((r) => String(r['id'])));
  const dir = mkdtempSync(join(tmpdir(), 'provlog-bench-graph-'));
  const start = (): Promise<GraphEmulator> => GraphEmulator.start({ records: records!, tokens: { [TOKEN]: 'reader' }, budget: BUDGET, faults: FAULTS, injectedRetryAfterS: 1 / SCALE });
  const emu = await start();
  const emuResume = await start();
  records = undefined;
  try {
    const options = (output: string, extra: Partial<FileFetchOptions> = {}): FileFetchOptions => ({
      output,
      mode: { kind: 'new', query: { graphUrl: (output.includes('resumed') ? emuResume : emu).url, apiVersion: 'v1.0', clauses: [], top: TOP }, since, until },
      fetch,
      tokens: { token: () => Promise.resolve(new Secret(TOKEN)) },
      limiter: new RateLimiter(realClock, BUDGET),
      policy: { baseDelayMs: 1000 / SCALE, maxDelayMs: 30_000 / SCALE },
      ...extra,
    });
    log(`Graph pull: ${count} records, faults at requests ${Object.values(FAULTS).flat().sort((a, b) => a - b).join(', ')}…`);
    const whole = join(dir, 'whole.jsonl');
    const started = performance.now();
    const { progress } = await fetchGraphToFile(options(whole));
    const elapsed = performance.now() - started;
    const ids: string[] = [];
    for await (const line of lines(whole)) ids.push(String((JSON.parse(line) as { id: string }).id));
    const unique = new Set(ids);
    const lost = [...expected].filter((id) => !unique.has(id)).length;
    const duplicated = ids.length - unique.size;
    const ceilingMs = (count / (BUDGET.requests * TOP)) * BUDGET.windowMs;
    const injected = Object.entries(emu.stats.injected).map(([k, v]) => `${v} ${k}`).join(', ');
    const rows: Row[] = [
      {
        measure: `Graph pull ${count / 1000}k, all faults (time vs the budget's ceiling)`,
        unit: 'ms',
        value: elapsed,
        baseline: ceilingMs,
        baselineLabel: `ceiling (${BUDGET.requests} req/${BUDGET.windowMs} ms × ${TOP})`,
        // ≥ 90% of the ceiling's throughput = at most 1/0.9 of its time.
        target: { kind: 'ratio', max: 1.111 },
        runs: 1,
        note: `${((ceilingMs / elapsed) * 100).toFixed(1)}% of the ceiling (${Math.round(count / (elapsed / 1000))} records/s of ${(BUDGET.requests * TOP * 1000) / BUDGET.windowMs}; budget time-scaled ×${SCALE}: 5 per ${BUDGET.windowMs} ms); ${progress.requests} requests; injected ${injected}; ${emu.stats.budgetThrottled} 429s caused by our pacing`,
      },
      { measure: 'Graph pull: records lost + duplicated', unit: 'count', value: lost + duplicated, baseline: null, baselineLabel: '', target: { kind: 'absolute', max: 0 }, runs: 1, note: `${lost} lost, ${duplicated} duplicated of ${count} (ids compared); ${progress.duplicates} duplicates Graph sent were dropped` },
      { measure: 'Graph pull: 429s caused by our own pacing', unit: 'count', value: emu.stats.budgetThrottled, baseline: null, baselineLabel: '', target: { kind: 'absolute', max: 0 }, runs: 1, note: `${emu.stats.injected.throttle} injected 429s honoured (Retry-After)` },
    ];
    log('Graph pull: cancelled and resumed…');
    rows.push(await resumeRow(options, dir, whole, emuResume, count));
    let holding = 0;
    for (const file of [whole, `${whole}.fetch-state`]) for await (const line of lines(file)) if (line.includes(TOKEN)) holding++;
    rows.push({ measure: 'Graph pull: token in output files', unit: 'count', value: holding, baseline: null, baselineLabel: '', target: { kind: 'absolute', max: 0 }, runs: 1, note: 'the JSON Lines file and its fetch state searched for the token string' });
    return rows;
  } finally {
    await emu.close();
    await emuResume.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function resumeRow(options: (output: string, extra?: Partial<FileFetchOptions>) => FileFetchOptions, dir: string, reference: string, emu: GraphEmulator, total: number): Promise<Row> {
  const out = join(dir, 'resumed.jsonl');
  const ac = new AbortController();
  let cancelledAt = 0;
  const onProgress = (p: { written: number }): void => {
    if (cancelledAt === 0 && p.written >= total / 2) {
      cancelledAt = p.written;
      ac.abort();
    }
  };
  try {
    await fetchGraphToFile(options(out, { signal: ac.signal, onProgress }));
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
  }
  await fetchGraphToFile(options(out, { mode: { kind: 'resume' } }));
  const [a, b] = await Promise.all([digest(reference), digest(out)]);
  return {
    measure: 'Graph pull: cancelled + resumed differs from uninterrupted',
    unit: 'count',
    value: a === b ? 0 : 1,
    baseline: null,
    baselineLabel: '',
    target: { kind: 'absolute', max: 0 },
    runs: 1,
    note: `SHA-256 of both files ${a === b ? 'equal' : 'DIFFERENT'}; cancelled after ${cancelledAt} records, resumed from the last complete window; same faults injected; ${emu.stats.requests} requests served`,
  };
}

async function digest(path: string): Promise<string> {
  const h = createHash('sha256');
  for await (const chunk of createReadStream(path)) h.update(chunk as Buffer);
  return h.digest('hex');
}

async function* lines(path: string): AsyncGenerator<string> {
  for await (const line of createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity })) if (line !== '') yield line;
}
