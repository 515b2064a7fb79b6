/**
 * The Azure portal's "link to query" for a Log Analytics workspace (connections.md §B1.4): the query
 * travels gzipped and base64-encoded inside the URL fragment, exactly as the portal's own "Copy link
 * to query" writes it. Uses the web CompressionStream, so it runs in Node and in browsers alike.
 */

export interface PortalLinkRequest {
  /** The portal's origin, e.g. https://portal.azure.com (a setting: national clouds have their own). */
  portal: string;
  /** `/subscriptions/…/resourceGroups/…/providers/Microsoft.OperationalInsights/workspaces/…` */
  workspaceResourceId: string;
  query: string;
  /** Directory (tenant) id or domain the portal should open in, when known. */
  tenant?: string;
  /** Epoch-ms range for the portal's time picker; without it the query's own time conditions decide. */
  range?: { since: number; until: number };
  /** Or an ISO 8601 duration counted back from now (`P1D`). */
  duration?: string;
  /**
   * Encode the segments twice (`%252F`), as links in Microsoft's docs are: such a link survives a parse and
   * re-serialisation that decodes once (VS Code's Uri does), where a once-encoded `/` in base64 would split the path.
   */
  doubleEncode?: boolean;
}

/** base64 of the gzipped UTF-8 text. */
export async function gzipBase64(text: string): Promise<string> {
  const stream = new Blob([new TextEncoder().encode(text)]).stream().pipeThrough(new CompressionStream('gzip'));
  const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export async function portalQueryLink(req: PortalLinkRequest): Promise<string> {
  const enc = (s: string): string => (req.doubleEncode ? encodeURIComponent(encodeURIComponent(s)) : encodeURIComponent(s));
  const base = req.portal.replace(/\/+$/, '');
  const tenant = req.tenant ? `@${enc(req.tenant)}/` : '';
  const q = enc(await gzipBase64(req.query));
  let link =
    `${base}/#${tenant}blade/Microsoft_Azure_Monitoring_Logs/LogsBlade/resourceId/${enc(req.workspaceResourceId)}` +
    `/source/LogsBlade.AnalyticsShareLinkToQuery/q/${q}`;
  if (req.range) {
    link += `/timespan/${enc(`${new Date(req.range.since).toISOString()}/${new Date(req.range.until).toISOString()}`)}`;
  } else if (req.duration) {
    link += `/timespan/${enc(req.duration)}`;
  }
  return link;
}

const WORKSPACE_ID = /^\/subscriptions\/[^/]+\/resourcegroups\/[^/]+\/providers\/microsoft\.operationalinsights\/workspaces\/[^/]+$/i;

/** One sentence when `id` is not a Log Analytics workspace resource id. */
export function workspaceIdProblem(id: string): string | undefined {
  if (WORKSPACE_ID.test(id.trim())) return undefined;
  return (
    'A workspace is named by its resource id, /subscriptions/SUBSCRIPTION/resourceGroups/GROUP/providers/' +
    'Microsoft.OperationalInsights/workspaces/NAME (the workspace\'s JSON View in the Azure portal shows it).'
  );
}
