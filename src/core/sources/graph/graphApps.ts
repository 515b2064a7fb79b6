/**
 * The applications to offer in the fetch dialog: Graph has no list of "apps with provisioning", so the
 * service principals named by the most recent records (one page of the last 30 days) stand for them.
 */
import { joinUrl } from '../http/endpoints';
import type { GraphQuery } from './fetchState';
import type { GraphClient } from './graphClient';
import { windowFilter } from './graphFilter';
import { parsePage } from './graphPuller';

export interface GraphApp {
  readonly id: string;
  readonly name: string;
  /** Records of it on the page looked at. */
  readonly seen: number;
}

const LOOK_BACK_MS = 30 * 86400_000;

export async function recentApps(client: GraphClient, q: Pick<GraphQuery, 'graphUrl' | 'apiVersion'>, now: number): Promise<GraphApp[]> {
  const filter = windowFilter([], now - LOOK_BACK_MS, now);
  const url = `${joinUrl(q.graphUrl, `${q.apiVersion}/auditLogs/provisioning`)}?$top=1000&$filter=${encodeURIComponent(filter)}`;
  const res = await client.get(url, filter);
  if (res.status !== 200) return [];
  const apps = new Map<string, GraphApp>();
  for (const r of parsePage(res.text).records) {
    const sp = (r as { servicePrincipal?: { id?: unknown; displayName?: unknown } } | null)?.servicePrincipal;
    if (!sp || typeof sp.id !== 'string' || sp.id === '') continue;
    const known = apps.get(sp.id);
    apps.set(sp.id, { id: sp.id, name: typeof sp.displayName === 'string' ? sp.displayName : known?.name ?? '', seen: (known?.seen ?? 0) + 1 });
  }
  return [...apps.values()].sort((a, b) => a.name.localeCompare(b.name));
}
