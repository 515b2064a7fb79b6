/**
 * A local Microsoft Graph for the provisioning logs (127.0.0.1 only; the tests start and stop it). It serves
 * generated records at GET /{v1.0|beta}/auditLogs/provisioning the way the documentation describes: a bearer
 * check (401/403 with Graph's error JSON), `$top`, `$filter` on the supported fields and 400 for the rest,
 * opaque nextLinks, no dependable order, and the reports' budget of 5 requests per 10 s answered with 429 and
 * Retry-After. Faults are injected at given request numbers: 429, 503, 504, a connection dropped mid-body, and a
 * page whose nextLink repeats the link that fetched it (once, or for ever).
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Random } from '../fixtures/generator/random';
import { compileFilter, filterFields, type EmulatedRecord } from './graphFilterEval';

/** What a bearer token is allowed: the failures a real tenant produces. */
export type TokenRole = 'reader' | 'expired' | 'noConsent' | 'noRole' | 'noLicence';

export interface GraphFaults {
  readonly throttle?: readonly number[];
  readonly unavailable?: readonly number[];
  readonly gatewayTimeout?: readonly number[];
  readonly drop?: readonly number[];
  readonly repeatNextLink?: readonly number[];
  /** The repeated nextLink keeps repeating (a true loop) instead of a one-off. */
  readonly repeatForever?: boolean;
}

export interface GraphEmulatorOptions {
  readonly records: readonly Record<string, unknown>[];
  readonly tokens: Readonly<Record<string, TokenRole>>;
  readonly budget?: { readonly requests: number; readonly windowMs: number };
  readonly faults?: GraphFaults;
  /** Retry-After of an injected 429, seconds (decimals allowed for a time-scaled budget). */
  readonly injectedRetryAfterS?: number;
  readonly seed?: number;
}

export interface GraphEmulatorStats {
  /** Requests to auditLogs/provisioning, in order of arrival. */
  requests: number;
  /** 429s because the budget was exceeded (our pacing's fault), as opposed to injected ones. */
  budgetThrottled: number;
  injected: Record<keyof Omit<GraphFaults, 'repeatForever'>, number>;
  /** Records sent in 200 pages (duplicates included). */
  served: number;
  /** Every Authorization header value seen (to prove which token was used). */
  authorizations: string[];
  /** The $filter of each first page. */
  filters: string[];
  /** The API version of each request to the provisioning logs. */
  versions: string[];
}

interface Cursor {
  readonly matches: readonly EmulatedRecord[];
  readonly offset: number;
  readonly top: number;
}

const ERR = (code: string, message: string): string => JSON.stringify({ error: { code, message, innerError: { date: '2026-03-02T14:00:00', 'request-id': '00000000-0000-0000-0000-000000000000' } } });

export class GraphEmulator {
  readonly stats: GraphEmulatorStats = { requests: 0, budgetThrottled: 0, injected: { throttle: 0, unavailable: 0, gatewayTimeout: 0, drop: 0, repeatNextLink: 0 }, served: 0, authorizations: [], filters: [], versions: [] };
  private readonly records: EmulatedRecord[];
  private readonly cursors = new Map<string, Cursor>();
  private readonly arrivals: number[] = [];
  private readonly tokens: Map<string, TokenRole>;
  private readonly repeated = new Set<string>();

  private constructor(
    private readonly server: Server,
    readonly url: string,
    private readonly opts: GraphEmulatorOptions,
  ) {
    const rnd = new Random(opts.seed ?? 7);
    this.records = opts.records.map((o) => ({ id: String(o['id']), time: Date.parse(String(o['activityDateTime'])), json: JSON.stringify(o), fields: filterFields(o) }));
    // No dependable order, as $orderby is unreliable in the real service.
    for (let i = this.records.length - 1; i > 0; i--) {
      const j = Math.floor(rnd.next() * (i + 1));
      [this.records[i], this.records[j]] = [this.records[j]!, this.records[i]!];
    }
    this.tokens = new Map(Object.entries(opts.tokens));
  }

  static async start(opts: GraphEmulatorOptions): Promise<GraphEmulator> {
    const holder: { emu?: GraphEmulator } = {};
    const server = createServer((req, res) => holder.emu!.handle(req, res));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const { port } = server.address() as AddressInfo;
    holder.emu = new GraphEmulator(server, `http://127.0.0.1:${port}`, opts);
    return holder.emu;
  }

  /** The token stops working (expiry): the next request with it gets 401. */
  expire(token: string): void {
    this.tokens.set(token, 'expired');
  }

  allow(token: string, role: TokenRole): void {
    this.tokens.set(token, role);
  }

  close(): Promise<void> {
    return new Promise((r) => {
      this.server.closeAllConnections();
      this.server.close(() => r());
    });
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const u = new URL(req.url ?? '/', this.url);
    const m = /^\/(v1\.0|beta)\/auditLogs\/provisioning$/.exec(u.pathname);
    if (req.method !== 'GET' || !m) return this.reply(res, 404, ERR('Request_ResourceNotFound', `Resource not found for the segment '${u.pathname.slice(0, 80)}'.`));
    const auth = req.headers.authorization ?? '';
    this.stats.authorizations.push(auth);
    this.stats.versions.push(m[1]!);
    const role = this.tokens.get(/^Bearer (.+)$/.exec(auth)?.[1] ?? '');
    if (role === undefined || role === 'expired') {
      return this.reply(res, 401, ERR('InvalidAuthenticationToken', 'Access token has expired or is not yet valid.'), { 'WWW-Authenticate': 'Bearer realm=""' });
    }
    if (role === 'noConsent') return this.reply(res, 403, ERR('Authentication_MSGraphPermissionMissing', 'Calling principal does not have required MSGraph permissions AuditLog.Read.All'));
    if (role === 'noRole') return this.reply(res, 403, ERR('Authorization_RequestDenied', 'Insufficient privileges to complete the operation.'));
    if (role === 'noLicence') return this.reply(res, 403, ERR('Authentication_RequestFromNonPremiumTenantOrB2CTenant', "Neither tenant is B2C or tenant doesn't have premium license"));
    const now = Date.now();
    const budget = this.opts.budget ?? { requests: 5, windowMs: 10_000 };
    while (this.arrivals.length > 0 && this.arrivals[0]! + budget.windowMs <= now) this.arrivals.shift();
    if (this.arrivals.length >= budget.requests) {
      this.stats.budgetThrottled++;
      const waitS = (this.arrivals[0]! + budget.windowMs - now) / 1000;
      return this.reply(res, 429, ERR('TooManyRequests', 'Too many requests.'), { 'Retry-After': budget.windowMs >= 10_000 ? String(Math.ceil(waitS)) : waitS.toFixed(3) });
    }
    this.arrivals.push(now);
    const n = ++this.stats.requests;
    const f = this.opts.faults ?? {};
    if (f.throttle?.includes(n)) {
      this.stats.injected.throttle++;
      return this.reply(res, 429, ERR('TooManyRequests', 'Too many requests.'), { 'Retry-After': String(this.opts.injectedRetryAfterS ?? 1) });
    }
    if (f.unavailable?.includes(n)) {
      this.stats.injected.unavailable++;
      return this.reply(res, 503, ERR('ServiceUnavailable', 'The service is temporarily unavailable.'));
    }
    if (f.gatewayTimeout?.includes(n)) {
      this.stats.injected.gatewayTimeout++;
      return this.reply(res, 504, ERR('GatewayTimeout', 'The gateway timed out.'));
    }
    const page = this.page(u, m[1]!);
    if (typeof page === 'string') return this.reply(res, 400, ERR('BadRequest', page));
    let nextLink = page.nextLink;
    const self = `${this.url}${u.pathname}${u.search}`;
    if (nextLink && (f.repeatNextLink?.includes(n) || (f.repeatForever && this.repeated.has(self)))) {
      this.stats.injected.repeatNextLink++;
      this.repeated.add(self);
      nextLink = self;
    }
    const context = JSON.stringify(`${this.url}/${m[1]}/$metadata#auditLogs/provisioning`);
    const link = nextLink ? `,"@odata.nextLink":${JSON.stringify(nextLink)}` : '';
    const text = `{"@odata.context":${context},"value":[${page.records.map((r) => r.json).join(',')}]${link}}`;
    if (f.drop?.includes(n)) {
      this.stats.injected.drop++;
      const bytes = Buffer.from(text);
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': String(bytes.length) });
      res.write(bytes.subarray(0, Math.floor(bytes.length / 2)), () => res.destroy());
      return;
    }
    this.stats.served += page.records.length;
    this.reply(res, 200, text);
  }

  private page(u: URL, version: string): { records: EmulatedRecord[]; nextLink?: string } | string {
    const skip = u.searchParams.get('$skiptoken');
    let cursor: Cursor | undefined;
    if (skip !== null) {
      cursor = this.cursors.get(skip);
      if (!cursor) return 'The $skiptoken is invalid or has expired.';
    } else {
      const topText = u.searchParams.get('$top') ?? '100';
      const top = Number(topText);
      if (!/^\d+$/.test(topText) || top < 1) return `Invalid $top value '${topText.slice(0, 20)}'.`;
      const filter = u.searchParams.get('$filter') ?? '';
      this.stats.filters.push(filter);
      const test = filter === '' ? () => true : compileFilter(filter);
      if (typeof test === 'string') return test;
      cursor = { matches: this.records.filter(test), offset: 0, top: Math.min(top, 1000) };
    }
    const records = cursor.matches.slice(cursor.offset, cursor.offset + cursor.top);
    const offset = cursor.offset + records.length;
    if (offset >= cursor.matches.length) return { records };
    const token = randomBytes(12).toString('base64url');
    this.cursors.set(token, { ...cursor, offset });
    return { records, nextLink: `${this.url}/${version}/auditLogs/provisioning?$top=${cursor.top}&$skiptoken=${token}` };
  }

  private reply(res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}): void {
    res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
    res.end(body);
  }
}
