/**
 * Sign-in by device code (OAuth 2.0 device authorization grant, RFC 8628) against Microsoft Entra, on plain
 * fetch: for hosts where VS Code has no Microsoft account provider (code-server, some web hosts) and a person
 * can still sign in from any browser. Needs the user's own app registration with public client flows allowed.
 */
import { CancelledError, realClock, type Clock } from './clock';
import { joinUrl } from './endpoints';
import { Secret } from './secret';
import { send, type FetchLike } from './transport';

export interface DeviceCodePrompt {
  readonly userCode: string;
  readonly verificationUri: string;
  /** Entra's own sentence ("To sign in, use a web browser to open … and enter the code …"). */
  readonly message: string;
}

export interface DeviceCodeOptions {
  readonly loginUrl: string;
  readonly tenant: string;
  readonly clientId: string;
  readonly scopes: readonly string[];
  readonly fetch: FetchLike;
  readonly clock?: Clock;
  readonly signal?: AbortSignal;
  /** Show the code to the person; polling starts right after. */
  readonly onPrompt: (p: DeviceCodePrompt) => void;
}

export class DeviceCodeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DeviceCodeError';
  }
}

const GRANT = 'urn:ietf:params:oauth:grant-type:device_code';

export async function deviceCodeToken(o: DeviceCodeOptions): Promise<Secret> {
  const clock = o.clock ?? realClock;
  const base = joinUrl(o.loginUrl, `${encodeURIComponent(o.tenant.trim() || 'organizations')}/oauth2/v2.0`);
  const start = await post(`${base}/devicecode`, { client_id: o.clientId, scope: o.scopes.join(' ') }, o, clock);
  if (start.status !== 200 || typeof start.body['device_code'] !== 'string' || typeof start.body['user_code'] !== 'string') {
    throw new DeviceCodeError(`Sign-in with a code could not start: ${describe(start.body, start.status)}`);
  }
  const deviceCode = start.body['device_code'];
  const verificationUri = typeof start.body['verification_uri'] === 'string' ? start.body['verification_uri'] : 'https://microsoft.com/devicelogin';
  o.onPrompt({
    userCode: start.body['user_code'],
    verificationUri,
    message: typeof start.body['message'] === 'string' ? start.body['message'] : `Open ${verificationUri} and enter the code ${start.body['user_code']}.`,
  });
  let interval = Math.max(1, Number(start.body['interval']) || 5) * 1000;
  const expiresAt = clock.now() + Math.max(60, Number(start.body['expires_in']) || 900) * 1000;
  for (;;) {
    await clock.sleep(interval, o.signal);
    if (clock.now() > expiresAt) throw new DeviceCodeError('The sign-in code expired before it was used: start again.');
    const poll = await post(`${base}/token`, { grant_type: GRANT, client_id: o.clientId, device_code: deviceCode }, o, clock);
    if (poll.status === 200 && typeof poll.body['access_token'] === 'string') return new Secret(poll.body['access_token']);
    const error = String(poll.body['error'] ?? '');
    if (error === 'authorization_pending') continue;
    if (error === 'slow_down') {
      interval += 5000;
      continue;
    }
    if (error === 'authorization_declined' || error === 'access_denied') throw new CancelledError('Sign-in was declined.');
    if (error === 'expired_token') throw new DeviceCodeError('The sign-in code expired before it was used: start again.');
    throw new DeviceCodeError(`Sign-in with a code failed: ${describe(poll.body, poll.status)}`);
  }
}

async function post(url: string, form: Record<string, string>, o: DeviceCodeOptions, clock: Clock): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await send(
    url,
    { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' }, body: new URLSearchParams(form).toString() },
    { fetch: o.fetch, clock, ...(o.signal ? { signal: o.signal } : {}) },
  );
  let body: Record<string, unknown> = {};
  try {
    const parsed = JSON.parse(res.text) as unknown;
    if (typeof parsed === 'object' && parsed !== null) body = parsed as Record<string, unknown>;
  } catch {
    // A proxy's page: the status speaks.
  }
  return { status: res.status, body };
}

/** Entra's error and the first line of its description (which carries AADSTS codes a person can search). */
function describe(body: Record<string, unknown>, status: number): string {
  const first = typeof body['error_description'] === 'string' ? body['error_description'].split(/\r?\n/)[0]!.slice(0, 300) : '';
  return `${typeof body['error'] === 'string' ? body['error'] : `HTTP ${status}`}${first ? ` — ${first}` : ''}`;
}
