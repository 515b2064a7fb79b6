/**
 * The Modified Properties tab: attribute, old value, new value. Two lessons from FIMTooler's
 * reporter: `oldValue` is very often null even on updates, so where the matching step read the
 * object from the target we show that value beside it; and null (no value) is not '' (empty).
 */
import type { ProvisioningRecord } from '../../common/record';
import type { ModifiedRow, ModifiedView } from './detailTypes';

/** Values the matching steps read from the target, by lower-cased attribute name. */
function matchedTargetValues(r: ProvisioningRecord): Map<string, string> {
  const out = new Map<string, string>();
  for (const step of r.steps) {
    if (step.type !== 'matching') continue;
    for (const [k, v] of Object.entries(step.details)) out.set(k.trim().toLowerCase(), v);
  }
  return out;
}

export function buildModified(r: ProvisioningRecord): ModifiedView {
  const target = matchedTargetValues(r);
  const rows: ModifiedRow[] = r.modifiedProperties.map((p) => {
    const row: ModifiedRow = { name: p.displayName, oldValue: p.oldValue, newValue: p.newValue, changed: p.oldValue !== p.newValue };
    if (p.oldValue === null) {
      const before = target.get(p.displayName.trim().toLowerCase());
      if (before !== undefined) row.targetBefore = before;
    }
    return row;
  });
  const changedCount = rows.filter((x) => x.changed).length;
  return { rows, changedCount, note: noteFor(r, rows) };
}

function noteFor(r: ProvisioningRecord, rows: ModifiedRow[]): string {
  if (rows.length === 0) {
    if (r.flavor === 'csv' && r.steps.length === 0) {
      return 'No modified properties: this CSV row came without its ProvisioningLogs_ModifiedProperties file, or the change had none.';
    }
    switch (r.status) {
      case 'skipped':
        return 'No modified properties: the object was skipped, so nothing was sent to the target.';
      case 'failure':
        return 'No modified properties were recorded for this failed change.';
      default:
        return r.action === 'other' ? 'No modified properties: source and target already matched.' : 'No modified properties were recorded for this change.';
    }
  }
  if (r.action === 'create') {
    return r.status === 'success'
      ? 'A create has no old values: every attribute is new in the target.'
      : 'A create has no old values: these are the values the service tried to write.';
  }
  if (rows.some((x) => x.oldValue === null && x.changed)) {
    return 'The service often records no old value (null) even for updates; where the matching step read the object from the target, its value is shown under the old value.';
  }
  return '';
}
