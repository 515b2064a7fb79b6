/**
 * The scopes we ask VS Code's Microsoft sign-in for. This is the one module that knows the provider's undocumented
 * `VSCODE_CLIENT_ID:` and `VSCODE_TENANT:` scopes (used by Microsoft's own extensions since 2022 to sign in with
 * their own app registration): if VS Code ships a first-class option, only this file changes.
 */

/** An Azure Resource Manager token: Log Analytics queries go through ARM, which VS Code's own client id may ask for. */
export function armScopes(armUrl: string): string[] {
  return [`${resource(armUrl)}/.default`];
}

export interface AppRegistration {
  /** The application (client) id of the user's app registration; empty = VS Code's own client id. */
  readonly clientId: string;
  /** The tenant id or domain; empty = the account's home tenant ("organizations"). */
  readonly tenant: string;
}

/**
 * Delegated Graph permissions for the provisioning logs: AuditLog.Read.All, and Directory.Read.All which the API
 * still requires by a known issue. With an app registration, its client id and tenant ride along as magic scopes
 * (each its own string: a comma-joined one fails).
 */
export function graphScopes(graphUrl: string, app: AppRegistration): string[] {
  const base = resource(graphUrl);
  const scopes = [`${base}/AuditLog.Read.All`, `${base}/Directory.Read.All`];
  if (app.clientId.trim()) scopes.push(`VSCODE_CLIENT_ID:${app.clientId.trim()}`);
  if (app.tenant.trim()) scopes.push(`VSCODE_TENANT:${app.tenant.trim()}`);
  return scopes;
}

/** The scopes without the magic ones, for messages ("needs AuditLog.Read.All"). */
export function visibleScopes(scopes: readonly string[]): string[] {
  return scopes.filter((s) => !s.startsWith('VSCODE_'));
}

function resource(url: string): string {
  return url.replace(/\/+$/, '');
}
