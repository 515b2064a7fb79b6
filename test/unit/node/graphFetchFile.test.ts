import { strict as assert } from 'node:assert';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { stateFileName } from '../../../src/core/sources/graph/fetchState';
import { RateLimiter } from '../../../src/core/sources/graph/rateLimiter';
import { CancelledError, realClock } from '../../../src/core/sources/http/clock';
import { Secret } from '../../../src/core/sources/http/secret';
import { fetchGraphToFile, type FileFetchOptions } from '../../../src/node/graphFetchFile';
import { TempFolder } from '../cli/cliHarness';
import { GraphEmulator } from '../../emulators/graph';
import { dayOfRecords, idsOf } from '../core/sources/graph/graphTestSupport';

const TOKEN = 'file-test-token-0123456789abcdef';
const BUDGET = { requests: 5, windowMs: 100 };
const { records, since, until } = dayOfRecords(2500, 3);

describe('Graph pull into a file', function () {
  this.timeout(60_000);
  let emu: GraphEmulator;
  let tmp: TempFolder;
  before(async () => {
    emu = await GraphEmulator.start({ records, tokens: { [TOKEN]: 'reader' }, budget: BUDGET, faults: { drop: [3], unavailable: [7] } });
    tmp = new TempFolder();
  });
  after(async () => {
    await emu.close();
    tmp.remove();
  });

  const options = (output: string, extra: Partial<FileFetchOptions> = {}): FileFetchOptions => ({
    output,
    mode: { kind: 'new', query: { graphUrl: emu.url, apiVersion: 'v1.0', clauses: [], top: 150 }, since, until },
    fetch,
    tokens: { token: () => Promise.resolve(new Secret(TOKEN)) },
    limiter: new RateLimiter(realClock, BUDGET),
    policy: { baseDelayMs: 5, maxDelayMs: 20 },
    plan: { targetRecords: 600, initialMs: 3600_000, minMs: 1000, maxMs: 7 * 86400_000 },
    ...extra,
  });

  it('writes a user-only file and a state beside it, neither holding the token', async () => {
    const out = tmp.path('whole.jsonl');
    const { state } = await fetchGraphToFile(options(out));
    const text = readFileSync(out, 'utf8');
    assert.equal(idsOf(text.trimEnd().split('\n')).length, records.length);
    assert.equal(statSync(out).mode & 0o777, 0o600);
    assert.equal(statSync(stateFileName(out)).mode & 0o777, 0o600);
    assert.equal(state.bytes, statSync(out).size);
    assert.ok(!text.includes(TOKEN) && !readFileSync(stateFileName(out), 'utf8').includes(TOKEN));
  });

  it('resumed after a cancel, leaves the same bytes on disk as a pull that never stopped', async () => {
    const whole = tmp.path('reference.jsonl');
    await fetchGraphToFile(options(whole));
    const out = tmp.path('cancelled.jsonl');
    const ac = new AbortController();
    // Cancel two pages into the third window, so that a half-drained window is on disk.
    let windows = 0;
    let atWindowStart = 0;
    let lastDone = since;
    const onProgress = (p: { written: number; done: number }): void => {
      if (p.done !== lastDone) [windows, lastDone, atWindowStart] = [windows + 1, p.done, p.written];
      else if (windows >= 2 && p.written - atWindowStart >= 300) ac.abort();
    };
    await assert.rejects(fetchGraphToFile(options(out, { signal: ac.signal, onProgress })), CancelledError);
    const saved = JSON.parse(readFileSync(stateFileName(out), 'utf8')) as { bytes: number };
    assert.ok(statSync(out).size > saved.bytes, 'the half-drained window is in the file until resumed');
    await fetchGraphToFile(options(out, { mode: { kind: 'resume' } }));
    assert.equal(readFileSync(out, 'utf8'), readFileSync(whole, 'utf8'));
  });

  it('says so when there is nothing to resume, and creates no file then', async () => {
    await assert.rejects(fetchGraphToFile(options(tmp.path('none.jsonl'), { mode: { kind: 'resume' } })), /nothing to continue/);
    assert.equal(existsSync(tmp.path('none.jsonl')), false);
  });
});
