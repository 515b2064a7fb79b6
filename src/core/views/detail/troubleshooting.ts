/**
 * The Troubleshooting & Recommendations tab: the record's own error information, the catalog's
 * meaning and remediation for its code, when the service retries (the actual time, from the event
 * time), and for events that did not fail, plainly that nothing failed and why a skip happened.
 */
import { describeRetry, lookupErrorCode, retryTime } from '../../catalog/catalog';
import type { CatalogMatch } from '../../catalog/catalogTypes';
import { describeErrorCategory } from '../../catalog/enumDocs';
import { STEP_TYPE_LABELS, type ProvisioningRecord } from '../../common/record';
import type { ErrorView, ExplanationView, HistoryItem, RetryView, TroubleshootingView } from './detailTypes';
import { remediationSteps } from './remediationSteps';
import { explainSkip } from './stepDetails';

export { remediationSteps } from './remediationSteps';

export function retryView(eventTime: number, match: CatalogMatch): RetryView {
  const view: RetryView = { automatic: match.entry.retry === 'automatic', sentence: describeRetry(eventTime, match) };
  const at = retryTime(eventTime, match);
  if (at !== undefined) view.at = at;
  return view;
}

export function explainCode(code: string, eventTime: number): ExplanationView {
  const match = lookupErrorCode(code);
  const e = match.entry;
  const view: ExplanationView = {
    known: match.known,
    canonical: match.canonical,
    title: e.title,
    meaning: e.meaning,
    remediation: remediationSteps(e.remediation),
    catalogCategory: e.category,
    severity: e.severity,
    retry: retryView(eventTime, match),
    docs: { title: 'Microsoft Learn: provisioning error codes', url: e.docs },
    links: (e.links ?? []).map((l) => ({ title: l.title, url: l.url })),
  };
  if (match.prefix !== undefined) view.resolvedFrom = { code: code.trim(), prefix: match.prefix };
  return view;
}

function errorView(r: ProvisioningRecord): ErrorView | undefined {
  const e = r.error;
  if (e === null) return undefined;
  if ([e.errorCode, e.reason, e.additionalDetails, e.errorCategory, e.recommendedAction].every((v) => v.trim() === '')) return undefined;
  const category = describeErrorCategory(e.errorCategory);
  return {
    code: e.errorCode,
    category: e.errorCategory,
    categoryLabel: category?.label ?? e.errorCategory,
    categoryMeaning: category?.meaning ?? '',
    reason: e.reason,
    additionalDetails: e.additionalDetails,
    recommendedAction: e.recommendedAction,
  };
}

function headline(r: ProvisioningRecord, failedStep: TroubleshootingView['failedStep']): string {
  const at = failedStep ? ` at step ${failedStep.number} of ${r.steps.length}, ${failedStep.typeLabel}` : '';
  switch (r.status) {
    case 'failure':
      return `This change failed${at}.`;
    case 'warning':
      return `This change finished with a warning${at}.`;
    case 'skipped':
      return 'Nothing failed: the service skipped this object.';
    case 'success':
      return r.steps.length > 0 && r.steps.every((s) => s.status === 'success')
        ? 'Nothing failed: every step of this change succeeded.'
        : 'Nothing failed: this change succeeded.';
  }
}

export function buildTroubleshooting(r: ProvisioningRecord, later: { item?: HistoryItem; count: number }): TroubleshootingView {
  const bad = r.status === 'failure' || r.status === 'warning' ? r.steps.find((s) => s.status === r.status) ?? r.steps.find((s) => s.status === 'failure') : undefined;
  const failedStep = bad && { number: bad.index + 1, name: bad.name, typeLabel: STEP_TYPE_LABELS[bad.type], description: bad.description };
  const view: TroubleshootingView = { outcome: r.status, headline: headline(r, failedStep), laterCount: later.count };
  if (failedStep) view.failedStep = failedStep;
  const error = errorView(r);
  if (error) view.error = error;
  // Explain a code whatever the status: skips carry codes too (EntrySynchronizationSkipped).
  if (error && error.code.trim() !== '') view.explanation = explainCode(error.code, r.time);
  else if (r.status === 'failure') view.explanation = explainCode('', r.time);
  if (r.status === 'skipped') {
    const skip = explainSkip(r);
    if (skip) view.skip = skip;
  }
  if (later.item) view.later = later.item;
  return view;
}
