/**
 * Every way a Log Analytics query can fail, each as one sentence that names what to do. Messages
 * never hold the token; a service message is passed through `redact` by whoever builds them.
 */

export type LaErrorKind =
  | 'signIn'
  | 'forbidden'
  | 'notFound'
  | 'noTable'
  | 'badQuery'
  | 'timeout'
  | 'throttled'
  | 'network'
  | 'service'
  | 'tooDense'
  | 'endpoint';

export class LogAnalyticsError extends Error {
  constructor(
    readonly kind: LaErrorKind,
    message: string,
    /** The query the service rejected, for a badQuery (shown beside the message, never in it). */
    readonly query?: string,
  ) {
    super(message);
    this.name = 'LogAnalyticsError';
  }
}

/** How to send provisioning logs to a workspace (diagnostic settings of Microsoft Entra ID). */
export const DIAGNOSTIC_SETTINGS_URL = 'https://learn.microsoft.com/entra/identity/monitoring-health/howto-integrate-activity-logs-with-azure-monitor-logs';

/** `…/workspaces/NAME` → NAME. */
export function workspaceName(resourceId: string): string {
  const parts = resourceId.split('/').filter((p) => p !== '');
  return parts[parts.length - 1] ?? resourceId;
}

export function signInAgain(workspace: string): LogAnalyticsError {
  return new LogAnalyticsError(
    'signIn',
    `Azure Resource Manager refused the sign-in twice (401) while querying ${workspaceName(workspace)}: sign in again (a new token was already tried once).`,
  );
}

export function forbidden(workspace: string): LogAnalyticsError {
  return new LogAnalyticsError(
    'forbidden',
    `Your account may not query workspace ${workspaceName(workspace)} (403): it needs the Log Analytics Reader (or Reader) role on that workspace; ask an owner to grant it under Access control (IAM).`,
  );
}

export function notFound(workspace: string): LogAnalyticsError {
  return new LogAnalyticsError(
    'notFound',
    `Workspace ${workspaceName(workspace)} was not found (404): check its resource id, and that the signed-in account sees its subscription.`,
  );
}

export function noTable(workspace: string): LogAnalyticsError {
  return new LogAnalyticsError(
    'noTable',
    `Workspace ${workspaceName(workspace)} has no AADProvisioningLogs table: Microsoft Entra ID's diagnostic settings do not send ProvisioningLogs there (how to: ${DIAGNOSTIC_SETTINGS_URL}).`,
  );
}

/** True when the service's words say the table does not exist in the workspace. */
export function isMissingTable(serviceText: string): boolean {
  return /failed to resolve table[^']*'AADProvisioningLogs'/i.test(serviceText) || /'AADProvisioningLogs'[^.]*(?:not found|does not (?:exist|refer))/i.test(serviceText);
}
