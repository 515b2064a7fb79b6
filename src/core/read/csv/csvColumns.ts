/**
 * The columns of the portal CSV trio and of the Log Analytics CSV export: which header names stand
 * for which field. The portal's real headers are not public (formats.md §3), so each field accepts
 * the spellings the portal's UI, its sibling exports (`Date (UTC)`, `Application ID`), Graph and Log
 * Analytics use; `header` is the name our own export writes, and it is always one of the aliases.
 * Names are compared after `headerKey` (case, blanks, punctuation and a `(UTC)`-style suffix ignored).
 */

export interface ColumnDef<F extends string> {
  field: F;
  header: string;
  aliases: readonly string[];
}

const def = <F extends string>(field: F, header: string, ...aliases: string[]): ColumnDef<F> => ({
  field,
  header,
  aliases: [header, ...aliases],
});

export const MAIN_COLUMNS = [
  def('date', 'Date (UTC)', 'Date', 'Activity Date Time', 'Activity Date', 'Date Time', 'TimeGenerated', 'Timestamp', 'Time', 'Activity Time'),
  def('id', 'ID', 'Id', 'Activity ID', 'Event ID', 'Log ID'),
  def('jobId', 'Job ID', 'Provisioning Job ID'),
  def('cycleId', 'Cycle ID'),
  def('changeId', 'Change ID'),
  def('action', 'Action'),
  def('provisioningAction', 'Provisioning Action'),
  def('status', 'Status', 'Result', 'Result Type', 'Provisioning Status', 'Provisioning Result'),
  def('sourceName', 'Identity', 'Display Name', 'Source Identity', 'Source Identity Name', 'Source Display Name', 'Source Name'),
  def('sourceType', 'Identity Type', 'Source Identity Type', 'Source Type', 'Object Type'),
  def('sourceId', 'Source ID', 'Source Identity ID', 'Source Object ID'),
  def('sourceDetails', 'Source Identity Details', 'Source Details'),
  def('targetName', 'Target Display Name', 'Target Identity', 'Target Identity Name', 'Target Name'),
  def('targetType', 'Target Identity Type', 'Target Type', 'Target Object Type'),
  def('targetId', 'Target ID', 'Target Identity ID', 'Target Object ID'),
  def('targetDetails', 'Target Identity Details', 'Target Details'),
  def('sourceSystem', 'Source System', 'Source', 'Source System Name'),
  def('sourceSystemId', 'Source System ID'),
  def('sourceSystemDetails', 'Source System Details'),
  def('targetSystem', 'Target System', 'Target', 'Target System Name'),
  def('targetSystemId', 'Target System ID'),
  def('targetSystemDetails', 'Target System Details'),
  def('appName', 'Application', 'Service Principal', 'Service Principal Name', 'Application Name', 'App Name', 'Enterprise Application'),
  def('appId', 'Application ID', 'Service Principal ID', 'App ID', 'Application Object ID'),
  def('initiatorName', 'Initiated By', 'Initiator', 'Initiator Name', 'Initiated By Name'),
  def('initiatorId', 'Initiator ID', 'Initiated By ID'),
  def('initiatorType', 'Initiator Type', 'Initiated By Type', 'Initiating Type'),
  def('errorCode', 'Error Code', 'Status Reason Code', 'Result Signature', 'Failure Code'),
  def('reason', 'Reason', 'Error Reason', 'Status Reason', 'Failure Reason', 'Error Description', 'Error Message', 'Result Description'),
  def('errorCategory', 'Error Category'),
  def('additionalDetails', 'Additional Details'),
  def('recommendedAction', 'Recommended Action', 'Recommendation'),
  def('duration', 'Duration (ms)', 'Duration', 'Duration In Milliseconds', 'Duration Ms'),
  def('tenantId', 'Tenant ID', 'Tenant'),
] as const;
export type MainField = (typeof MAIN_COLUMNS)[number]['field'];

export const STEP_COLUMNS = [
  def('changeId', 'Change ID'),
  def('step', 'Step', 'Step Number', 'Step Index', 'Step Order', 'Order', 'Sequence'),
  def('name', 'Name', 'Step Name'),
  def('type', 'Type', 'Step Type', 'Provisioning Step Type'),
  def('status', 'Status', 'Step Status', 'Result'),
  def('description', 'Description', 'Step Description', 'Message'),
  def('details', 'Details', 'Step Details'),
] as const;
export type StepField = (typeof STEP_COLUMNS)[number]['field'];

export const MODIFIED_COLUMNS = [
  def('changeId', 'Change ID'),
  def('name', 'Property', 'Property Name', 'Attribute', 'Attribute Name', 'Name', 'Display Name', 'Modified Property', 'Target Attribute'),
  def('oldValue', 'Old Value', 'Old', 'Previous Value', 'Original Value', 'Value Before'),
  def('newValue', 'New Value', 'New', 'Updated Value', 'Value After'),
] as const;
export type ModifiedField = (typeof MODIFIED_COLUMNS)[number]['field'];

/**
 * Log Analytics columns that `normalizeLogAnalytics` reads, under their table names (formats.md §4.1).
 * The table's other columns (TenantId = the workspace, OperationName, CorrelationId, Type, …) carry
 * nothing the model has a place for: they are kept as extra columns.
 */
export const LOG_ANALYTICS_COLUMNS = [
  'Id', 'TimeGenerated', 'AADTenantId', 'JobId', 'CycleId', 'ChangeId', 'Action', 'ProvisioningAction', 'DurationMs',
  'InitiatedBy', 'ServicePrincipal', 'SourceSystem', 'TargetSystem', 'SourceIdentity', 'TargetIdentity',
  'ProvisioningStatusInfo', 'StatusInfo', 'ProvisioningSteps', 'ModifiedProperties', 'ResultType', 'ResultSignature',
  'ResultDescription',
].map((name) => def(name, name));

/**
 * Columns only the Log Analytics table has; with TimeGenerated, one of them marks a Log Analytics
 * export. All are read into the model, so none comes back as an extra column when such an export
 * is written out as a trio (OperationName would, and must not make that main file look like one).
 */
export const LOG_ANALYTICS_MARKERS = [
  'ResultSignature', 'ProvisioningSteps', 'ProvisioningStatusInfo', 'AADTenantId', 'ModifiedProperties', 'StatusInfo',
];
