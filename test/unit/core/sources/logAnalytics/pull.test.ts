import { strict as assert } from 'node:assert';
import { LogAnalyticsClient } from '../../../../../src/core/sources/logAnalytics/laClient';
import { LogAnalyticsError } from '../../../../../src/core/sources/logAnalytics/laErrors';
import { pullLogs, PullStopped, type PullRequest } from '../../../../../src/core/sources/logAnalytics/pull';
import { halve, planWindows } from '../../../../../src/core/sources/logAnalytics/timeWindows';
import type { LaDataset } from '../../../../emulators/laDataset';
import type { LaEmulator } from '../../../../emulators/logAnalytics';
import { client, instantClock, START, startEmulator, tokens, TOKEN, WS } from './laSupport';

/** Pulls into memory; returns the lines and the ids in written order. */
async function pullAll(emulator: LaEmulator, req: Partial<PullRequest> & { until: number }, opts: Parameters<typeof client>[1] = {}): Promise<{ lines: string[]; ids: string[]; result: Awaited<ReturnType<typeof pullLogs>> }> {
  const lines: string[] = [];
  const result = await pullLogs(client(emulator, opts), { filter: {}, since: START, ...req }, { write: async (l) => void lines.push(...l) });
  return { lines, ids: lines.map((l) => (JSON.parse(l) as { Id: string }).Id), result };
}

function assertEveryRowOnce(ids: string[], data: LaDataset, from: number, to: number): void {
  assert.equal(ids.length, to - from, 'row count');
  // Written in time order, each row once.
  ids.forEach((id, k) => assert.equal(id, data.idOf(from + k)));
}

describe('Log Analytics pull (against the emulator)', function () {
  this.timeout(60_000);
  let emulator: LaEmulator;
  let data: LaDataset;
  beforeEach(async () => {
    ({ emulator, data } = await startEmulator(3000, { rowLimit: 500 }));
  });
  afterEach(() => emulator.stop());

  it('halves windows the service cuts short, until every row arrives exactly once, at most 5 queries at a time', async () => {
    const until = data.timeOf(2999) + 1;
    const { ids, result } = await pullAll(emulator, { until, probe: false, rowsPerQuery: 10_000 });
    assertEveryRowOnce(ids, data, 0, 3000);
    assert.ok(emulator.stats.partials > 0, 'the service cut results short');
    assert.ok(result.splits >= emulator.stats.partials);
    assert.ok(emulator.stats.maxInFlight <= 5, `max in flight ${emulator.stats.maxInFlight}`);
    assert.equal(result.rows, 3000);
    assert.equal(result.newest, data.timeText(2999));
  });

  it('plans windows from a count probe so no result is cut short', async () => {
    const until = data.timeOf(2999) + 1;
    const { ids, result } = await pullAll(emulator, { until, rowsPerQuery: 400 });
    assertEveryRowOnce(ids, data, 0, 3000);
    assert.equal(emulator.stats.probes, 1);
    assert.equal(emulator.stats.partials, 0);
    assert.ok(result.queries >= 1 + Math.ceil(3000 / 400), `${result.queries} queries`);
  });

  it('covers only [since, until), and a newer-events pull skips the rows it already has', async () => {
    const since = data.timeOf(1000);
    const until = data.timeOf(1500);
    const { ids } = await pullAll(emulator, { since, until, rowsPerQuery: 100 });
    assertEveryRowOnce(ids, data, 1000, 1500);
    const again = await pullAll(emulator, { since: data.timeOf(1499), until: data.timeOf(1600), skipIds: new Set([data.idOf(1499)]) });
    assertEveryRowOnce(again.ids, data, 1500, 1600);
    assert.equal(again.result.skipped, 1);
  });

  it('waits out 429 Retry-After, survives dropped connections and a probe that times out, and still has every row once', async () => {
    const clock = instantClock();
    // The probe meets every 504 and gives up on planning: the pull starts from the whole range and halves.
    emulator.faults.gatewayTimeout = 5;
    const until = data.timeOf(2999) + 1;
    const lines: string[] = [];
    const result = await pullLogs(client(emulator, { clock }), { filter: {}, since: START, until, rowsPerQuery: 400 }, {
      write: async (l) => {
        if (lines.length === 0) {
          emulator.faults.throttle = { count: 2, retryAfterS: 7 };
          emulator.faults.drop = 2;
        }
        lines.push(...l);
      },
    });
    assertEveryRowOnce(lines.map((l) => (JSON.parse(l) as { Id: string }).Id), data, 0, 3000);
    assert.ok(result.splits > 0);
    assert.equal(clock.slept.filter((ms) => ms === 7000).length, 2, `Retry-After honoured: ${clock.slept.join(', ')}`);
    assert.equal(emulator.stats.dropped, 2);
    assert.ok(emulator.stats.maxInFlight <= 5);
  });

  it('a 401 gets one new token and succeeds; a second 401 says to sign in again', async () => {
    const fresh = tokens('expired-token-0000', TOKEN);
    const { ids } = await pullAll(emulator, { until: data.timeOf(10) }, { tokenSource: fresh });
    assert.equal(ids.length, 10);
    assert.equal(fresh.forced, 1);
    const stale = tokens('expired-token-0000', 'expired-token-1111');
    await assert.rejects(pullAll(emulator, { until: data.timeOf(10) }, { tokenSource: stale }), (e: unknown) => {
      assert.ok(e instanceof PullStopped);
      assert.ok(e.cause instanceof LogAnalyticsError && e.cause.kind === 'signIn');
      assert.match(e.message, /sign in again/);
      assert.doesNotMatch(e.message, /expired-token/);
      return true;
    });
    assert.equal(stale.forced, 1, 'one new token, not a loop');
  });

  it('a connection that stays lost stops the pull where the written rows end', async () => {
    const until = data.timeOf(2999) + 1;
    const lines: string[] = [];
    const c = client(emulator, { clock: instantClock() });
    await assert.rejects(
      pullLogs(c, { filter: {}, since: START, until, rowsPerQuery: 300, concurrency: 1 }, {
        write: async (l) => {
          lines.push(...l);
          emulator.faults.drop = 1000;
        },
      }),
      (e: unknown) => {
        assert.ok(e instanceof PullStopped);
        assert.ok(e.cause instanceof LogAnalyticsError && e.cause.kind === 'network', String(e.cause));
        assert.equal(e.progress.rows, lines.length);
        assert.ok(lines.length > 0);
        // What was written is exactly the rows before doneUntil.
        assert.equal(data.firstAtOrAfter(e.progress.doneUntil), lines.length);
        return true;
      },
    );
  });

  it('a service that keeps timing out splits the window down to a minute, then says so', async () => {
    emulator.faults.gatewayTimeout = 1_000_000;
    await assert.rejects(pullAll(emulator, { until: START + 10 * 60_000, probe: false }), (e: unknown) => {
      assert.ok(e instanceof PullStopped);
      assert.ok(e.cause instanceof LogAnalyticsError && e.cause.kind === 'timeout', String(e.cause));
      assert.match(e.message, /gave up on the query even over the minute/);
      return true;
    });
    // 10 minutes halved to windows of a minute or less: a bounded number of windows, each tried 5 times.
    assert.ok(emulator.stats.queries <= 5 * (1 + 2 + 4 + 8 + 16), `${emulator.stats.queries} queries`);
    emulator.faults.gatewayTimeout = 0;
  });

  it('answers slower than the attempt timeout are abandoned, retried, split, and end in a timeout that says so', async () => {
    emulator.faults.slowMs = 400;
    const c = new LogAnalyticsClient({
      arm: emulator.url,
      workspaceResourceId: WS,
      tokens: tokens(TOKEN),
      fetch: (u, i) => fetch(u, i),
      clock: instantClock(),
      policy: { attemptTimeoutMs: 40, maxAttempts: 2 },
    });
    await assert.rejects(pullLogs(c, { filter: {}, since: START, until: START + 2 * 60_000, probe: false }, { write: async () => undefined }), (e: unknown) => {
      assert.ok(e instanceof PullStopped);
      assert.ok(e.cause instanceof LogAnalyticsError && e.cause.kind === 'timeout', String(e.cause));
      assert.match(e.message, /did not answer within/);
      return true;
    });
    emulator.faults.slowMs = 0;
  });

  it('more rows in one millisecond than a result may hold is an error, never a silent cut', async () => {
    await emulator.stop();
    ({ emulator, data } = await startEmulator(2000, { rowLimit: 100, stepMs: 0.001 }));
    await assert.rejects(pullAll(emulator, { until: START + 2, probe: false }), (e: unknown) => {
      assert.ok(e instanceof PullStopped);
      assert.ok(e.cause instanceof LogAnalyticsError && e.cause.kind === 'tooDense');
      return true;
    });
  });
});

describe('Log Analytics time windows', () => {
  it('groups probe bins into windows of about the target, covering the range without overlap', () => {
    const bins = [0, 10, 20, 30, 40].map((s) => ({ start: s, rows: 30 }));
    const w = planWindows({ start: 0, end: 50 }, bins, 60);
    assert.deepEqual(w, [
      { start: 0, end: 20 },
      { start: 20, end: 40 },
      { start: 40, end: 50 },
    ]);
    assert.deepEqual(planWindows({ start: 5, end: 9 }, [], 10), [{ start: 5, end: 9 }]);
  });

  it('halves down to one millisecond and no further', () => {
    assert.deepEqual(halve({ start: 0, end: 3 }), [
      { start: 0, end: 1 },
      { start: 1, end: 3 },
    ]);
    assert.equal(halve({ start: 4, end: 5 }), undefined);
  });
});
