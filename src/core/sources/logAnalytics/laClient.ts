/**
 * One Log Analytics query through Azure Resource Manager (`POST {arm}{workspace}/query?api-version=2017-10-01`,
 * no app registration: the ARM token VS Code's Microsoft sign-in issues). Throttling, 5xx and dropped
 * connections are the transport's; this file gives every other answer its meaning: a 401 gets one
 * fresh token, 403/404/400 become errors that say what to do, a timeout or a cut-short result is
 * reported to the caller, which splits the time window.
 */
import type { TokenSource } from '../http/auth';
import { authorized } from '../http/auth';
import { CancelledError, type Clock } from '../http/clock';
import { joinUrl } from '../http/endpoints';
import { redact, type Secret } from '../http/secret';
import { send, TransportError, type FetchLike, type RetryPolicy, type WaitEvent } from '../http/transport';
import { forbidden, isMissingTable, LogAnalyticsError, noTable, notFound, signInAgain, workspaceName } from './laErrors';
import { errorOfText, parseQueryResponse, type QueryResponse } from './queryResponse';

export const QUERY_API_VERSION = '2017-10-01';

export interface LaClientOptions {
  /** Azure Resource Manager, e.g. https://management.azure.com (a setting: national clouds differ). */
  arm: string;
  workspaceResourceId: string;
  tokens: TokenSource;
  fetch: FetchLike;
  clock?: Clock;
  /** Seconds the service may run one query (`Prefer: wait=`; its default 180, at most 600). */
  waitSeconds?: number;
  policy?: Partial<RetryPolicy>;
  onWait?: (w: WaitEvent) => void;
}

/** What a query came to: rows (complete or cut short), or a timeout the caller may answer by splitting. */
export type QueryOutcome = { kind: 'rows'; response: QueryResponse } | { kind: 'timeout'; message: string };

export class LogAnalyticsClient {
  private token: Secret | undefined;
  readonly url: string;

  constructor(private readonly opts: LaClientOptions) {
    this.url = `${joinUrl(opts.arm, encodeURI(opts.workspaceResourceId.trim()))}/query?api-version=${QUERY_API_VERSION}`;
  }

  get workspace(): string {
    return workspaceName(this.opts.workspaceResourceId);
  }

  /** Runs `query` over [start, end) (epoch ms). Throws LogAnalyticsError, or CancelledError. */
  async query(query: string, start: number, end: number, signal?: AbortSignal): Promise<QueryOutcome> {
    const wait = Math.min(600, Math.max(1, this.opts.waitSeconds ?? 180));
    const body = JSON.stringify({ query, timespan: `${new Date(start).toISOString()}/${new Date(end).toISOString()}` });
    for (let fresh = false; ; fresh = true) {
      this.token = fresh || this.token === undefined ? await this.opts.tokens.token({ forceNew: fresh }) : this.token;
      const init = authorized({ method: 'POST', body, headers: { 'Content-Type': 'application/json', Prefer: `wait=${wait}` } }, this.token);
      let status: number;
      let text: string;
      try {
        ({ status, text } = await send(this.url, init, {
          fetch: this.opts.fetch,
          ...(this.opts.clock ? { clock: this.opts.clock } : {}),
          // A query the service gave up on will not finish on a second try: the caller splits instead.
          policy: { maxAttempts: 5, attemptTimeoutMs: (wait + 30) * 1000, ...this.opts.policy },
          ...(signal ? { signal } : {}),
          ...(this.opts.onWait ? { onWait: this.opts.onWait } : {}),
        }));
      } catch (e) {
        if (e instanceof CancelledError) throw e;
        if (e instanceof TransportError) {
          if (e.kind === 'timeout') return { kind: 'timeout', message: e.message };
          throw new LogAnalyticsError(e.kind === 'endpoint' ? 'endpoint' : 'network', e.message);
        }
        throw e;
      }
      if (status === 401 && !fresh) continue;
      return this.outcome(status, text, query);
    }
  }

  private outcome(status: number, text: string, query: string): QueryOutcome {
    const ws = this.opts.workspaceResourceId;
    const said = (): string => {
      const e = errorOfText(text);
      return redact(e ? e.detail || e.message || e.code : text.slice(0, 300), this.token);
    };
    if (status === 200) {
      const response = parseQueryResponse(text);
      if (response) return { kind: 'rows', response };
      throw new LogAnalyticsError('service', `Log Analytics answered workspace ${this.workspace}'s query with something that is not a query result; try again later.`);
    }
    if (status === 401) throw signInAgain(ws);
    if (status === 403) throw forbidden(ws);
    if (status === 404) throw notFound(ws);
    if (status === 504 || status === 408) return { kind: 'timeout', message: `Log Analytics gave up on the query (${status}).` };
    if (status === 429) {
      throw new LogAnalyticsError('throttled', `Log Analytics kept refusing queries (429: too many requests); wait a few minutes and run it again.`);
    }
    if (status === 400) {
      const words = said();
      if (isMissingTable(words)) throw noTable(ws);
      if (/timeout|timed out|exceeded the allowed (?:time|execution)/i.test(words)) return { kind: 'timeout', message: words };
      throw new LogAnalyticsError('badQuery', `Log Analytics rejected the query: ${words}`, query);
    }
    throw new LogAnalyticsError('service', `Log Analytics failed (${status}) on workspace ${this.workspace}: ${said()}; try again later.`);
  }
}
