/**
 * The `details` of steps, explained: `SkipReason` values from the catalog, and the scoping checks
 * whose `False` is the reason an object was left out (the keys name the check, e.g.
 * `Assigned to the application`).
 */
import { lookupSkipReason } from '../../catalog/catalog';
import type { ProvisioningRecord } from '../../common/record';
import { skippingStep, stepSkipReason } from '../../catalog/skipReason';
import { remediationSteps } from './remediationSteps';
import type { DetailPair, SkipView } from './detailTypes';

/** What a failed scoping check means; keys compared case-insensitively. */
const SCOPING_CHECKS: readonly { test: RegExp; note: string }[] = [
  { test: /^active in the source system$/i, note: 'The object is disabled or soft-deleted in the source system, so it is out of scope.' },
  {
    test: /^assigned to the application$/i,
    note: 'The object is not assigned to the application, directly or through a group, so it is out of scope (expected when the app provisions assigned objects only).',
  },
  { test: /has the required role$/i, note: 'Its assignment has no app role that provisions, so it is out of scope.' },
  { test: /^scoping filter evaluation passed$/i, note: "A scoping filter of the app's attribute mappings excludes this object." },
];

function scopingNote(key: string, value: string): string | undefined {
  if (value.trim().toLowerCase() !== 'false') return undefined;
  return SCOPING_CHECKS.find((c) => c.test.test(key.trim()))?.note;
}

/** A step's details as pairs, in the record's order, with notes where we can explain a value. */
export function explainDetails(details: Record<string, string>): DetailPair[] {
  return Object.entries(details).map(([key, value]) => {
    const pair: DetailPair = { key, value };
    if (key.trim().toLowerCase() === 'skipreason') {
      const entry = lookupSkipReason(value);
      if (entry) pair.note = `${entry.title}: ${entry.meaning}`;
    } else {
      const note = scopingNote(key, value);
      if (note) pair.note = note;
    }
    return pair;
  });
}


/** Failed scoping checks across every step of the record, explained. */
export function failedScopingChecks(r: ProvisioningRecord): DetailPair[] {
  const out: DetailPair[] = [];
  for (const step of r.steps) {
    for (const [key, value] of Object.entries(step.details)) {
      const note = scopingNote(key, value);
      if (note) out.push({ key, value, note });
    }
  }
  return out;
}

/** Why a skipped event was skipped, from its steps; undefined when no step says. */
export function explainSkip(r: ProvisioningRecord): SkipView | undefined {
  const scoping = failedScopingChecks(r);
  const skipped = skippingStep(r);
  if (skipped === undefined && scoping.length === 0) return undefined;
  const reason = skipped ? stepSkipReason(skipped) : '';
  const entry = reason === '' ? undefined : lookupSkipReason(reason);
  const firstScoping = scoping[0];
  let title: string;
  let meaning: string;
  if (entry) {
    title = entry.title;
    meaning = entry.meaning;
  } else if (firstScoping) {
    title = 'Out of scope';
    meaning = firstScoping.note ?? '';
  } else {
    title = reason === '' ? 'Skipped' : `Skip reason ${reason}`;
    meaning = reason === '' ? 'The record does not say why; the step description is the best explanation available.' : 'This skip reason is not in the catalog; read the step description.';
  }
  return {
    reason,
    title,
    meaning,
    actionNeeded: entry?.actionNeeded ?? firstScoping === undefined,
    remediation: entry ? remediationSteps(entry.remediation) : [],
    ...(entry ? { docs: { title: 'Microsoft Learn', url: entry.docs } } : {}),
    step: skipped ? skipped.index + 1 : 0,
    description: skipped?.description ?? '',
    scoping,
  };
}
