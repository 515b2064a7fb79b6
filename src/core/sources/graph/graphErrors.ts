/**
 * Graph's refusals turned into one sentence each that says what to do. The causes that stop a provisioning-log
 * pull are few and well known: no admin consent for AuditLog.Read.All, no directory role that may read reports,
 * no Entra ID P1/P2 licence, a token that expired twice, a $filter Graph will not take.
 */
import { redact, type Secret } from '../http/secret';

export type GraphFailureKind = 'consent' | 'role' | 'licence' | 'signIn' | 'filter' | 'throttled' | 'server' | 'network' | 'other';

export class GraphPullError extends Error {
  constructor(
    readonly kind: GraphFailureKind,
    message: string,
  ) {
    super(message);
    this.name = 'GraphPullError';
  }
}

export interface GraphErrorBody {
  readonly code: string;
  readonly message: string;
}

/** Graph's `{"error":{"code","message"}}`, if the body is one. */
export function graphErrorBody(text: string): GraphErrorBody | undefined {
  try {
    const o = JSON.parse(text) as { error?: { code?: unknown; message?: unknown } };
    if (o && typeof o.error === 'object' && o.error !== null) {
      return { code: typeof o.error.code === 'string' ? o.error.code : '', message: typeof o.error.message === 'string' ? o.error.message : '' };
    }
  } catch {
    // Not JSON (a proxy's HTML page): the status alone speaks.
  }
  return undefined;
}

export interface ExplainContext {
  /** The admin-consent URL for the user's app registration, when one is configured. */
  readonly consentUrl?: string;
  /** The `$filter` that was sent. */
  readonly filter: string;
  readonly token?: Secret;
}

/** The failure for a final (non-retryable, or retries exhausted) status other than 200. */
export function explainStatus(status: number, text: string, ctx: ExplainContext): GraphPullError {
  const body = graphErrorBody(text);
  const said = body ? clean(`${body.code}${body.code && body.message ? ': ' : ''}${body.message}`, ctx.token) : '';
  const graphSays = said ? ` Graph said: "${said}".` : '';
  const code = body?.code ?? '';
  if (status === 403 && /NonPremiumTenant|B2CTenant/i.test(code + (body?.message ?? ''))) {
    return new GraphPullError('licence', `The tenant has no Microsoft Entra ID P1 or P2 licence, which Graph requires for the provisioning logs: download them from the portal instead, or fetch from a licensed tenant.${graphSays}`);
  }
  if (status === 403 && /PermissionMissing|AuditLog\.Read\.All|consent/i.test(code + (body?.message ?? ''))) {
    const how = ctx.consentUrl ? `an administrator must grant consent to the app (${ctx.consentUrl})` : 'an administrator must grant the app admin consent for AuditLog.Read.All and Directory.Read.All';
    return new GraphPullError('consent', `The sign-in lacks the AuditLog.Read.All permission: ${how}, then sign in again.${graphSays}`);
  }
  if (status === 403) {
    return new GraphPullError('role', `The signed-in account may not read the provisioning logs: it needs a directory role such as Reports Reader, Security Reader or Global Reader (and the app needs admin consent for AuditLog.Read.All${ctx.consentUrl ? `: ${ctx.consentUrl}` : ''}).${graphSays}`);
  }
  if (status === 401) {
    return new GraphPullError('signIn', `Microsoft Graph refused the sign-in twice (401): sign in again.${graphSays}`);
  }
  if (status === 400) {
    return new GraphPullError('filter', `Microsoft Graph rejected the filter "${clean(ctx.filter, ctx.token)}": fetch without the option it names and filter by it in the viewer instead.${graphSays}`);
  }
  if (status === 429) return new GraphPullError('throttled', `Microsoft Graph kept throttling (429) even one second at a time.${graphSays}`);
  if (status >= 500) return new GraphPullError('server', `Microsoft Graph kept failing (${status}).${graphSays}`);
  return new GraphPullError('other', `Microsoft Graph answered ${status}.${graphSays}`);
}

/** Graph's words, one line, bounded, with the token taken out. */
function clean(text: string, token: Secret | undefined): string {
  return redact(text, token).replace(/\s+/g, ' ').trim().slice(0, 400);
}

/** The admin-consent URL for an app registration (a tenant admin opens it once). */
export function adminConsentUrl(loginUrl: string, clientId: string, tenant: string): string {
  const t = tenant.trim() || 'organizations';
  return `${loginUrl.replace(/\/+$/, '')}/${encodeURIComponent(t)}/adminconsent?client_id=${encodeURIComponent(clientId.trim())}`;
}
