/**
 * Proactive pacing for a budget of N requests per sliding window (Graph's identity-and-access reports allow 5
 * per 10 s per app per tenant). Reacting to 429s alone costs a Retry-After wait each time the budget runs out;
 * planning for it keeps every request inside the budget, so the pull runs at the ceiling.
 *
 * A request occupies its slot from the moment it is sent until the moment its response arrived: the service
 * counts it when it arrives, which lies somewhere in between, so measuring from the later end never overdraws.
 */
import type { Clock } from '../http/clock';

export interface RateBudget {
  readonly requests: number;
  readonly windowMs: number;
}

/** Graph's documented budget for the provisioning logs. */
export const GRAPH_REPORTS_BUDGET: RateBudget = { requests: 5, windowMs: 10_000 };

export interface Slot {
  /** Call when the response (or the failure) has arrived. */
  done(): void;
}

export class RateLimiter {
  /** End times of the requests in the current window; Infinity while one is in flight. */
  private readonly ends: number[] = [];
  private pausedUntil = 0;
  #waitedMs = 0;
  #requests = 0;

  constructor(
    private readonly clock: Clock,
    readonly budget: RateBudget,
  ) {
    if (!(budget.requests >= 1) || !(budget.windowMs > 0)) throw new Error('A rate budget needs at least one request per window.');
  }

  /** Time spent waiting for the budget so far (not counting Retry-After waits, which the transport does). */
  get waitedMs(): number {
    return this.#waitedMs;
  }

  get requests(): number {
    return this.#requests;
  }

  /** Waits until a request may be sent within the budget, then takes a slot. */
  async acquire(signal?: AbortSignal): Promise<Slot> {
    for (;;) {
      const now = this.clock.now();
      const wait = this.waitFor(now);
      if (wait <= 0) break;
      this.#waitedMs += wait;
      await this.clock.sleep(wait, signal);
    }
    const index = this.ends.push(Infinity) - 1;
    this.#requests++;
    let released = false;
    return {
      done: () => {
        if (released) return;
        released = true;
        // Earlier entries may have been pruned: find the in-flight marker from the end.
        const i = Math.min(index, this.ends.length - 1);
        for (let k = i; k >= 0; k--) {
          if (this.ends[k] === Infinity) {
            this.ends[k] = this.clock.now();
            break;
          }
        }
      },
    };
  }

  /** The service said "too many requests" (someone else shares the budget): send nothing before `ms` from now. */
  pause(ms: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, this.clock.now() + ms);
  }

  /** How long to wait at `now` before the next request may go (0 = now). */
  waitFor(now: number): number {
    while (this.ends.length > 0 && this.ends[0]! + this.budget.windowMs <= now) this.ends.shift();
    const paused = this.pausedUntil - now;
    if (this.ends.length < this.budget.requests) return Math.max(0, paused);
    const oldest = this.ends[this.ends.length - this.budget.requests]!;
    // The oldest counted request is still in flight: wait a window, then look again.
    const untilFree = oldest === Infinity ? this.budget.windowMs : oldest + this.budget.windowMs - now;
    return Math.max(untilFree, paused, 1);
  }
}
