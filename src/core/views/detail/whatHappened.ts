/**
 * "What happened to this user?" in one sentence, the first thing the detail panel says:
 *   Creating user Adele Vance in ServiceNow failed: conflicting entry in ServiceNow (EntryConflict).
 *   User Alex Wilber was skipped for ServiceNow: already in sync (RedundantExport).
 *   Group Sales was updated in Box: 2 attributes changed.
 * Built from the record, the catalog's title for its error code and the step details; names are
 * clipped so that a 100 KB display name does not become a 100 KB sentence.
 */
import { lookupErrorCode } from '../../catalog/catalog';
import type { Action, ProvisioningRecord, ProvisioningStep } from '../../common/record';
import { STEP_TYPE_LABELS } from '../../common/record';
import { capitalize, shortName, identityName, objectWord, targetName } from './identityNames';
import { explainSkip } from './stepDetails';

const DOING: Readonly<Record<Action, string>> = {
  create: 'Creating',
  update: 'Updating',
  delete: 'Deleting',
  disable: 'Disabling',
  stagedDelete: 'Staging the deletion of',
  other: 'Processing',
};

const DONE: Readonly<Record<Action, (target: string) => string>> = {
  create: (t) => `was created in ${t}`,
  update: (t) => `was updated in ${t}`,
  delete: (t) => `was deleted from ${t}`,
  disable: (t) => `was disabled in ${t}`,
  stagedDelete: (t) => `was staged for deletion in ${t}`,
  other: (t) => `was processed for ${t}; nothing needed to be created, updated, deleted or disabled`,
};

/** Names that start a catalog title and must keep their capital letter. */
const PROPER_START = /^(Microsoft|Active Directory|Service Bus|Entra|Azure|Graph|Workday|SCIM|HTTP|UPN|B2B|AD)\b/;

/**
 * A catalog title as the end of our sentence: "Target app throttled the request" → "ServiceNow
 * throttled the request", "Conflicting entry in the target app" → "conflicting entry in ServiceNow".
 */
export function titleInSentence(title: string, target: string): string {
  const named = title.replace(/\b(the )?target app\b/gi, target).replace(/\bthe app\b/gi, target);
  if (named.startsWith(target) || PROPER_START.test(named)) return named;
  // Keep acronyms (a second capital letter or digit) as they are.
  if (/^[A-Z][A-Z0-9]/.test(named)) return named;
  return named.charAt(0).toLowerCase() + named.slice(1);
}

function firstStepWith(r: ProvisioningRecord, status: ProvisioningStep['status']): ProvisioningStep | undefined {
  return r.steps.find((s) => s.status === status);
}

function stepPhrase(step: ProvisioningStep | undefined): string {
  if (step === undefined) return '';
  const name = step.name.trim() === '' ? '' : ` (${shortName(step.name, 60)})`;
  return ` at the ${STEP_TYPE_LABELS[step.type]} step${name}`;
}

/** ": <title> (<code>)" for a known code, " with error code <code>…" for one the catalog lacks. */
function errorPhrase(code: string, target: string): string {
  const match = lookupErrorCode(code);
  const shown = shortName(code, 80);
  if (match.known) return `: ${titleInSentence(match.entry.title, target)} (${shown}).`;
  return ` with error code ${shown}, which is not in the catalog; the reason says more.`;
}

export function whatHappened(r: ProvisioningRecord, changedCount = 0): string {
  const name = shortName(identityName(r)) || 'an unnamed object';
  const word = objectWord(r);
  const target = shortName(targetName(r), 60);
  const code = r.error?.errorCode.trim() ?? '';
  const subject = `${word} ${name}`;
  switch (r.status) {
    case 'failure': {
      const head = `${DOING[r.action]} ${subject} in ${target} failed`;
      if (code !== '') return head + errorPhrase(code, target);
      return `${head}${stepPhrase(firstStepWith(r, 'failure'))}.`;
    }
    case 'warning': {
      const head = `${DOING[r.action]} ${subject} in ${target} finished with a warning`;
      if (code !== '') return head + errorPhrase(code, target);
      return `${head}${stepPhrase(firstStepWith(r, 'warning'))}.`;
    }
    case 'skipped': {
      const head = `${capitalize(subject)} was skipped for ${target}`;
      const skip = explainSkip(r);
      if (skip === undefined) return code === '' ? `${head}.` : head + errorPhrase(code, target);
      if (skip.reason !== '') return `${head}: ${titleInSentence(skip.title, target)} (${shortName(skip.reason, 60)}).`;
      const check = skip.scoping[0];
      if (check) return `${head}: out of scope (${shortName(check.key, 60)}: ${shortName(check.value, 20)}).`;
      return `${head}.`;
    }
    case 'success': {
      const head = `${capitalize(subject)} ${DONE[r.action](target)}`;
      if (r.action === 'update' && changedCount > 0) return `${head}: ${changedCount} attribute${changedCount === 1 ? '' : 's'} changed.`;
      return `${head}.`;
    }
  }
}
