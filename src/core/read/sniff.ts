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

/**
 * Text never holds NUL or most C0 controls; a few in the first KB mean a binary file (an image, a
 * zip), which would otherwise be read as a one-column CSV of escaped bytes.
 */
export function looksBinary(b: Uint8Array, start = 0): boolean {
  const end = Math.min(b.length, start + 1024);
  let controls = 0;
  for (let i = start; i < end; i++) {
    const c = b[i]!;
    if (c === 0) return true;
    if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) controls++;
  }
  return controls > 4;
}
