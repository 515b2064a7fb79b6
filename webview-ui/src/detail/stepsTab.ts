/**
 * Steps: what the service did, in order (import, scoping, matching, processing, reference
 * resolution, export), each with its status, description and `details` (skip reasons and failed
 * scoping checks explained).
 */
import type { StepType } from '../../../src/core/common/record';
import type { StepView } from '../../../src/shared/detailProtocol';
import { h } from '../shared/dom';
import { icon } from '../shared/icons';
import { kvTable, longText, statusBadge } from './widgets';

const STEP_ICONS: Readonly<Record<StepType, string>> = {
  import: 'cloud-download',
  scoping: 'filter',
  matching: 'search',
  processing: 'gear',
  referenceResolution: 'references',
  export: 'cloud-upload',
  unknown: 'circle-outline',
};

function stepItem(step: StepView, total: number): HTMLElement {
  const detailCount = step.details.length;
  // Steps that did not succeed, and short detail lists, open by default; the rest fold.
  const open = step.status !== 'success' || detailCount <= 6;
  const details =
    detailCount === 0
      ? null
      : h(
          'details',
          { className: 'step-details', attrs: { open } },
          h('summary', { text: `Details (${detailCount})` }),
          kvTable(step.details, `Details of step ${step.number}`),
        );
  return h(
    'li',
    { className: `step step-${step.status}`, attrs: { 'aria-label': `Step ${step.number} of ${total}: ${step.typeLabel}, ${step.statusLabel}` } },
    h(
      'div',
      { className: 'step-head' },
      h('span', { className: 'step-number', text: String(step.number), attrs: { 'aria-hidden': 'true' } }),
      h('span', { className: 'step-type', title: step.typeMeaning }, icon(STEP_ICONS[step.type]), h('span', { text: step.typeLabel })),
      step.name ? h('span', { className: 'step-name mono muted' }, longText(step.name)) : null,
      h('span', { className: 'spacer' }),
      statusBadge(step.status, step.statusLabel),
    ),
    step.description ? h('p', { className: 'step-description' }, longText(step.description)) : null,
    details,
  );
}

export function renderSteps(steps: readonly StepView[]): HTMLElement {
  if (steps.length === 0) {
    return h(
      'div',
      { className: 'tab-body' },
      h('p', { className: 'muted', text: 'This record has no provisioning steps (a CSV row read without its ProvisioningLogs_ProvisioningSteps file has none).' }),
    );
  }
  return h('div', { className: 'tab-body' }, h('ol', { className: 'steps', attrs: { 'aria-label': 'Provisioning steps' } }, ...steps.map((s) => stepItem(s, steps.length))));
}
