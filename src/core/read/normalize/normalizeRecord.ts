/**
 * One parsed JSON value → a ProvisioningRecord, whichever shape it has, or undefined when it is not
 * a provisioning record at all.
 */
import { type ProvisioningRecord } from '../../common/record';
import { camelCaseKeys, isObject, type Json, type JsonObject, type ReadNotes } from '../json/json';
import {
  isDiagnosticEnvelope,
  isLogAnalyticsRow,
  normalizeDiagnostic,
  normalizeLogAnalytics,
} from './normalizeAzureMonitor';
import { looksLikeProvisioningRecord, normalizeGraph } from './normalizeGraph';

export function normalizeRecord(v: Json, notes: ReadNotes): ProvisioningRecord | undefined {
  if (!isObject(v)) return undefined;
  if (isDiagnosticEnvelope(v)) return normalizeDiagnostic(v, notes);
  if (isLogAnalyticsRow(v)) return normalizeLogAnalytics(v, notes);
  if (!looksLikeProvisioningRecord(v)) return undefined;
  // Graph PowerShell SDK objects serialise with PascalCase names throughout.
  const o: JsonObject = 'ActivityDateTime' in v && !('activityDateTime' in v) ? (camelCaseKeys(v) as JsonObject) : v;
  return normalizeGraph(o, notes);
}
