/**
 * A cheap first look (the first few KB) at whether a text could be a provisioning log, before the
 * real reader runs. Used to decide whether to offer the viewer for a JSON file and whether to parse
 * a text document at all, so ordinary JSON files cost nothing.
 */
const MARKERS =
  /"(changeId|cycleId|provisioningSteps|provisioningStatusInfo|provisioningAction|ProvisioningSteps|ChangeId|CycleId)"|"category"\s*:\s*"ProvisioningLogs"|^\uFEFF?[^\r\n]*\b(Change ?ID|ChangeId)\b/im;

export function looksLikeProvisioningLog(head: string): boolean {
  return MARKERS.test(head.slice(0, 256 * 1024));
}
