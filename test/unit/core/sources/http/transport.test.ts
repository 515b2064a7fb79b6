import { strict as assert } from 'node:assert';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CancelledError, type Clock } from '../../../../../src/core/sources/http/clock';
import { endpointProblem, joinUrl } from '../../../../../src/core/sources/http/endpoints';
import { retryAfterMs } from '../../../../../src/core/sources/http/retryAfter';
import { redact, Secret } from '../../../../../src/core/sources/http/secret';
import { send, TransportError, type WaitEvent } from '../../../../../src/core/sources/http/transport';

/** A loopback server that answers each request with the next scripted behaviour. */
type Behaviour = (req: IncomingMessage, res: ServerResponse) => void;

async function serve(script: Behaviour[]): Promise<{ url: string; hits: () => number; close: () => Promise<void> }> {
  let n = 0;
  const server: Server = createServer((req, res) => {
    const b = script[Math.min(n, script.length - 1)]!;
    n++;
    b(req, res);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/q`,
    hits: () => n,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

/** Sleeps are recorded, not waited: the test runs in milliseconds whatever the back-off. */
function fakeClock(): Clock & { slept: number[] } {
  const slept: number[] = [];
  let t = Date.UTC(2026, 0, 1);
  return {
    slept,
    now: () => t,
    sleep: async (ms, signal) => {
      if (signal?.aborted) throw new CancelledError();
      slept.push(ms);
      t += ms;
    },
  };
}

const ok: Behaviour = (_req, res) => {
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end('{"ok":true}');
};

describe('remote transport: send', () => {
  it('waits as long as Retry-After says on 429, then returns the answer', async () => {
    const s = await serve([(_q, res) => res.writeHead(429, { 'retry-after': '7' }).end('{}'), ok]);
    const clock = fakeClock();
    const waits: WaitEvent[] = [];
    try {
      const r = await send(s.url, { method: 'GET' }, { fetch, clock, onWait: (w) => waits.push(w) });
      assert.equal(r.status, 200);
      assert.equal(r.text, '{"ok":true}');
      assert.equal(r.attempts, 2);
      assert.deepEqual(clock.slept, [7000]);
      assert.deepEqual(waits.map((w) => [w.reason, w.status]), [['throttled', 429]]);
    } finally {
      await s.close();
    }
  });

  it('backs off on 503 and 504 and retries a connection dropped mid-body', async () => {
    const dropMidBody: Behaviour = (_q, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '1000' });
      res.write('{"value":[');
      setTimeout(() => res.socket?.destroy(), 5);
    };
    const s = await serve([(_q, res) => res.writeHead(503).end(), (_q, res) => res.writeHead(504).end(), dropMidBody, ok]);
    const clock = fakeClock();
    const waits: WaitEvent[] = [];
    try {
      const r = await send(s.url, {}, { fetch, clock, random: () => 0.5, policy: { baseDelayMs: 100 }, onWait: (w) => waits.push(w) });
      assert.equal(r.status, 200);
      assert.equal(r.attempts, 4);
      assert.deepEqual(waits.map((w) => w.reason), ['server-error', 'server-error', 'network']);
      // Exponential: 100, 200, 400 scaled by the jitter factor 0.75.
      assert.deepEqual(clock.slept, [75, 150, 300]);
    } finally {
      await s.close();
    }
  });

  it('returns 400, 401 and 403 at once, without retrying', async () => {
    for (const status of [400, 401, 403]) {
      const s = await serve([(_q, res) => res.writeHead(status).end('{"error":{}}')]);
      try {
        const r = await send(s.url, {}, { fetch, clock: fakeClock() });
        assert.equal(r.status, status);
        assert.equal(s.hits(), 1);
      } finally {
        await s.close();
      }
    }
  });

  it('gives the last 429 back when attempts run out, and a Retry-After beyond the cap at once', async () => {
    const s = await serve([(_q, res) => res.writeHead(429, { 'retry-after': '1' }).end()]);
    try {
      const r = await send(s.url, {}, { fetch, clock: fakeClock(), policy: { maxAttempts: 3 } });
      assert.equal(r.status, 429);
      assert.equal(s.hits(), 3);
    } finally {
      await s.close();
    }
    const t = await serve([(_q, res) => res.writeHead(429, { 'retry-after': '3600' }).end()]);
    try {
      const r = await send(t.url, {}, { fetch, clock: fakeClock(), policy: { maxRetryAfterMs: 60_000 } });
      assert.equal(r.status, 429);
      assert.equal(t.hits(), 1);
    } finally {
      await t.close();
    }
  });

  it('abandons a stalled attempt and says so when every attempt stalls', async () => {
    const s = await serve([() => undefined]);
    // Attempts are counted where they start (not where the server sees them): a loaded machine may abandon an
    // attempt before its request reaches the server.
    let attempts = 0;
    const counting = (url: string, init: RequestInit): Promise<Response> => {
      attempts++;
      return fetch(url, init);
    };
    try {
      await assert.rejects(
        send(s.url, {}, { fetch: counting, clock: fakeClock(), policy: { maxAttempts: 2, attemptTimeoutMs: 50 } }),
        (e: unknown) => e instanceof TransportError && e.kind === 'timeout' && /did not answer/.test(e.message) && !e.message.includes('/q'),
      );
      assert.equal(attempts, 2);
    } finally {
      await s.close();
    }
  });

  it('ends at once when cancelled, during an attempt or a wait', async () => {
    const s = await serve([() => undefined]);
    try {
      const ac = new AbortController();
      const p = send(s.url, {}, { fetch, clock: fakeClock(), signal: ac.signal });
      setTimeout(() => ac.abort(), 20);
      await assert.rejects(p, CancelledError);
    } finally {
      await s.close();
    }
  });

  it('refuses plain http to another machine before sending anything', async () => {
    let called = false;
    const spy = async (): Promise<Response> => {
      called = true;
      return new Response('');
    };
    await assert.rejects(send('http://example.com/q', {}, { fetch: spy }), (e: unknown) => e instanceof TransportError && e.kind === 'endpoint');
    assert.equal(called, false);
  });
});

describe('remote endpoints, Retry-After and secrets', () => {
  it('allows https anywhere and http only to this machine', () => {
    assert.equal(endpointProblem('https://graph.microsoft.com/v1.0'), undefined);
    assert.equal(endpointProblem('http://127.0.0.1:8080/x'), undefined);
    assert.equal(endpointProblem('http://localhost:1/x'), undefined);
    assert.equal(endpointProblem('http://[::1]:1/x'), undefined);
    assert.match(endpointProblem('http://graph.microsoft.com') ?? '', /not HTTPS/);
    assert.match(endpointProblem('http://127.0.0.1.evil.example/') ?? '', /not HTTPS/);
    assert.match(endpointProblem('https://user:pw@graph.microsoft.com') ?? '', /user name or password/);
    assert.match(endpointProblem('not a url') ?? '', /not a URL/);
    assert.equal(joinUrl('https://a.b/', '/v1.0/x'), 'https://a.b/v1.0/x');
  });

  it('reads Retry-After as seconds or as a date', () => {
    const now = Date.UTC(2026, 0, 1, 0, 0, 0);
    assert.equal(retryAfterMs('5', now), 5000);
    assert.equal(retryAfterMs('Thu, 01 Jan 2026 00:00:30 GMT', now), 30_000);
    assert.equal(retryAfterMs('Wed, 31 Dec 2025 23:00:00 GMT', now), 0);
    assert.equal(retryAfterMs('soon', now), undefined);
    assert.equal(retryAfterMs(null, now), undefined);
  });

  it('never prints a token by accident', () => {
    const token = 'eyJ0eXAiOiJKV1QiLCJhbGciOi.secret-part';
    const s = new Secret(token);
    assert.equal(`${s}`, '[redacted]');
    assert.equal(JSON.stringify({ s }), '{"s":"[redacted]"}');
    assert.equal(s.reveal(), token);
    assert.equal(redact(`refused ${token} twice: ${token}`, s), 'refused [redacted] twice: [redacted]');
  });
});
