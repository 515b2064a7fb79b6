import { strict as assert } from 'node:assert';
import { RateLimiter } from '../../../../../src/core/sources/graph/rateLimiter';
import { SteppingClock } from './graphTestSupport';

describe('Graph rate limiter', () => {
  it('lets a full budget through at once, then spaces requests a window after the ones they replace', async () => {
    const clock = new SteppingClock(0);
    const limiter = new RateLimiter(clock, { requests: 5, windowMs: 10_000 });
    const sent: number[] = [];
    for (let i = 0; i < 12; i++) {
      const slot = await limiter.acquire();
      sent.push(clock.now());
      clock.t += 100; // the response takes 100 ms
      slot.done();
    }
    assert.deepEqual(sent.slice(0, 5), [0, 100, 200, 300, 400]);
    // The 6th waits until the 1st response (at 100) is 10 s old.
    assert.equal(sent[5], 10_100);
    for (let i = 5; i < 12; i++) assert.ok(sent[i]! >= sent[i - 5]! + 100 + 10_000, `request ${i + 1} at ${sent[i]} overdraws the budget`);
    // Never more than 5 within any 10 s measured from responses.
    assert.equal(limiter.requests, 12);
    assert.ok(limiter.waitedMs > 0);
  });

  it('counts a request from when its response arrived, so a slow answer delays the next one', async () => {
    const clock = new SteppingClock(0);
    const limiter = new RateLimiter(clock, { requests: 1, windowMs: 1000 });
    const a = await limiter.acquire();
    clock.t = 700;
    a.done();
    await limiter.acquire();
    assert.equal(clock.now(), 1700);
  });

  it('holds everything back after a 429 for as long as the service asked', async () => {
    const clock = new SteppingClock(0);
    const limiter = new RateLimiter(clock, { requests: 5, windowMs: 10_000 });
    (await limiter.acquire()).done();
    limiter.pause(3000);
    await limiter.acquire();
    assert.equal(clock.now(), 3000);
  });

  it('stops waiting when cancelled, and refuses an impossible budget', async () => {
    const clock = new SteppingClock(0);
    const limiter = new RateLimiter(clock, { requests: 1, windowMs: 1000 });
    (await limiter.acquire()).done();
    const ac = new AbortController();
    ac.abort();
    await assert.rejects(limiter.acquire(ac.signal), /Cancelled/);
    assert.throws(() => new RateLimiter(clock, { requests: 0, windowMs: 1000 }), /at least one request/);
  });
});
