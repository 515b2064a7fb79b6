/**
 * The Log Analytics table provisioning logs land in, as the service defines it (formats.md §4.1).
 * `Action` and `StatusInfo` are beta-era columns that older workspaces still have and newer ones may
 * not: queries reach them through `column_ifexists`, so one query runs on both.
 */

export const LA_TABLE = 'AADProvisioningLogs';

export type KustoType = 'string' | 'datetime' | 'long' | 'real';

/** Columns in the service's order, with their Kusto types. */
export const LA_COLUMNS: readonly (readonly [name: string, type: KustoType])[] = [
  ['TenantId', 'string'],
  ['AADTenantId', 'string'],
  ['TimeGenerated', 'datetime'],
  ['OperationName', 'string'],
  ['OperationVersion', 'string'],
  ['Category', 'string'],
  ['ResultType', 'string'],
  ['ResultSignature', 'string'],
  ['ResultDescription', 'string'],
  ['DurationMs', 'long'],
  ['CorrelationId', 'string'],
  ['Action', 'string'],
  ['ChangeId', 'string'],
  ['CycleId', 'string'],
  ['Id', 'string'],
  ['InitiatedBy', 'string'],
  ['JobId', 'string'],
  ['ModifiedProperties', 'string'],
  ['ProvisioningSteps', 'string'],
  ['ServicePrincipal', 'string'],
  ['SourceIdentity', 'string'],
  ['SourceSystem', 'string'],
  ['StatusInfo', 'string'],
  ['TargetIdentity', 'string'],
  ['TargetSystem', 'string'],
  ['ProvisioningAction', 'string'],
  ['ProvisioningStatusInfo', 'string'],
  ['Type', 'string'],
];

/** Columns a workspace may lack. */
export const LEGACY_COLUMNS: readonly string[] = ['Action', 'StatusInfo'];

/** `(Name:type, …)`, the schema text Kusto tooling takes. */
export function schemaText(columns: readonly (readonly [string, KustoType])[] = LA_COLUMNS): string {
  return `(${columns.map(([n, t]) => `${n}:${t}`).join(', ')})`;
}
