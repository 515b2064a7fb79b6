/** Catalog remediation texts as the lists the detail panel shows. */

/** The remediation text's numbered lines (`1. …\n2. …`) as a list; one paragraph stays one item. */
export function remediationSteps(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim().replace(/^\d+[.)]\s*/, ''))
    .filter((l) => l !== '');
}
