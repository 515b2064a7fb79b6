/**
 * What a Graph fetch needs from this VS Code window: the endpoint and app registration from the settings (all
 * application-scoped, so a workspace cannot redirect the token), a token from VS Code's sign-in (the scopes
 * module knows how to name the user's app), and one request budget per endpoint and app shared by every fetch
 * of the window, because Graph counts them together.
 */
import { adminConsentUrl } from '../../core/sources/graph/graphErrors';
import { RateLimiter } from '../../core/sources/graph/rateLimiter';
import type { TokenSource } from '../../core/sources/http/auth';
import { realClock } from '../../core/sources/http/clock';
import { endpointProblem } from '../../core/sources/http/endpoints';
import { Secret } from '../../core/sources/http/secret';
import { graphScopes } from '../auth/scopes';
import { vscodeTokenSource } from '../auth/signIn';
import { config, type GraphSettings } from '../config';

export interface GraphSession {
  readonly settings: GraphSettings;
  readonly tokens: TokenSource;
  readonly limiter: RateLimiter;
  readonly consentUrl?: string;
}

const limiters = new Map<string, RateLimiter>();

/**
 * Tokens set by integration tests (through the TestApi, ../testSeams.ts, which exists only under tests): VS Code refuses
 * every modal dialog under test, including its own "wants to sign in" consent, so a test cannot get past
 * getSession's first prompt. Everything after the token is the real path.
 */
let testTokens: TokenSource | undefined;

export function setTestTokens(tokens: readonly string[] | undefined): void {
  if (!tokens) {
    testTokens = undefined;
    return;
  }
  let n = 0;
  testTokens = { token: () => Promise.resolve(new Secret(tokens[Math.min(n++, tokens.length - 1)] ?? '')) };
}

/** The session, or one sentence saying which setting stops it. */
export function graphSession(): GraphSession | string {
  const settings = config.graph();
  for (const [name, url] of [['provlog.connections.graphUrl', settings.graphUrl], ['provlog.connections.loginUrl', settings.loginUrl]] as const) {
    const problem = endpointProblem(url);
    if (problem) return `The setting ${name} cannot be used: ${problem}`;
  }
  const tokens = testTokens ?? vscodeTokenSource({
    scopes: graphScopes(settings.graphUrl, { clientId: settings.clientId, tenant: settings.tenant }),
    purpose: 'to read provisioning logs from Microsoft Graph',
    azureCliArgs: ['account', 'get-access-token', '--resource-type', 'ms-graph', '--query', 'accessToken', '-o', 'tsv'],
    ...(settings.clientId ? { deviceCode: { loginUrl: settings.loginUrl, clientId: settings.clientId, tenant: settings.tenant } } : {}),
  });
  const key = `${settings.graphUrl} ${settings.clientId} ${settings.tenant} ${settings.requestsPer10Seconds}`;
  let limiter = limiters.get(key);
  if (!limiter) {
    limiter = new RateLimiter(realClock, { requests: settings.requestsPer10Seconds, windowMs: 10_000 });
    limiters.set(key, limiter);
  }
  return { settings, tokens, limiter, ...(settings.clientId ? { consentUrl: consentUrl(settings) } : {}) };
}

export function consentUrl(s: GraphSettings): string {
  return adminConsentUrl(s.loginUrl, s.clientId, s.tenant);
}
