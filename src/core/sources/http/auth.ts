/**
 * How a remote client gets its bearer token, whoever signs in (VS Code's accounts, the Azure CLI, an environment
 * variable). The rule every client follows: ask with forceNew false; on a 401 ask once with forceNew true and
 * retry; a second 401 means the user must sign in again, and the client says so.
 */
import type { Secret } from './secret';

export interface TokenSource {
  token(opts: { forceNew: boolean }): Promise<Secret>;
}

/** `init` with the bearer token's Authorization header added. */
export function authorized(init: RequestInit, secret: Secret): RequestInit {
  const headers = new Headers(init.headers);
  headers.set('Authorization', `Bearer ${secret.reveal()}`);
  return { ...init, headers };
}
