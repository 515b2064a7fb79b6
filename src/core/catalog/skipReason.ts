/**
 * Why a skipped event was skipped, as its record says it: real records carry no error then, but a
 * step with a `SkipReason` detail (`RedundantExport`, `NotEffectivelyEntitled`, …) and a
 * description in the service's words. The store's reason column, the CLI and hovers show this.
 */
import type { ProvisioningRecord, ProvisioningStep } from '../common/record';

/** The step's `SkipReason` detail (key case ignored), '' when it has none. */
export function stepSkipReason(step: ProvisioningStep): string {
  for (const k in step.details) if (k.trim().toLowerCase() === 'skipreason') return step.details[k]!.trim();
  return '';
}

/** The step that says why the event was skipped: one with a SkipReason, else the skipped one. */
export function skippingStep(r: ProvisioningRecord): ProvisioningStep | undefined {
  return r.steps.find((s) => stepSkipReason(s) !== '') ?? r.steps.find((s) => s.status === 'skipped');
}

/** `RedundantExport: <the step's description>`, or either alone; '' when no step says. */
export function skipReasonText(r: ProvisioningRecord): string {
  const step = skippingStep(r);
  if (step === undefined) return '';
  const reason = stepSkipReason(step);
  const description = step.description.trim();
  return reason !== '' && description !== '' ? `${reason}: ${description}` : reason || description;
}
