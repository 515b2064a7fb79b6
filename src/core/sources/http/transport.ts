/**
 * One HTTP exchange with the services' documented failure modes handled the same way for every client: 429 waits
 * as long as `Retry-After` says, 500/502/503/504 back off, a dropped connection (also mid-body: the body is read
 * inside the retry loop) or a stalled attempt is tried again, and cancellation ends everything at once. Statuses
 * the caller must interpret (200, 400, 401, 403, 404, …) come back on the first try.
 */
import { CancelledError, realClock, type Clock } from './clock';
import { endpointProblem } from './endpoints';
import { retryAfterMs } from './retryAfter';

export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

export interface RetryPolicy {
  /** Attempts in all, the first included. */
  readonly maxAttempts: number;
  /** Back-off before the 2nd attempt when the service gives no Retry-After; doubles each time. */
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  /** One attempt (headers and body) may take this long before it is abandoned and retried. */
  readonly attemptTimeoutMs: number;
  /** A Retry-After longer than this is not waited out: the response goes back to the caller to decide. */
  readonly maxRetryAfterMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 6,
  baseDelayMs: 1000,
  maxDelayMs: 30_000,
  attemptTimeoutMs: 120_000,
  maxRetryAfterMs: 300_000,
};

export type WaitReason = 'throttled' | 'server-error' | 'network' | 'timeout';

export interface WaitEvent {
  readonly reason: WaitReason;
  readonly ms: number;
  /** The attempt that failed (1-based). */
  readonly attempt: number;
  readonly status?: number;
}

export interface SendOptions {
  readonly fetch: FetchLike;
  readonly clock?: Clock;
  readonly policy?: Partial<RetryPolicy>;
  readonly signal?: AbortSignal;
  readonly onWait?: (w: WaitEvent) => void;
  /** 0 ≤ random() < 1, for jitter; injected so tests are repeatable. */
  readonly random?: () => number;
}

export interface HttpResult {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  readonly attempts: number;
}

export type TransportErrorKind = 'network' | 'timeout' | 'endpoint';

export class TransportError extends Error {
  constructor(
    readonly kind: TransportErrorKind,
    message: string,
  ) {
    super(message);
    this.name = 'TransportError';
  }
}

const RETRYABLE_STATUS = new Set([429, 500, 502, 503, 504]);

export async function send(url: string, init: RequestInit, opts: SendOptions): Promise<HttpResult> {
  const problem = endpointProblem(url);
  if (problem) throw new TransportError('endpoint', problem);
  const policy = { ...DEFAULT_RETRY_POLICY, ...opts.policy };
  const clock = opts.clock ?? realClock;
  const random = opts.random ?? Math.random;
  const host = new URL(url).host;
  for (let attempt = 1; ; attempt++) {
    if (opts.signal?.aborted) throw new CancelledError();
    const outcome = await attemptOnce(url, init, opts, policy.attemptTimeoutMs);
    const last = attempt >= policy.maxAttempts;
    const backoff = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1)) * (0.5 + random() / 2);
    if ('status' in outcome) {
      if (!RETRYABLE_STATUS.has(outcome.status) || last) return { ...outcome, attempts: attempt };
      const asked = retryAfterMs(outcome.headers.get('retry-after'), clock.now());
      if (asked !== undefined && asked > policy.maxRetryAfterMs) return { ...outcome, attempts: attempt };
      const ms = asked ?? backoff;
      opts.onWait?.({ reason: outcome.status === 429 ? 'throttled' : 'server-error', ms, attempt, status: outcome.status });
      await clock.sleep(ms, opts.signal);
      continue;
    }
    if (last) {
      throw new TransportError(
        outcome.failure,
        outcome.failure === 'timeout'
          ? `${host} did not answer within ${Math.round(policy.attemptTimeoutMs / 1000)} s, ${attempt} times.`
          : `The connection to ${host} failed ${attempt} times (${outcome.detail}).`,
      );
    }
    opts.onWait?.({ reason: outcome.failure, ms: backoff, attempt });
    await clock.sleep(backoff, opts.signal);
  }
}

type Outcome = Omit<HttpResult, 'attempts'> | { failure: 'network' | 'timeout'; detail: string };

async function attemptOnce(url: string, init: RequestInit, opts: SendOptions, timeoutMs: number): Promise<Outcome> {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  const onAbort = (): void => controller.abort();
  opts.signal?.addEventListener('abort', onAbort, { once: true });
  try {
    const res = await opts.fetch(url, { ...init, signal: controller.signal });
    const text = await res.text();
    return { status: res.status, headers: res.headers, text };
  } catch (e) {
    if (opts.signal?.aborted) throw new CancelledError();
    if (timedOut) return { failure: 'timeout', detail: 'timed out' };
    return { failure: 'network', detail: networkDetail(e) };
  } finally {
    clearTimeout(timer);
    opts.signal?.removeEventListener('abort', onAbort);
  }
}

/** A short cause for a failed fetch without the URL (which may carry a query the user typed). */
function networkDetail(e: unknown): string {
  const cause = (e as { cause?: { code?: unknown; message?: unknown } } | undefined)?.cause;
  if (cause && typeof cause.code === 'string') return cause.code;
  if (e instanceof Error && e.name !== 'TypeError') return e.name;
  return 'connection lost';
}
