/**
 * The normalised provisioning-event model every reader produces, whatever the file format.
 * Plain data only: no classes, no `vscode`, so it crosses worker and webview boundaries as is.
 */

/** Normalised `provisioningAction`. Ordinals follow the Graph CSDL enum (formats.md §1.4). */
export const ACTIONS = ['other', 'create', 'delete', 'disable', 'update', 'stagedDelete'] as const;
export type Action = (typeof ACTIONS)[number];

/** Normalised `provisioningResult`. Ordinals follow the Graph CSDL enum. */
export const STATUSES = ['success', 'failure', 'skipped', 'warning'] as const;
export type Status = (typeof STATUSES)[number];

/** Normalised `provisioningStepType`; `unknown` when a record carries something else. */
export const STEP_TYPES = [
  'import',
  'scoping',
  'matching',
  'processing',
  'referenceResolution',
  'export',
  'unknown',
] as const;
export type StepType = (typeof STEP_TYPES)[number];

/** Labels as the Entra admin center shows them. */
export const ACTION_LABELS: Readonly<Record<Action, string>> = {
  create: 'Create',
  update: 'Update',
  delete: 'Delete',
  disable: 'Disable',
  stagedDelete: 'StagedDelete',
  other: 'Other',
};
export const STATUS_LABELS: Readonly<Record<Status, string>> = {
  success: 'Success',
  failure: 'Failure',
  skipped: 'Skipped',
  warning: 'Warning',
};
export const STEP_TYPE_LABELS: Readonly<Record<StepType, string>> = {
  import: 'Import',
  scoping: 'Scoping',
  matching: 'Matching',
  processing: 'Processing',
  referenceResolution: 'Reference resolution',
  export: 'Export',
  unknown: 'Other',
};

/** `details` maps are flat string → string on the wire (formats.md §0, point 3). */
export type Details = Record<string, string>;

export interface ProvisionedIdentity {
  id: string;
  displayName: string;
  /** Free text: `User`, `Group`, SCIM URNs, … */
  identityType: string;
  details: Details;
}

export interface ProvisioningSystem {
  id: string;
  displayName: string;
  details: Details;
}

export interface Initiator {
  id: string;
  displayName: string;
  /** `system`, `user`, `application` (lower-cased), or '' when absent. */
  initiatorType: string;
}

export interface ProvisioningStep {
  /** 0-based position in the record, kept because steps are ordered. */
  index: number;
  name: string;
  type: StepType;
  status: Status;
  description: string;
  details: Details;
}

export interface ModifiedProperty {
  displayName: string;
  /** `null` (no value) stays distinct from `''` (an empty string). */
  oldValue: string | null;
  newValue: string | null;
}

export interface ErrorInformation {
  errorCode: string;
  reason: string;
  additionalDetails: string;
  /** `failure`, `nonServiceFailure`, … as written (case kept). */
  errorCategory: string;
  recommendedAction: string;
}

/** Which shape a record came in; decides how its raw text is read back. */
export const FLAVORS = ['graph', 'diagnostic', 'logAnalytics', 'csv'] as const;
export type Flavor = (typeof FLAVORS)[number];

/** One provisioning event, fully normalised (built on demand for details; see EventStore for the compact form). */
export interface ProvisioningRecord {
  id: string;
  /** The timestamp as written in the file. */
  activityDateTime: string;
  /** Epoch milliseconds (UTC); NaN when the timestamp could not be read. */
  time: number;
  tenantId: string;
  jobId: string;
  cycleId: string;
  changeId: string;
  action: Action;
  /** The action as written (`Create`, `EntryExportUpdate`, `create`, …). */
  actionLabel: string;
  status: Status;
  durationMs: number | null;
  initiatedBy: Initiator;
  servicePrincipal: { id: string; displayName: string };
  sourceSystem: ProvisioningSystem;
  targetSystem: ProvisioningSystem;
  sourceIdentity: ProvisionedIdentity;
  targetIdentity: ProvisionedIdentity;
  error: ErrorInformation | null;
  steps: ProvisioningStep[];
  modifiedProperties: ModifiedProperty[];
  /** Columns or fields we do not model (unknown CSV columns): kept and shown, never dropped. */
  extra: Details;
  flavor: Flavor;
}

export type ProblemSeverity = 'error' | 'warning' | 'info';

/** Something a reader could not read, or wants the user to know. Positions are 1-based, columns in UTF-16 units. */
export interface Problem {
  severity: ProblemSeverity;
  message: string;
  line?: number;
  column?: number;
  /** Which input file, when several were read together (CSV trio). */
  file?: string;
  /** Stable id for tests and quick fixes, e.g. `truncated`, `depthTruncated`, `moreGraphPages`. */
  code?: string;
}

/** Every container/record layout the readers recognise. */
export const FORMATS = [
  'portalJson',
  'graphPage',
  'jsonLines',
  'diagnosticJsonLines',
  'diagnosticRecords',
  'logAnalyticsJson',
  'logAnalyticsCsv',
  'portalCsv',
  'powershellJson',
  'singleRecord',
  /** Read, and found not to be a provisioning log (empty, binary, another kind of JSON or CSV). */
  'notALog',
] as const;
export type FormatId = (typeof FORMATS)[number];

export const FORMAT_LABELS: Readonly<Record<FormatId, string>> = {
  portalJson: 'Entra portal JSON download',
  graphPage: 'Microsoft Graph API page',
  jsonLines: 'JSON Lines (one record per line)',
  diagnosticJsonLines: 'Azure Monitor diagnostic export (JSON Lines)',
  diagnosticRecords: 'Azure Monitor diagnostic export ({"records": [...]})',
  logAnalyticsJson: 'Log Analytics AADProvisioningLogs export (JSON)',
  logAnalyticsCsv: 'Log Analytics AADProvisioningLogs export (CSV)',
  portalCsv: 'Entra portal CSV download',
  powershellJson: 'PowerShell ConvertTo-Json output',
  singleRecord: 'Single provisioning record (JSON)',
  notALog: 'Not a provisioning log',
};

/** A 1-based position, column counted in UTF-16 code units as VS Code counts them. */
export interface Position {
  line: number;
  column: number;
}

export function actionFromOrdinal(n: number): Action {
  return ACTIONS[n] ?? 'other';
}
export function statusFromOrdinal(n: number): Status | undefined {
  return STATUSES[n];
}

/** String fields kept per event; each is a Uint32Array of ids into `strings`. Order is the wire order. */
export const STRING_FIELDS = [
  'id',
  'activityDateTime',
  'tenantId',
  'jobId',
  'cycleId',
  'changeId',
  'actionLabel',
  'sourceName',
  'sourceId',
  'sourceType',
  'targetName',
  'targetId',
  'targetType',
  'sourceSystem',
  'targetSystem',
  'appName',
  'appId',
  'initiatorName',
  'initiatorType',
  'errorCode',
  'errorCategory',
  'reason',
] as const;
export type StringField = (typeof STRING_FIELDS)[number];

/** Events by outcome: a cycle, a job, an identity, a whole log. */
export interface StatusCounts {
  total: number;
  success: number;
  failure: number;
  skipped: number;
  warning: number;
}
