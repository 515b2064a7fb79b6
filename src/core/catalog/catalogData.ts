/**
 * The error-code catalog: every code in the two tables of Microsoft's "analyze the provisioning
 * logs" article (general and cross-tenant), plus the codes documented elsewhere that formats.md §5
 * collected (cloud sync, HR-to-AD, reference resolution). Texts are our own words; the tests check
 * that no sentence of the article is copied.
 *
 * Cross-tenant codes are listed under their wire names: the article renders the prefix as
 * "Microsoft Entra ID" since the rename, but the service still writes `AzureActiveDirectory…`.
 *
 * Retry rule: `automatic` only where a Microsoft page says the service retries, with
 * `retryAfterMinutes` only where it gives the delay (40 minutes in the general table).
 */
import { type CatalogEntry, type CatalogLink } from './catalogTypes';

const LEARN = 'https://learn.microsoft.com/en-us';
const LOGS_ARTICLE = `${LEARN}/entra/identity/monitoring-health/howto-analyze-provisioning-logs`;
export const GENERAL_TABLE = `${LOGS_ARTICLE}#error-codes`;
export const CROSS_TENANT_TABLE = `${LOGS_ARTICLE}#error-codes-for-cross-tenant-synchronization`;
const CLOUD_SYNC_CODES = `${LEARN}/entra/identity/hybrid/cloud-sync/reference-error-codes`;
const INSUFFICIENT_ACCESS = `${LEARN}/entra/identity/app-provisioning/insufficient-access-rights-error-troubleshooting`;
const WORKDAY_INBOUND = `${LEARN}/entra/identity/saas-apps/workday-inbound-tutorial`;
const LOG_ANALYTICS = `${LEARN}/entra/identity/app-provisioning/application-provisioning-log-analytics`;

const MAPPINGS: CatalogLink = {
  title: 'Customize attribute mappings and matching attributes',
  url: `${LEARN}/entra/identity/app-provisioning/customize-application-attributes`,
};
const APP_TUTORIALS: CatalogLink = {
  title: 'Provisioning tutorials for gallery applications',
  url: `${LEARN}/entra/identity/saas-apps/tutorial-list`,
};
const SCIM_GUIDE: CatalogLink = {
  title: 'Build a SCIM endpoint for Microsoft Entra provisioning',
  url: `${LEARN}/entra/identity/app-provisioning/use-scim-to-provision-users-and-groups`,
};
const RESTART_JOB: CatalogLink = {
  title: 'Graph API: restart a synchronization job',
  url: `${LEARN}/graph/api/synchronization-synchronizationjob-restart`,
};
const CLOUD_SYNC_TROUBLESHOOTING: CatalogLink = {
  title: 'Cloud sync troubleshooting',
  url: `${LEARN}/entra/identity/hybrid/cloud-sync/how-to-troubleshoot`,
};
const REPAIR_SYNC_ACCOUNT: CatalogLink = {
  title: 'Repair-AADCloudSyncToolsAccount',
  url: `${LEARN}/entra/identity/hybrid/cloud-sync/reference-powershell#repair-aadcloudsynctoolsaccount`,
};
const MAPPING_FUNCTIONS: CatalogLink = {
  title: 'Functions for attribute-mapping expressions',
  url: `${LEARN}/entra/identity/app-provisioning/functions-for-customizing-application-data`,
};

type SharedText = Omit<CatalogEntry, 'code' | 'title'>;

const CONFLICT: SharedText = {
  meaning:
    'The target application refused the write because an object there already holds one of the unique values being sent (the name mirrors HTTP 409). Apps often put their own name in front of the code, e.g. ContosoEntryConflict.',
  remediation:
    '1. Compare the values in this change with the existing account in the target app to find the clash.\n2. If that account is the same person, fix the matching attributes so the service links to it instead of creating a second one.\n3. Otherwise correct the clashing value in Entra ID or in the app.',
  retry: 'none',
  severity: 'error',
  category: 'Matching',
  docs: GENERAL_TABLE,
  links: [MAPPINGS],
};

const NOT_ALLOWED: SharedText = {
  meaning:
    "Signing in to the target application worked, but the identity that the provisioning service uses has no permission for this particular change. The names echo the HTTP status the app answered with (401 Unauthorized, 405 Method Not Allowed, and so on).",
  remediation:
    "1. Check in the app's provisioning tutorial which role or API permissions the provisioning credentials need.\n2. Grant them, or enter a token of an account that has them, and run Test Connection.\n3. Provision the object on demand, or wait for the next cycle.",
  retry: 'none',
  severity: 'error',
  category: 'Target application',
  docs: GENERAL_TABLE,
  links: [APP_TUTORIALS],
};

const MISSING_VALUES: SharedText = {
  meaning:
    'The object was not created: the target requires fields that the source object leaves empty or that the mappings never send.',
  remediation:
    '1. Find the empty attribute in the reason text or the modified properties.\n2. Give the source object a value for it, or change the mapping so a value is always sent (a default or an expression).\n3. Check that the matching attribute itself is mapped and filled.',
  retry: 'none',
  severity: 'error',
  category: 'Attribute mapping',
  docs: GENERAL_TABLE,
  links: [MAPPINGS],
};

const SYNC_ACCOUNT_REPAIR =
  '1. Repair the cloud sync service account with Repair-AADCloudSyncToolsAccount (AADCloudSyncTools PowerShell module).\n2. Restart the cloud sync configuration.\n3. If it still fails, open a support case with the job ID from the configuration status pane.';

export const ERROR_CODES: readonly CatalogEntry[] = [
  // ── General table ────────────────────────────────────────────────────────────────────────────
  { code: 'Conflict', title: 'Conflicting object in the target app', ...CONFLICT },
  { code: 'EntryConflict', title: 'Conflicting entry in the target app', ...CONFLICT },
  {
    code: 'TooManyRequests',
    title: 'Target app throttled the request',
    meaning:
      'The target application is rate-limiting the provisioning service and turned this request away because it is receiving more calls than it accepts. Microsoft is told about the throttling.',
    remediation:
      'Nothing to do for a single event: the service sends the change again by itself. If throttling shows up cycle after cycle, ask the app vendor about the rate limits for your tenant.',
    // The article says the attempt is "retired" (a typo for retried) and gives no delay.
    retry: 'automatic',
    severity: 'warning',
    category: 'Target application',
    docs: GENERAL_TABLE,
  },
  {
    code: 'InternalServerError',
    title: 'Target app reported an internal error',
    meaning:
      "The target application answered with an unexpected server-side error. That usually means an outage or a defect on the app's side rather than a problem with your configuration.",
    remediation:
      "Wait for the automatic retry about 40 minutes later. If the same object keeps failing across cycles, check the app's service status and raise it with the vendor, quoting the reason text.",
    retry: 'automatic',
    retryAfterMinutes: 40,
    severity: 'warning',
    category: 'Target application',
    docs: GENERAL_TABLE,
  },
  { code: 'InsufficientRights', title: 'Provisioning account lacks rights in the app', ...NOT_ALLOWED },
  { code: 'MethodNotAllowed', title: 'Operation refused by the target app', ...NOT_ALLOWED },
  { code: 'NotPermitted', title: 'Operation not permitted by the target app', ...NOT_ALLOWED },
  { code: 'Unauthorized', title: 'Not authorized by the target app', ...NOT_ALLOWED },
  {
    code: 'UnprocessableEntity',
    title: 'Target app could not process the request',
    meaning:
      "The target application could not handle the request it got. Either the app's provisioning configuration is wrong or the app itself has a problem.",
    remediation:
      "1. Read the reason text: apps often name the attribute or value they rejected.\n2. Compare the app's provisioning settings and mappings with its tutorial.\n3. If the request looks valid, take it to the app vendor.",
    retry: 'none',
    severity: 'error',
    category: 'Target application',
    docs: GENERAL_TABLE,
    links: [APP_TUTORIALS],
  },
  {
    code: 'WebExceptionProtocolError',
    title: 'HTTP protocol error reaching the app',
    meaning: 'The connection to the target application failed at the HTTP level before a usable answer came back.',
    remediation:
      'No action for a one-off: the service tries again about 40 minutes later. If it repeats, check the tenant URL in the provisioning settings and that the endpoint answers over HTTPS.',
    retry: 'automatic',
    retryAfterMinutes: 40,
    severity: 'warning',
    category: 'Target application',
    docs: GENERAL_TABLE,
  },
  {
    code: 'InvalidAnchor',
    title: 'Linked target object no longer exists',
    meaning:
      'The service had created or matched this object in the target earlier, but that target object cannot be found any more, so the link the service kept is broken.',
    remediation:
      '1. Find out whether the object was deleted or recreated in the target app, and restore it if that was a mistake.\n2. To have every object matched again, restart the job through the Graph API. A restart clears the service state and runs a full initial cycle: it takes time, and some pending changes can be lost.',
    retry: 'none',
    severity: 'error',
    category: 'Matching',
    docs: GENERAL_TABLE,
    links: [RESTART_JOB],
  },
  {
    code: 'NotImplemented',
    title: 'Operation not supported by the target app',
    meaning:
      "The target application says it does not implement what was asked (the name mirrors HTTP 501). Either the app's setup is wrong or the app does not support this operation.",
    remediation:
      "Compare your configuration with the app's provisioning tutorial and remove mappings or object types the app does not handle. If the setup matches, raise it with the vendor.",
    retry: 'none',
    severity: 'error',
    category: 'Target application',
    docs: GENERAL_TABLE,
    links: [APP_TUTORIALS],
  },
  { code: 'MandatoryFieldsMissing', title: 'Required fields missing', ...MISSING_VALUES },
  { code: 'MissingValues', title: 'Required values missing', ...MISSING_VALUES },
  {
    code: 'SchemaAttributeNotFound',
    title: 'Mapped attribute unknown to the target',
    meaning: "A mapping writes to an attribute that does not exist in the target application's schema.",
    remediation:
      '1. Open the attribute mappings and find the target attribute named in the reason.\n2. Remove the mapping or point it at an attribute the app supports.\n3. If the app really has that attribute, add it to the target schema first (advanced options of the mappings).',
    retry: 'none',
    severity: 'error',
    category: 'Attribute mapping',
    docs: GENERAL_TABLE,
    links: [MAPPINGS],
  },
  {
    code: 'InternalError',
    title: 'Provisioning service internal error',
    meaning:
      'Something failed inside the Microsoft Entra provisioning service itself, not in your configuration or in the target app.',
    remediation:
      'No action for a one-off: the change is tried again about 40 minutes later. If it keeps coming back, open a support case and give the change ID and cycle ID of this record.',
    retry: 'automatic',
    retryAfterMinutes: 40,
    severity: 'warning',
    category: 'Provisioning service',
    docs: GENERAL_TABLE,
  },
  {
    code: 'InvalidDomain',
    title: 'Domain not accepted by the target app',
    meaning:
      'A value sent to the target (an email address or user name, typically) uses a domain that the target application does not accept.',
    remediation:
      "Either change the domain in the user's value, or in the mapping that builds it, or add the domain to the ones the target app allows.",
    retry: 'none',
    severity: 'error',
    category: 'Target application',
    docs: GENERAL_TABLE,
  },
  {
    code: 'Timeout',
    title: 'Request timed out',
    meaning:
      'The target application did not answer in time, so the request was given up. Cloud sync uses the same code (written TimeOut there) when its call to the on-premises agent through the Hybrid Identity Service passes the 10-minute limit.',
    remediation:
      'App provisioning: wait for the retry about 40 minutes later; timeouts on every cycle point to a slow or overloaded endpoint.\nCloud sync: check that the agent server and its services are running and not starved of CPU, memory or network, then follow the cloud sync troubleshooting guide.',
    // 40 minutes is documented for app provisioning; the cloud sync page gives no retry delay.
    retry: 'automatic',
    retryAfterMinutes: 40,
    severity: 'warning',
    category: 'Target application',
    docs: GENERAL_TABLE,
    links: [{ title: 'Cloud sync error codes', url: CLOUD_SYNC_CODES }, CLOUD_SYNC_TROUBLESHOOTING],
  },
  {
    code: 'LicenseLimitExceeded',
    title: 'No licence left in the target app',
    meaning: 'The target application has no free licence (seat) for this user, so the account was not created.',
    remediation:
      '1. Buy more licences in the target app, or free some up.\n2. Review who is assigned to the app and in scope, so that only people who need it are provisioned.\n3. Check mappings that set licence-related attributes.',
    retry: 'none',
    severity: 'error',
    category: 'Target application',
    docs: GENERAL_TABLE,
  },
  {
    code: 'DuplicateTargetEntries',
    title: 'Several matching objects in the target',
    meaning:
      'Matching found more than one object in the target application with the configured matching values, so the service cannot tell which one is meant.',
    remediation: 'Delete or merge the duplicate accounts in the target app, or choose matching attributes that are unique there.',
    retry: 'none',
    severity: 'error',
    category: 'Matching',
    docs: GENERAL_TABLE,
    links: [MAPPINGS],
  },
  {
    code: 'DuplicateSourceEntries',
    title: 'Several matching objects in the source',
    meaning:
      'More than one object in the source system carries the same matching values, so they cannot be paired one to one with target objects.',
    remediation: 'Make the matching value unique in the source (remove or fix the duplicate), or choose other matching attributes.',
    retry: 'none',
    severity: 'error',
    category: 'Matching',
    docs: GENERAL_TABLE,
    links: [MAPPINGS],
  },
  {
    code: 'ImportSkipped',
    title: 'Skipped while reading from the source',
    meaning:
      'The object was set aside while being read from the source system, most often because it has no value for the matching attribute. Scoping was never evaluated, so this says nothing about whether the object is in scope.',
    remediation:
      'If the object should be provisioned, give it a value for the matching attribute or pick a matching attribute that every object has. Otherwise nothing to do.',
    retry: 'none',
    severity: 'info',
    category: 'Matching',
    docs: GENERAL_TABLE,
    links: [MAPPINGS],
  },
  {
    code: 'EntrySynchronizationSkipped',
    title: 'Skipped: no change needed',
    meaning:
      'The source object was read and identified, then left alone: it was out of scope, or the target already held the same values.',
    remediation:
      "Usually nothing. If you expected a change, look at the scoping step (assignment, scoping filters) and the step's SkipReason.",
    retry: 'none',
    severity: 'info',
    category: 'Scoping',
    docs: GENERAL_TABLE,
  },
  {
    code: 'SystemForCrossDomainIdentityManagementMultipleEntriesInResponse',
    title: 'SCIM lookup returned several objects',
    meaning:
      'The service asked the SCIM endpoint for one user or group and got several back. A common cause is an endpoint that ignores the filter, or that sends group members although the request excluded them.',
    remediation:
      'Have the app developer fix the endpoint so that a filtered GET returns only the resource that matches, and so that excludedAttributes=members is honoured for groups.',
    retry: 'none',
    severity: 'error',
    category: 'SCIM endpoint',
    docs: GENERAL_TABLE,
    links: [SCIM_GUIDE],
  },
  {
    code: 'SystemForCrossDomainIdentityManagementServiceIncompatible',
    title: 'SCIM response not understood',
    meaning:
      "The provisioning service could not parse what the app's SCIM endpoint sent back: the endpoint does not behave the way the Entra SCIM client expects.",
    remediation:
      "Give the reason text to the app developer and have them check the endpoint's response format, status codes and schema against Microsoft's SCIM guide.",
    retry: 'none',
    severity: 'error',
    category: 'SCIM endpoint',
    docs: GENERAL_TABLE,
    links: [SCIM_GUIDE],
  },
  {
    code: 'SchemaPropertyCanOnlyAcceptValue',
    title: 'Several values for a single-valued property',
    meaning: 'The target property holds a single value, but the source attribute mapped to it has several.',
    remediation:
      'Map a single-valued source attribute (or an expression that picks one value), reduce the source to one value, or drop the mapping.',
    retry: 'none',
    severity: 'error',
    category: 'Attribute mapping',
    docs: GENERAL_TABLE,
    links: [MAPPINGS],
  },

  // ── Cross-tenant synchronization table ───────────────────────────────────────────────────────
  {
    code: 'AzureActiveDirectoryCannotUpdateObjectsOriginatedInExternalService',
    title: 'Property owned by another service',
    meaning:
      'Cross-tenant sync could not change some properties of the user in the target tenant because another service is their source of authority (Mail or showInAddressList, or Exchange attributes of users whose dirSyncEnabled was switched off).',
    remediation:
      'When showInAddressList is the blocked property, the engine may send the update again without it, and nothing is needed. Otherwise make the change in the target tenant itself; Exchange attributes are set there with Exchange Online PowerShell (Set-MailUser).',
    // The article says the engine "might" retry without the property: not a retry to count on.
    retry: 'none',
    severity: 'error',
    category: 'Cross-tenant synchronization',
    docs: CROSS_TENANT_TABLE,
  },
  {
    code: 'AzureDirectoryB2BManagementPolicyCheckFailure',
    title: 'Automatic redemption not allowed',
    meaning:
      "The cross-tenant access settings don't allow invitations to be redeemed automatically in both directions: the target tenant needs an inbound setting for it and the source tenant an outbound one.",
    remediation:
      "1. In the source tenant, turn on automatic redemption in the outbound cross-tenant access settings for the partner.\n2. In the target tenant, turn it on in the inbound settings for the source tenant.\n3. Provision the user again.",
    retry: 'none',
    severity: 'error',
    category: 'Cross-tenant synchronization',
    docs: CROSS_TENANT_TABLE,
    links: [
      {
        title: 'Automatic redemption setting',
        url: `${LEARN}/entra/identity/multi-tenant-organizations/cross-tenant-synchronization-overview#automatic-redemption-setting`,
      },
    ],
  },
  {
    code: 'AzureActiveDirectoryQuotaLimitExceeded',
    title: 'Directory object quota reached',
    meaning: 'The target tenant already holds as many directory objects as it is allowed, so no more can be created.',
    remediation: 'Remove objects the target tenant no longer needs, or find out whether its quota can be raised (see the service limits page).',
    retry: 'none',
    severity: 'error',
    category: 'Cross-tenant synchronization',
    docs: CROSS_TENANT_TABLE,
    links: [
      {
        title: 'Microsoft Entra service limits and restrictions',
        url: `${LEARN}/entra/identity/users/directory-service-limits-restrictions`,
      },
    ],
  },
  {
    code: 'InvitationCreationFailure',
    title: 'B2B invitation could not be created',
    meaning: 'The provisioning service tried to create a B2B invitation for the user in the target tenant, and that failed.',
    remediation:
      "1. Read the reason and additional details of this record.\n2. Check that the target tenant's external collaboration settings allow the source tenant.\n3. If nothing explains it, open a support case with the change ID.",
    retry: 'none',
    severity: 'error',
    category: 'Cross-tenant synchronization',
    docs: CROSS_TENANT_TABLE,
  },
  {
    code: 'InvitationCreationFailureUserAccountDisabled',
    title: 'Target account disabled, invitation pending',
    meaning:
      'The user already exists in the target tenant, but that account is disabled and its invitation has not been redeemed, so a new invitation could not be created.',
    remediation: 'Enable the user account in the target tenant, then provision the user again (on demand or at the next cycle).',
    retry: 'none',
    severity: 'error',
    category: 'Cross-tenant synchronization',
    docs: CROSS_TENANT_TABLE,
  },
  {
    code: 'AzureActiveDirectoryForbidden',
    title: 'Invitations blocked in the target tenant',
    meaning: "The target tenant's external collaboration settings stop invitations, so the user could not be brought in.",
    remediation:
      "In the target tenant's external collaboration settings (under user settings), allow invitations for this scenario, then provision the user again.",
    retry: 'none',
    severity: 'error',
    category: 'Cross-tenant synchronization',
    docs: CROSS_TENANT_TABLE,
    links: [
      {
        title: 'External collaboration settings',
        url: `${LEARN}/entra/external-id/external-collaboration-settings-configure`,
      },
    ],
  },
  {
    code: 'InvitationCreationFailureInvalidPropertyValue',
    title: 'Invalid property value on the invited user',
    meaning:
      'The invitation was refused because of a bad property value: usually a malformed primary SMTP address, a userType that is neither Member nor Guest, or an email address that a group in the target tenant already uses.',
    remediation:
      '1. If the address is malformed, fix the mail attribute of the user in the source tenant.\n2. Check the userType mapping so it always produces Member or Guest.\n3. If a group in the target tenant has the same address, change the address on one of the two.',
    retry: 'none',
    severity: 'error',
    category: 'Cross-tenant synchronization',
    docs: CROSS_TENANT_TABLE,
    links: [MAPPINGS],
  },
  {
    code: 'InvitationCreationFailureAmbiguousUser',
    title: 'Proxy address already used in the target tenant',
    meaning:
      "One of the invited user's proxy addresses already belongs to an internal user of the target tenant, and proxy addresses have to be unique.",
    remediation:
      'Resolve the clash in the target tenant: remove or rename the internal account that holds the address, or leave this user out of the sync scope.',
    retry: 'none',
    severity: 'error',
    category: 'Cross-tenant synchronization',
    docs: CROSS_TENANT_TABLE,
  },
  {
    code: 'AzureActiveDirectoryCannotUpdateObjectsMasteredOnPremises',
    title: 'Target user is mastered on-premises',
    meaning:
      'The target user was synchronized from on-premises Active Directory and later converted to an external user; on-premises is still its source of authority, so cross-tenant sync cannot change it.',
    remediation:
      "Cross-tenant sync will not update this user. Make the change in the on-premises directory that feeds the target tenant, or take the user out of the synchronization scope.",
    retry: 'none',
    severity: 'error',
    category: 'Cross-tenant synchronization',
    docs: CROSS_TENANT_TABLE,
  },
  {
    code: 'EntityTypeNotSupported',
    title: 'Groups are not synchronized',
    meaning:
      'Cross-tenant sync uses groups only to decide which users are in scope; group objects themselves are never copied, so this group was skipped.',
    remediation: 'Nothing to do. When provisioning on demand, pick a user rather than a group.',
    retry: 'none',
    severity: 'info',
    category: 'Cross-tenant synchronization',
    docs: CROSS_TENANT_TABLE,
  },
  {
    // Listed in the cross-tenant table of the pre-rename revision of the article (azure-docs).
    code: 'AzureActiveDirectoryInsufficientRights',
    title: 'Cannot delete a B2B user that holds a role',
    meaning:
      'The target tenant refused to delete a B2B user because the user holds a directory role other than User, Helpdesk Administrator or User Administrator.',
    remediation: 'Remove those roles from the user in the target tenant; the delete can then go through.',
    retry: 'none',
    severity: 'error',
    category: 'Cross-tenant synchronization',
    docs: CROSS_TENANT_TABLE,
  },

  // ── Cloud sync (reference-error-codes); TimeOut is covered by Timeout above ─────────────────
  {
    code: 'HybridSynchronizationActiveDirectoryInternalServerError',
    title: 'Cloud sync could not run the AD search',
    meaning:
      'Cloud sync could not turn the parameters of a SCIM request into a search against Active Directory, and the HTTP request ended in an exception.',
    remediation:
      'Read the HTTP response quoted in the additional details for the underlying cause. If it persists, open a support case with the job ID (AD2AADProvisioning.…).',
    // Unlike InternalServerError, no retry is documented for this code.
    retry: 'none',
    severity: 'error',
    category: 'Cloud sync agent',
    docs: CLOUD_SYNC_CODES,
    links: [CLOUD_SYNC_TROUBLESHOOTING],
  },
  {
    code: 'HybridIdentityServiceNoAgentsAssigned',
    title: 'No cloud sync agent for the domain',
    meaning: 'No provisioning agent is assigned to the Active Directory domain being synchronized; the agents were probably removed.',
    remediation: 'Check the cloud sync agents page for the domain. If no agent is listed, install and register a new agent.',
    retry: 'none',
    severity: 'error',
    category: 'Cloud sync agent',
    docs: CLOUD_SYNC_CODES,
    links: [CLOUD_SYNC_TROUBLESHOOTING],
  },
  {
    code: 'HybridIdentityServiceNoActiveAgents',
    title: 'No cloud sync agent is listening',
    meaning:
      'Agents are assigned to the domain, but none is listening on the Service Bus endpoint: the agent service is stopped, or a firewall or proxy blocks its outbound connection to Service Bus.',
    remediation:
      '1. On the agent server, check that the Microsoft Entra Connect provisioning agent service is running.\n2. Check that the firewall and proxy let the agent connect out to Azure Service Bus.',
    retry: 'none',
    severity: 'error',
    category: 'Cloud sync agent',
    docs: CLOUD_SYNC_CODES,
    links: [CLOUD_SYNC_TROUBLESHOOTING],
  },
  {
    code: 'HybridIdentityServiceInvalidResource',
    title: 'Cloud sync agent registration is broken',
    meaning:
      'The resource name that tells the Hybrid Identity Service which agent to contact is not set, which points to a damaged cloud sync setup.',
    remediation: 'Register the cloud sync agent again for the on-premises AD domain, then restart the configuration in the portal.',
    retry: 'none',
    severity: 'error',
    category: 'Cloud sync agent',
    docs: CLOUD_SYNC_CODES,
  },
  {
    code: 'HybridIdentityServiceAgentSignalingError',
    title: 'Service Bus could not reach the agent',
    meaning: 'Service Bus could not deliver a message to the agent, because of a Service Bus outage or an agent that stopped responding.',
    remediation:
      'Check the agent server and its services. If the error keeps coming back, open a support case with the job ID shown in the configuration status pane.',
    retry: 'none',
    severity: 'error',
    category: 'Cloud sync agent',
    docs: CLOUD_SYNC_CODES,
    links: [CLOUD_SYNC_TROUBLESHOOTING],
  },
  {
    code: 'AzureDirectoryServiceServerBusy',
    title: 'Microsoft Entra ID busy (error 81)',
    meaning: 'Microsoft Entra ID reported that it was busy (error code 81) and did not take the request.',
    remediation: 'Nothing to do: the operation is retried by itself. If it lasts more than 24 hours, contact Microsoft support.',
    // The cloud sync page says the operation is retried automatically; it gives no delay.
    retry: 'automatic',
    severity: 'warning',
    category: 'Cloud sync',
    docs: CLOUD_SYNC_CODES,
  },
  {
    code: 'AzureActiveDirectoryInvalidCredential',
    title: 'Cloud sync service account missing',
    meaning:
      'The cloud sync service account (ADToAADSyncServiceAccount) does not exist in the tenant, typically because it was deleted by mistake; sign-in fails with AADSTS50034.',
    remediation: SYNC_ACCOUNT_REPAIR,
    retry: 'none',
    severity: 'error',
    category: 'Cloud sync',
    docs: CLOUD_SYNC_CODES,
    links: [REPAIR_SYNC_ACCOUNT],
  },
  {
    code: 'AzureActiveDirectoryExpiredCredentials',
    title: 'Cloud sync service account credentials expired',
    meaning:
      'The credentials of the cloud sync service account have expired (AADSTS50055), so Microsoft Entra ID answers 401 Unauthorized.',
    remediation: SYNC_ACCOUNT_REPAIR,
    retry: 'none',
    severity: 'error',
    category: 'Cloud sync',
    docs: CLOUD_SYNC_CODES,
    links: [REPAIR_SYNC_ACCOUNT],
  },
  {
    code: 'AzureActiveDirectoryAuthenticationFailed',
    title: 'Cloud sync authentication failed',
    meaning: 'Authentication for cloud sync failed with an unexpected error that the service could not classify.',
    remediation: 'Read the additional details. If it persists, open a support case with the job ID shown in the configuration status pane.',
    retry: 'none',
    severity: 'error',
    category: 'Cloud sync',
    docs: CLOUD_SYNC_CODES,
  },

  // ── Provisioning to on-premises Active Directory (HR-driven and cloud sync) ──────────────────
  {
    code: 'HybridSynchronizationActiveDirectoryInsufficientAccessRights',
    title: 'Active Directory denied the write',
    meaning:
      "The provisioning agent's account (the provAgentgMSA$ gMSA) may not change this object in Active Directory (INSUFF_ACCESS_RIGHTS). Either the object sits in an OU that does not inherit domain-level permissions, or it belongs to a protected group whose rights come from AdminSDHolder.",
    remediation:
      "1. Check the object's OU: turn inheritance back on, or grant the gMSA write rights on that OU.\n2. For members of protected groups, keep them out of scope, or grant the gMSA rights on AdminSDHolder after weighing the security impact.",
    retry: 'none',
    severity: 'error',
    category: 'Active Directory',
    docs: INSUFFICIENT_ACCESS,
  },
  {
    code: 'HybridSynchronizationActiveDirectoryUserPrincipalNameNotUnique',
    title: 'UPN already used in the AD forest',
    meaning:
      'HR-driven provisioning to Active Directory tried to set a userPrincipalName that another account in the forest already has (CONSTRAINT_ATT_TYPE - userPrincipalName). Either the user already exists and matching did not link it, or the UPN expression produced a duplicate.',
    remediation:
      '1. If the user already exists, make sure the matching ID (usually employeeID) holds the same value in the HR system and in AD, so the two accounts are linked.\n2. Otherwise make the UPN mapping generate unique values, for example with SelectUniqueValue.',
    retry: 'none',
    severity: 'error',
    category: 'Active Directory',
    docs: WORKDAY_INBOUND,
    links: [MAPPING_FUNCTIONS],
  },
  {
    code: 'EndpointUnavailable',
    title: 'Provisioning agent could not read AD',
    meaning:
      "The service could not get the user's data from Active Directory because the on-premises provisioning agent hit an error while reading. Older logs show it with the event name EntrySynchronizationError.",
    remediation: 'On the agent server, open Event Viewer and look in the provisioning agent log for errors about the read (filter on event ID 2).',
    retry: 'none',
    severity: 'error',
    category: 'Active Directory',
    docs: WORKDAY_INBOUND,
  },
  {
    code: 'EntrySynchronizationError',
    title: 'Synchronization of the entry failed',
    meaning:
      'An event name more than a cause: a synchronization step for this object failed. The error code logged with it (for example EndpointUnavailable) says why.',
    remediation: 'Look at the error code and reason recorded with this event and follow the advice for that code.',
    retry: 'none',
    severity: 'error',
    category: 'Provisioning service',
    docs: WORKDAY_INBOUND,
  },
  {
    code: 'UnableToResolveReferenceAttributeValue',
    title: 'Reference could not be resolved',
    meaning:
      'A reference value, most often a group member, points to an object the service cannot find in the target, so that reference was left out while the rest of the object was processed.',
    remediation:
      'Check that the referenced object (the member) is in scope and has been provisioned to the target app. Once it exists there, a later change to the group can add it.',
    // Partial result, not retried by any documented rule: a warning, not an error.
    retry: 'none',
    severity: 'warning',
    category: 'Reference resolution',
    docs: LOG_ANALYTICS,
  },
];

/** Values of a step's `details.SkipReason` (formats.md §1.3; provision-on-demand docs). */
