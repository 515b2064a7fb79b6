/**
 * The skip-reason catalog: values of a step's `details.SkipReason`, which real skipped records
 * carry instead of an error (the event's errorInformation is null). Beside the error-code catalog,
 * as its own data: a skip is not a failure, and most skips need no action.
 *
 * Values are those seen in public real records (formats.md: `RedundantExport` in graph2otel's live
 * record, `AttributeValidationFailed` in Elastic's real-tenant lines) and those Microsoft's
 * troubleshooting articles name for skipped users (not entitled, out of scope). Texts are our own
 * words; the pages linked are where Microsoft explains each kind of skip.
 */
import type { SkipReasonEntry } from './catalogTypes';

const LEARN = 'https://learn.microsoft.com/en-us/entra/identity/app-provisioning';
const NO_USERS_PROVISIONED = `${LEARN}/application-provisioning-config-problem-no-users-provisioned`;
const SCOPING_FILTERS = `${LEARN}/define-conditional-rules-for-provisioning-user-accounts`;
const HOW_IT_WORKS = `${LEARN}/how-provisioning-works`;
const ATTRIBUTES = `${LEARN}/customize-application-attributes`;

export const SKIP_REASONS: readonly SkipReasonEntry[] = [
  {
    value: 'RedundantExport',
    title: 'Already in sync',
    meaning: 'Source and target already hold the same values, so there was nothing to write. Expected, and the most common skip.',
    actionNeeded: false,
    remediation: 'Nothing to do: the target is already up to date. If a value should have changed, check the attribute mapping that feeds it.',
    docs: HOW_IT_WORKS,
  },
  {
    value: 'AttributeValidationFailed',
    title: 'Attribute value failed validation',
    meaning:
      "A value the target needs is missing or not valid on the source object, so the object was not sent; the step's PropertyName detail, when present, names the attribute.",
    actionNeeded: true,
    remediation:
      '1. Read the step description and its PropertyName detail to find the attribute.\n2. Fix the value on the source object (or the expression that computes it in the attribute mappings).\n3. Provision the object on demand, or wait for the next cycle, to check.',
    docs: ATTRIBUTES,
  },
  {
    value: 'NotEffectivelyEntitled',
    title: 'Not entitled to provisioning',
    meaning:
      'The object is not effectively entitled to the application: not assigned to it (directly or through a group), assigned only through a role that does not provision, or disabled in the source.',
    actionNeeded: true,
    remediation:
      '1. If the object should be provisioned, assign it (or a group it belongs to) to the application with a role that provisions.\n2. If it is assigned already, remove the assignment and add it again: a damaged assignment record is a known cause.\n3. If it should not be provisioned, nothing to do.',
    docs: NO_USERS_PROVISIONED,
  },
  {
    value: 'NotInScope',
    title: 'Out of scope',
    meaning:
      'The object is outside the scope of the provisioning job: not assigned when the job syncs assigned objects only, or excluded by a scoping filter. Expected for most objects of a tenant when scope is "all users and groups".',
    actionNeeded: false,
    remediation:
      "Nothing to do unless the object should be provisioned; then assign it to the application, or change the job's scope or the scoping filter that excludes it (the scoping step's checks say which one failed).",
    docs: SCOPING_FILTERS,
  },
];
