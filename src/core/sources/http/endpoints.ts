/**
 * Where the Microsoft services live, per cloud, and the one rule for which URLs we may call: HTTPS, or plain
 * HTTP to this machine only (the tests' emulators). Endpoints are settings because national clouds have their own.
 */
export type CloudName = 'public' | 'usgov' | 'dod' | 'china';

export interface CloudEndpoints {
  /** Azure Resource Manager (Log Analytics queries go through it). */
  readonly arm: string;
  readonly graph: string;
  /** Microsoft Entra sign-in (device code, admin consent). */
  readonly login: string;
  /** The Azure portal (links to a query). */
  readonly portal: string;
}

export const CLOUDS: Readonly<Record<CloudName, CloudEndpoints>> = {
  public: {
    arm: 'https://management.azure.com',
    graph: 'https://graph.microsoft.com',
    login: 'https://login.microsoftonline.com',
    portal: 'https://portal.azure.com',
  },
  usgov: {
    arm: 'https://management.usgovcloudapi.net',
    graph: 'https://graph.microsoft.us',
    login: 'https://login.microsoftonline.us',
    portal: 'https://portal.azure.us',
  },
  dod: {
    arm: 'https://management.usgovcloudapi.net',
    graph: 'https://dod-graph.microsoft.us',
    login: 'https://login.microsoftonline.us',
    portal: 'https://portal.azure.us',
  },
  china: {
    arm: 'https://management.chinacloudapi.cn',
    graph: 'https://microsoftgraph.chinacloudapi.cn',
    login: 'https://login.chinacloudapi.cn',
    portal: 'https://portal.azure.cn',
  },
};

export const CLOUD_NAMES = Object.keys(CLOUDS) as CloudName[];

export function isCloudName(s: string): s is CloudName {
  return (CLOUD_NAMES as string[]).includes(s);
}

const LOOPBACK = /^(?:127(?:\.\d{1,3}){3}|localhost|\[::1\])$/i;

/** True for hosts that can only be this machine. */
export function isLoopbackHost(hostname: string): boolean {
  return LOOPBACK.test(hostname);
}

/**
 * One sentence saying why `url` must not be called, or undefined when it may. A bearer token goes with every
 * request, so it may only travel encrypted, except to this machine.
 */
export function endpointProblem(url: string): string | undefined {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return `"${url.slice(0, 200)}" is not a URL.`;
  }
  if (u.username || u.password) return `The endpoint ${u.protocol}//${u.host} must not carry a user name or password.`;
  if (u.protocol === 'https:') return undefined;
  if (u.protocol === 'http:' && isLoopbackHost(u.hostname)) return undefined;
  return `The endpoint ${u.protocol}//${u.host} is not HTTPS; only HTTPS endpoints (or plain HTTP to this machine) are called.`;
}

/** `base` + `path` with exactly one slash between them (settings often end with a slash, paths start with one). */
export function joinUrl(base: string, path: string): string {
  return `${base.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}
