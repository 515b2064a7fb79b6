/**
 * The Azure Resource Manager list calls a workspace picker needs: the subscriptions the account
 * sees, and the Log Analytics workspaces in one. Pages are followed through `nextLink`, but only
 * on the Resource Manager host the first call went to: the token never goes anywhere else.
 */
import { authorized, type TokenSource } from '../http/auth';
import type { Clock } from '../http/clock';
import { joinUrl } from '../http/endpoints';
import { send, TransportError, type FetchLike } from '../http/transport';
import { LogAnalyticsError } from './laErrors';
import { errorOfText } from './queryResponse';

export interface Subscription {
  id: string;
  name: string;
}

export interface Workspace {
  /** The resource id. */
  id: string;
  name: string;
  location: string;
}

export interface ArmListOptions {
  arm: string;
  tokens: TokenSource;
  fetch: FetchLike;
  clock?: Clock;
  signal?: AbortSignal;
}

const MAX_PAGES = 50;

export async function listSubscriptions(opts: ArmListOptions): Promise<Subscription[]> {
  const items = await listAll(opts, '/subscriptions?api-version=2022-12-01');
  return items
    .map((v) => ({ id: String(v['subscriptionId'] ?? ''), name: String(v['displayName'] ?? v['subscriptionId'] ?? '') }))
    .filter((s) => s.id !== '');
}

export async function listWorkspaces(opts: ArmListOptions, subscriptionId: string): Promise<Workspace[]> {
  const path = `/subscriptions/${encodeURIComponent(subscriptionId)}/providers/Microsoft.OperationalInsights/workspaces?api-version=2023-09-01`;
  const items = await listAll(opts, path);
  return items
    .map((v) => ({ id: String(v['id'] ?? ''), name: String(v['name'] ?? ''), location: String(v['location'] ?? '') }))
    .filter((w) => w.id !== '');
}

async function listAll(opts: ArmListOptions, path: string): Promise<Record<string, unknown>[]> {
  const origin = new URL(opts.arm).origin;
  let url: string | undefined = joinUrl(opts.arm, path);
  const out: Record<string, unknown>[] = [];
  let token = await opts.tokens.token({ forceNew: false });
  for (let page = 0; url !== undefined && page < MAX_PAGES; page++) {
    let res;
    for (let fresh = false; ; fresh = true) {
      try {
        res = await send(url, authorized({ method: 'GET' }, token), {
          fetch: opts.fetch,
          ...(opts.clock ? { clock: opts.clock } : {}),
          ...(opts.signal ? { signal: opts.signal } : {}),
        });
      } catch (e) {
        if (e instanceof TransportError) throw new LogAnalyticsError(e.kind === 'endpoint' ? 'endpoint' : 'network', e.message);
        throw e;
      }
      if (res.status !== 401 || fresh) break;
      token = await opts.tokens.token({ forceNew: true });
    }
    if (res.status === 401) throw new LogAnalyticsError('signIn', 'Azure Resource Manager refused the sign-in twice (401): sign in again.');
    if (res.status !== 200) {
      const e = errorOfText(res.text);
      throw new LogAnalyticsError('service', `Azure Resource Manager could not list ${path.startsWith('/subscriptions?') ? 'subscriptions' : 'workspaces'} (${res.status}${e ? `: ${e.message}` : ''}).`);
    }
    const body = JSON.parse(res.text) as { value?: unknown; nextLink?: unknown };
    if (Array.isArray(body.value)) for (const v of body.value) if (typeof v === 'object' && v !== null) out.push(v as Record<string, unknown>);
    const next = typeof body.nextLink === 'string' ? body.nextLink : undefined;
    url = next !== undefined && sameOrigin(next, origin) ? next : undefined;
  }
  return out;
}

function sameOrigin(url: string, origin: string): boolean {
  try {
    return new URL(url).origin === origin;
  } catch {
    return false;
  }
}
