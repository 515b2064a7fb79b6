/**
 * One GET to Graph the way every provisioning-log request goes: inside the request budget (each attempt,
 * retries included, takes a slot), with the bearer token (renewed once on a 401), through the shared
 * transport's retries; a final refusal becomes a sentence that says what to do (graphErrors.ts).
 */
import { authorized, type TokenSource } from '../http/auth';
import type { Clock } from '../http/clock';
import type { Secret } from '../http/secret';
import { send, type FetchLike, type HttpResult, type RetryPolicy, type WaitEvent } from '../http/transport';
import { explainStatus } from './graphErrors';
import type { RateLimiter } from './rateLimiter';

export interface GraphClientOptions {
  readonly fetch: FetchLike;
  readonly tokens: TokenSource;
  readonly limiter: RateLimiter;
  readonly clock: Clock;
  readonly signal?: AbortSignal;
  readonly policy?: Partial<RetryPolicy>;
  readonly random?: () => number;
  readonly consentUrl?: string;
  readonly onWait?: (w: WaitEvent) => void;
}

/** Attempts per request: a 429 that persists this long makes the pull halve its window instead. */
const GRAPH_POLICY: Partial<RetryPolicy> = { maxAttempts: 5 };

export class GraphClient {
  private token: Secret | undefined;

  constructor(private readonly opts: GraphClientOptions) {}

  /** The response when it is 200 or a 429 that outlasted the retries; any other status throws a GraphPullError. */
  async get(url: string, filter: string): Promise<HttpResult> {
    for (let renewed = false; ; renewed = true) {
      this.token ??= await this.opts.tokens.token({ forceNew: renewed });
      const res = await send(url, authorized({ method: 'GET', headers: { Accept: 'application/json' } }, this.token), {
        fetch: this.paced,
        clock: this.opts.clock,
        policy: { ...GRAPH_POLICY, ...this.opts.policy },
        ...(this.opts.signal ? { signal: this.opts.signal } : {}),
        ...(this.opts.random ? { random: this.opts.random } : {}),
        ...(this.opts.onWait ? { onWait: this.opts.onWait } : {}),
      });
      if (res.status === 200 || res.status === 429) return res;
      if (res.status === 401 && !renewed) {
        this.token = undefined;
        continue;
      }
      throw explainStatus(res.status, res.text, { filter, token: this.token, ...(this.opts.consentUrl ? { consentUrl: this.opts.consentUrl } : {}) });
    }
  }

  private readonly paced: FetchLike = async (url, init) => {
    const slot = await this.opts.limiter.acquire(init.signal ?? undefined);
    try {
      return await this.opts.fetch(url, init);
    } finally {
      slot.done();
    }
  };
}
