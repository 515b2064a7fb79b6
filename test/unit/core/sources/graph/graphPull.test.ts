import { strict as assert } from 'node:assert';
import { recentApps } from '../../../../../src/core/sources/graph/graphApps';
import { GraphClient } from '../../../../../src/core/sources/graph/graphClient';
import { GraphPullError } from '../../../../../src/core/sources/graph/graphErrors';
import { pullGraph, OVERLAP_MS, type PullOptions } from '../../../../../src/core/sources/graph/graphPuller';
import { planGraphFilter } from '../../../../../src/core/sources/graph/graphFilter';
import { RateLimiter } from '../../../../../src/core/sources/graph/rateLimiter';
import { seenFromLines } from '../../../../../src/core/sources/graph/seenIds';
import type { TokenSource } from '../../../../../src/core/sources/http/auth';
import { CancelledError, realClock } from '../../../../../src/core/sources/http/clock';
import { Secret } from '../../../../../src/core/sources/http/secret';
import { GraphEmulator, type GraphEmulatorOptions } from '../../../../emulators/graph';
import { dayOfRecords, idsOf, MemorySink } from './graphTestSupport';

const TOKEN = 'eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.test-token-value.signature';
const BUDGET = { requests: 5, windowMs: 100 };
const { records, since, until } = dayOfRecords(3000);
const ALL_IDS = records.map((r) => String(r['id'])).sort();

function tokens(...values: string[]): TokenSource & { asked: boolean[] } {
  const asked: boolean[] = [];
  let i = 0;
  return {
    asked,
    token: ({ forceNew }) => {
      asked.push(forceNew);
      return Promise.resolve(new Secret(values[Math.min(i++, values.length - 1)]!));
    },
  };
}

async function emulator(extra: Partial<GraphEmulatorOptions> = {}): Promise<GraphEmulator> {
  return GraphEmulator.start({ records, tokens: { [TOKEN]: 'reader' }, budget: BUDGET, injectedRetryAfterS: 0.02, ...extra });
}

function options(emu: GraphEmulator, sink: MemorySink, extra: Partial<PullOptions> = {}): PullOptions {
  return {
    query: { graphUrl: emu.url, apiVersion: 'v1.0', clauses: [], top: 200 },
    since,
    until,
    fetch,
    tokens: tokens(TOKEN),
    limiter: new RateLimiter(realClock, BUDGET),
    sink,
    policy: { baseDelayMs: 5, maxDelayMs: 20 },
    plan: { targetRecords: 1000, initialMs: 3600_000, minMs: 1000, maxMs: 7 * 86400_000 },
    ...extra,
  };
}

describe('Graph pull against the emulator', function () {
  this.timeout(60_000);

  it('brings every record exactly once through every fault, without overdrawing the budget', async () => {
    const emu = await emulator({ faults: { throttle: [3], unavailable: [5], gatewayTimeout: [8], drop: [11], repeatNextLink: [6, 14] } });
    try {
      const sink = new MemorySink();
      const { progress, state } = await pullGraph(options(emu, sink));
      assert.deepEqual(idsOf(sink.lines).sort(), ALL_IDS);
      assert.equal(progress.written, records.length);
      assert.ok(progress.duplicates > 0, 'the repeated pages were dropped as duplicates');
      const { repeatNextLink, ...others } = emu.stats.injected;
      assert.deepEqual(others, { throttle: 1, unavailable: 1, gatewayTimeout: 1, drop: 1 });
      assert.ok(repeatNextLink >= 1, 'a page repeated its nextLink');
      assert.equal(emu.stats.budgetThrottled, 0);
      assert.equal(state.done, until);
      assert.equal(sink.states.at(-1)!.records, records.length);
      assert.ok(!JSON.stringify([sink.lines, sink.states]).includes(TOKEN));
    } finally {
      await emu.close();
    }
  });

  it('resumed after a cancel, gives the same file as a pull that never stopped', async () => {
    const emu = await emulator({ faults: { unavailable: [4], drop: [9] } });
    try {
      const whole = new MemorySink();
      await pullGraph(options(emu, whole));
      const cut = new MemorySink();
      const ac = new AbortController();
      const append = cut.append.bind(cut);
      cut.append = (lines) => {
        if (cut.lines.length > 1500) ac.abort();
        return append(lines);
      };
      await assert.rejects(pullGraph(options(emu, cut, { signal: ac.signal })), CancelledError);
      const state = cut.states.at(-1)!;
      assert.ok(state.done > since && state.done < until, 'the cancel came mid-way');
      // What Resume does with the file: back to the last complete window, ids near its end remembered.
      const kept = cut.lines.slice(0, state.records);
      assert.ok(kept.length < cut.lines.length, 'a half-drained window was cut off');
      const resumed = new MemorySink();
      resumed.lines = [...kept];
      resumed.bytes = state.bytes;
      await pullGraph(options(emu, resumed, { resume: { state, seen: seenFromLines(kept, state.done - OVERLAP_MS) } }));
      assert.deepEqual(resumed.lines, whole.lines);
    } finally {
      await emu.close();
    }
  });

  it('halves windows while throttling persists or a nextLink loops, and still loses and repeats nothing', async () => {
    const emu = await emulator({ faults: { throttle: [2, 3, 4, 5, 6], repeatNextLink: [12], repeatForever: true } });
    try {
      const sink = new MemorySink();
      const { progress } = await pullGraph(options(emu, sink));
      assert.ok(progress.shrinks >= 2, `windows were halved (${progress.shrinks})`);
      assert.deepEqual(idsOf(sink.lines).sort(), ALL_IDS);
      assert.ok(progress.throttledMs > 0);
    } finally {
      await emu.close();
    }
  });

  it('renews the token once on a 401, and asks for a new sign-in when the new one is refused too', async () => {
    const emu = await emulator({ tokens: { [TOKEN]: 'expired', second: 'reader' } });
    try {
      const t = tokens(TOKEN, 'second');
      const sink = new MemorySink();
      await pullGraph(options(emu, sink, { tokens: t }));
      assert.deepEqual(t.asked.slice(0, 2), [false, true]);
      assert.equal(sink.lines.length, records.length);
      await assert.rejects(pullGraph(options(emu, new MemorySink(), { tokens: tokens(TOKEN) })), (e: Error) => e instanceof GraphPullError && e.kind === 'signIn' && /sign in again/.test(e.message));
    } finally {
      await emu.close();
    }
  });

  it('explains consent, role and licence failures, with the admin-consent link', async () => {
    const emu = await emulator({ tokens: { c: 'noConsent', r: 'noRole', l: 'noLicence' } });
    try {
      const consentUrl = 'https://login.microsoftonline.com/contoso.onmicrosoft.com/adminconsent?client_id=abc';
      const fail = (token: string): Promise<unknown> => pullGraph(options(emu, new MemorySink(), { tokens: tokens(token), consentUrl }));
      await assert.rejects(fail('c'), (e: GraphPullError) => e.kind === 'consent' && e.message.includes(consentUrl) && /AuditLog\.Read\.All/.test(e.message));
      await assert.rejects(fail('r'), (e: GraphPullError) => e.kind === 'role' && /Reports Reader/.test(e.message));
      await assert.rejects(fail('l'), (e: GraphPullError) => e.kind === 'licence' && /P1 or P2/.test(e.message));
    } finally {
      await emu.close();
    }
  });

  it('names the filter Graph rejects', async () => {
    const emu = await emulator();
    try {
      const o = options(emu, new MemorySink());
      const bad = { ...o, query: { ...o.query, clauses: ["provisioningStatusInfo/errorInformation/errorCode eq 'X'"] } };
      await assert.rejects(pullGraph(bad), (e: GraphPullError) => e.kind === 'filter' && /errorInformation\/errorCode/.test(e.message));
    } finally {
      await emu.close();
    }
  });

  it('pushes down what Graph filters and applies the rest locally, keeping what the viewer would show', async () => {
    const emu = await emulator();
    try {
      const failing = records.filter((r) => (r['provisioningStatusInfo'] as { status: string }).status === 'failure');
      const code = String((failing[0]!['provisioningStatusInfo'] as { errorInformation: { errorCode: string } }).errorInformation.errorCode);
      const expected = failing.filter((r) => (r['provisioningStatusInfo'] as { errorInformation: { errorCode: string } }).errorInformation.errorCode === code);
      const plan = planGraphFilter({ status: ['failure'], errorCode: code.toLowerCase() });
      const o = options(emu, new MemorySink());
      const sink = new MemorySink();
      const { progress } = await pullGraph({ ...o, sink, query: { ...o.query, clauses: plan.clauses, ...(plan.local ? { local: plan.local } : {}) } });
      assert.deepEqual(idsOf(sink.lines).sort(), expected.map((r) => String(r['id'])).sort());
      assert.equal(progress.received, failing.length, 'Graph sent only the failures');
      assert.equal(progress.filteredOut, failing.length - expected.length);
      assert.ok(emu.stats.filters.every((f) => f.includes("provisioningStatusInfo/status eq 'failure'")));
    } finally {
      await emu.close();
    }
  });
});

describe('Graph applications for the fetch dialog', function () {
  this.timeout(30_000);

  it('lists the service principals of the last month, by name, each once', async () => {
    const emu = await emulator();
    try {
      const now = until + 3600_000;
      const client = new GraphClient({ fetch, tokens: tokens(TOKEN), limiter: new RateLimiter(realClock, BUDGET), clock: realClock });
      const apps = await recentApps(client, { graphUrl: emu.url, apiVersion: 'v1.0' }, now);
      const sp = (r: Record<string, unknown>): { id: string; displayName: string } => r['servicePrincipal'] as { id: string; displayName: string };
      const expected = [...new Map(records.map((r) => [sp(r).id, sp(r).displayName])).entries()].sort((a, b) => a[1].localeCompare(b[1]));
      assert.deepEqual(apps.map((a) => [a.id, a.name]), expected);
      assert.equal(apps.reduce((n, a) => n + a.seen, 0), Math.min(1000, records.length));
      assert.equal(emu.stats.requests, 1, 'one request of the budget');
    } finally {
      await emu.close();
    }
  });
});
