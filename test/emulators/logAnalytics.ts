/**
 * A local emulator of the Log Analytics query endpoint as Azure Resource Manager serves it, and of
 * the ARM list calls a workspace picker makes. 127.0.0.1 only; tests start and stop it. It behaves
 * as documented: bearer tokens are checked (401), a denied workspace answers 403, a workspace
 * without the table answers the service's "Failed to resolve table" 400, invalid KQL (as the Kusto
 * language service sees it) gets a Kusto-shaped 400, a result above the row limit comes back cut
 * short with an error object beside the tables, more than five queries at once or a scripted fault
 * get 429 with Retry-After; answers can be slow, and connections can drop mid-body.
 *
 * Rows are selected by time only: the timespan and the query's `TimeGenerated >=/<` bounds. Other
 * conditions are checked for validity, not evaluated (the KQL tests cover their meaning).
 */
import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { analyseKql, type KustoDiagnostic } from './kustoAnalyzer';
import type { LaDataset } from './laDataset';
import { json, kustoError, partialError, readBody, timeRange } from './laResponses';

export interface LaWorkspace {
  resourceId: string;
  dataset?: LaDataset;
  /** false: diagnostic settings never sent provisioning logs here. */
  hasTable?: boolean;
  /** The signed-in account lacks a reader role. */
  denied?: boolean;
  location?: string;
}

export interface LaEmulatorOptions {
  workspaces: LaWorkspace[];
  /** Bearer tokens accepted. */
  tokens: string[];
  rowLimit?: number;
  subscriptions?: { subscriptionId: string; displayName: string }[];
  /** Items per page of the ARM list calls (nextLink paging). */
  pageSize?: number;
}

export interface LaFaults {
  /** The next N queries get 429 with this Retry-After (seconds). */
  throttle?: { count: number; retryAfterS: number };
  /** The next N queries drop the connection after part of the body. */
  drop?: number;
  /** Every query waits this long before answering. */
  slowMs?: number;
  /** The next N queries answer 504 (the service gave up). */
  gatewayTimeout?: number;
}

export interface LaStats {
  queries: number;
  probes: number;
  partials: number;
  throttled: number;
  dropped: number;
  unauthorized: number;
  maxInFlight: number;
  rowsSent: number;
  /** Bodies of the queries, newest last (the last 50). */
  lastQueries: string[];
}

const MAX_CONCURRENT = 5;
const QUERY_PATH = /^(\/subscriptions\/[^/]+\/resourcegroups\/[^/]+\/providers\/microsoft\.operationalinsights\/workspaces\/[^/]+)\/query$/i;
const DOWNLOAD_PATH = /^(\/subscriptions\/[^/]+\/resourcegroups\/[^/]+\/providers\/microsoft\.operationalinsights\/workspaces\/[^/]+)\/download$/i;
const WORKSPACES_PATH = /^\/subscriptions\/([^/]+)\/providers\/microsoft\.operationalinsights\/workspaces$/i;
const PROBE = /\| summarize provlog_rows = count\(\) by provlog_bin = bin\(TimeGenerated, (\d+)(d|h|m|s|ms)\)\s*$/;
const UNIT_MS: Record<string, number> = { d: 86_400_000, h: 3_600_000, m: 60_000, s: 1000, ms: 1 };

export class LaEmulator {
  faults: LaFaults = {};
  readonly stats: LaStats = { queries: 0, probes: 0, partials: 0, throttled: 0, dropped: 0, unauthorized: 0, maxInFlight: 0, rowsSent: 0, lastQueries: [] };
  private inFlight = 0;
  private readonly analysed = new Map<string, KustoDiagnostic[]>();
  private readonly tokens: Set<string>;

  private constructor(
    private readonly server: Server,
    readonly url: string,
    private readonly opts: LaEmulatorOptions,
  ) {
    this.tokens = new Set(opts.tokens);
  }

  static async start(opts: LaEmulatorOptions): Promise<LaEmulator> {
    const holder: { self?: LaEmulator } = {};
    const server = createServer((req, res) => {
      void holder.self!.handle(req, res).catch(() => res.destroy());
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const { port } = server.address() as AddressInfo;
    holder.self = new LaEmulator(server, `http://127.0.0.1:${port}`, opts);
    return holder.self;
  }

  get rowLimit(): number {
    return this.opts.rowLimit ?? 500_000;
  }

  /** Tokens issued from now on are these (old ones stop working: "expired"). */
  setTokens(tokens: string[]): void {
    this.tokens.clear();
    for (const t of tokens) this.tokens.add(t);
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((r) => this.server.close(() => r()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.url);
    const auth = req.headers.authorization ?? '';
    const token = auth.startsWith('Bearer ') ? auth.slice(7) : '';
    const body = await readBody(req);
    if (!this.tokens.has(token)) {
      this.stats.unauthorized++;
      res.setHeader('WWW-Authenticate', 'Bearer authorization_uri="https://login.microsoftonline.com/common", error="invalid_token"');
      return json(res, 401, { error: { code: token ? 'ExpiredAuthenticationToken' : 'AuthenticationFailed', message: 'The access token is missing, invalid or expired.' } });
    }
    if (req.method === 'GET' && url.pathname === '/subscriptions') return this.list(res, url, this.opts.subscriptions ?? []);
    const ws = WORKSPACES_PATH.exec(url.pathname);
    if (req.method === 'GET' && ws) {
      const items = this.opts.workspaces
        .filter((w) => w.resourceId.toLowerCase().startsWith(`/subscriptions/${ws[1]!.toLowerCase()}/`))
        .map((w) => ({ id: w.resourceId, name: w.resourceId.split('/').pop(), location: w.location ?? 'westeurope', type: 'Microsoft.OperationalInsights/workspaces' }));
      return this.list(res, url, items);
    }
    const download = DOWNLOAD_PATH.exec(decodeURI(url.pathname));
    const dl = download && this.opts.workspaces.find((w) => w.resourceId.toLowerCase() === download[1]!.toLowerCase());
    if (req.method === 'GET' && dl?.dataset) {
      // Not a service route: the same rows in one plain answer, a baseline for benchmarks.
      const [from, to] = dl.dataset.span(Number(url.searchParams.get('start')), Number(url.searchParams.get('end')));
      return this.streamRows(res, dl.dataset, from, to, Infinity);
    }
    const q = QUERY_PATH.exec(decodeURI(url.pathname));
    if (req.method !== 'POST' || !q) return json(res, 404, { error: { code: 'NotFound', message: `No route ${req.method} ${url.pathname}` } });
    if (url.searchParams.get('api-version') !== '2017-10-01') return json(res, 400, { error: { code: 'InvalidApiVersionParameter', message: 'Use api-version 2017-10-01.' } });
    const workspace = this.opts.workspaces.find((w) => w.resourceId.toLowerCase() === q[1]!.toLowerCase());
    if (!workspace) return json(res, 404, { error: { code: 'ResourceNotFound', message: `The Resource '${q[1]}' was not found.` } });
    if (workspace.denied) {
      return json(res, 403, { error: { code: 'AuthorizationFailed', message: `The client does not have authorization to perform action 'Microsoft.OperationalInsights/workspaces/query/read' over scope '${q[1]}'.` } });
    }
    await this.query(workspace, body, res);
  }

  /** The language service's errors; queries that differ only in their datetime literals are analysed once. */
  private diagnostics(query: string): KustoDiagnostic[] {
    const key = query.replace(/datetime\([^)]*\)/g, 'datetime(2000-01-01)');
    let d = this.analysed.get(key);
    if (d === undefined) {
      d = analyseKql(query).filter((x) => x.severity === 'Error');
      if (this.analysed.size > 200) this.analysed.clear();
      this.analysed.set(key, d);
    }
    return d;
  }

  private list(res: ServerResponse, url: URL, items: unknown[]): void {
    const size = this.opts.pageSize ?? 100;
    const skip = Number(url.searchParams.get('$skiptoken') ?? '0');
    const page = items.slice(skip, skip + size);
    const next = skip + size < items.length ? new URL(url.toString()) : undefined;
    next?.searchParams.set('$skiptoken', String(skip + size));
    json(res, 200, { value: page, ...(next ? { nextLink: next.toString() } : {}) });
  }

  private async query(workspace: LaWorkspace, body: string, res: ServerResponse): Promise<void> {
    this.stats.queries++;
    if (this.inFlight >= MAX_CONCURRENT) {
      this.stats.throttled++;
      res.setHeader('Retry-After', '1');
      return json(res, 429, { error: { code: 'TooManyRequests', message: 'Too many concurrent queries for this user (at most 5).' } });
    }
    const t = this.faults.throttle;
    if (t && t.count > 0) {
      t.count--;
      this.stats.throttled++;
      res.setHeader('Retry-After', String(t.retryAfterS));
      return json(res, 429, { error: { code: 'TooManyRequests', message: 'Rate limit of 200 requests per 30 seconds exceeded.' } });
    }
    this.inFlight++;
    this.stats.maxInFlight = Math.max(this.stats.maxInFlight, this.inFlight);
    // 'finish' comes before the client has the whole answer, so its next query never finds this one still counted.
    let counted = true;
    const release = (): void => {
      if (counted) this.inFlight--;
      counted = false;
    };
    res.once('finish', release);
    res.once('close', release);
    if (this.faults.slowMs) await new Promise((r) => setTimeout(r, this.faults.slowMs));
    if (this.faults.gatewayTimeout && this.faults.gatewayTimeout > 0) {
      this.faults.gatewayTimeout--;
      return json(res, 504, { error: { code: 'GatewayTimeout', message: 'The query did not finish in time.' } });
    }
    let parsed: { query?: unknown; timespan?: unknown };
    try {
      parsed = JSON.parse(body) as typeof parsed;
    } catch {
      return json(res, 400, { error: { code: 'BadArgumentError', message: 'The request body is not JSON.' } });
    }
    const query = typeof parsed.query === 'string' ? parsed.query : '';
    this.stats.lastQueries.push(query);
    if (this.stats.lastQueries.length > 50) this.stats.lastQueries.shift();
    if (workspace.hasTable === false && /\bAADProvisioningLogs\b/.test(query)) {
      return json(res, 400, kustoError('SemanticError', 'A semantic error occurred.', 'SEM0100', "'where' operator: Failed to resolve table or column expression named 'AADProvisioningLogs'"));
    }
    const diags = this.diagnostics(query);
    if (diags.length > 0) {
      const d = diags[0]!;
      return json(res, 400, kustoError(d.code.startsWith('KS0') ? 'SyntaxError' : 'SemanticError', 'A recognition error occurred in the query.', d.code, `${d.message} (at ${d.start})`));
    }
    const range = timeRange(typeof parsed.timespan === 'string' ? parsed.timespan : '', query);
    const data = workspace.dataset;
    const [from, to] = data && range ? data.span(range[0], range[1]) : [0, 0];
    const probe = PROBE.exec(query);
    if (probe) {
      this.stats.probes++;
      const bin = Number(probe[1]) * UNIT_MS[probe[2]!]!;
      const counts = new Map<number, number>();
      for (let i = from; i < to; i++) {
        const b = Math.floor(data!.timeOf(i) / bin) * bin;
        counts.set(b, (counts.get(b) ?? 0) + 1);
      }
      const rows = [...counts].map(([b, n]) => [new Date(b).toISOString(), n]);
      return json(res, 200, { tables: [{ name: 'PrimaryResult', columns: [{ name: 'provlog_bin', type: 'datetime' }, { name: 'provlog_rows', type: 'long' }], rows }] });
    }
    await this.streamRows(res, data, from, to);
  }

  /** The rows as the service writes them, streamed; cut short with an error beside the table above the row limit. */
  private async streamRows(res: ServerResponse, data: LaDataset | undefined, from: number, to: number, limit = this.rowLimit): Promise<void> {
    const partial = to - from > limit;
    const end = partial ? from + limit : to;
    const dropAfter = this.faults.drop && this.faults.drop > 0 ? from + Math.floor((end - from) / 2) : -1;
    if (dropAfter >= 0) this.faults.drop!--;
    res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8' });
    const columns = data?.columns ?? [];
    let chunk = `{"tables":[{"name":"PrimaryResult","columns":${JSON.stringify(columns)},"rows":[`;
    for (let i = from; i < end; i++) {
      if (i === dropAfter) {
        res.write(chunk);
        this.stats.dropped++;
        res.socket?.destroy();
        return;
      }
      chunk += (i > from ? ',' : '') + JSON.stringify(data!.row(i));
      this.stats.rowsSent++;
      if (chunk.length > 256 * 1024) {
        if (!res.write(chunk)) await once(res, 'drain');
        chunk = '';
      }
    }
    chunk += ']}]';
    if (partial) {
      this.stats.partials++;
      chunk += `,"error":${JSON.stringify(partialError(limit))}`;
    }
    res.end(`${chunk}}`);
  }
}
