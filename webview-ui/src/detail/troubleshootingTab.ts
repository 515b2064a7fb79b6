/**
 * Troubleshooting & Recommendations: the record's error (code, category, reason, details,
 * recommended action), what the code means and what to do (the catalog), whether and when the
 * service retries, what happened to the identity later in the log, and where to read more.
 * For events that did not fail it says so plainly, and for skips why.
 */
import type { ExplanationView, HistoryItem, IdView, TroubleshootingView } from '../../../src/shared/detailProtocol';
import { STATUS_LABELS } from '../../../src/core/common/record';
import { h } from '../shared/dom';
import { icon } from '../shared/icons';
import { localClock, relativeToNow } from './localTime';
import { button, copyButton, docLink, facts, kvTable, longText, section, statusBadge, statusIcon, type Post } from './widgets';

function errorSection(t: TroubleshootingView, post: Post): HTMLElement | null {
  const e = t.error;
  if (e === undefined) return null;
  const category =
    e.categoryLabel === '' ? '' : h('span', {}, h('span', { text: e.categoryLabel }), e.categoryMeaning ? h('div', { className: 'note', text: e.categoryMeaning }) : null);
  return section(
    'Error in the record',
    facts([
      ['Error code', e.code === '' ? '' : h('span', { className: 'mono code', text: e.code })],
      ['Category', category],
      ['Reason', e.reason],
      ['Additional details', e.additionalDetails],
      ['Recommended action', e.recommendedAction],
    ]),
    e.code.trim() === ''
      ? null
      : h('div', { className: 'actions' }, button('Filter the viewer to this code', 'filter', () => post({ type: 'filter', by: 'errorCode' }))),
  );
}

function retryLine(x: ExplanationView): HTMLElement {
  const at = x.retry.at;
  const clock = at === undefined ? '' : localClock(at);
  const relative = at === undefined ? '' : relativeToNow(at);
  const local = clock === '' && relative === '' ? '' : ` That is ${[clock && `${clock} your time`, relative].filter((p) => p !== '').join(', ')}.`;
  return h('p', { className: 'retry', attrs: { 'data-testid': 'retry' } }, icon(x.retry.automatic ? 'sync' : 'person'), ' ', `${x.retry.sentence}${local}`);
}

function explanationSection(x: ExplanationView, post: Post): HTMLElement[] {
  const resolved = x.resolvedFrom
    ? h(
        'p',
        { className: 'resolved muted' },
        h('span', { className: 'mono', text: `${x.resolvedFrom.code} → ${x.canonical}` }),
        `: the application's name (${x.resolvedFrom.prefix}) in front of a documented code.`,
      )
    : null;
  return [
    section(
      x.known ? `What ${x.canonical} means` : 'What this means',
      h('p', { className: 'explain-title', text: x.title }),
      resolved,
      h('p', { text: x.meaning }),
      h('p', { className: 'muted', text: `Catalog category: ${x.catalogCategory}` }),
    ),
    section(
      'What to do',
      x.remediation.length > 1
        ? h('ol', { className: 'remediation' }, ...x.remediation.map((step) => h('li', { text: step })))
        : h('p', { className: 'remediation', text: x.remediation[0] ?? '' }),
      retryLine(x),
    ),
    section('Learn more', h('ul', { className: 'links' }, ...[x.docs, ...x.links].map((l) => h('li', {}, docLink(l, post))))),
  ];
}

function skipSection(t: TroubleshootingView, post: Post): HTMLElement | null {
  const s = t.skip;
  if (s === undefined) return null;
  return section(
    'Why it was skipped',
    h('p', { className: 'explain-title', text: s.title }),
    h('p', { text: s.meaning }),
    facts([
      ['Skip reason', s.reason === '' ? '' : h('span', { className: 'mono', text: s.reason })],
      ['Action needed', s.actionNeeded ? 'Yes, if this object should be provisioned' : 'No (expected)'],
      ['Step', s.step > 0 ? `${s.step}: ${s.description}` : ''],
    ]),
    s.remediation.length > 1
      ? h('ol', { className: 'remediation' }, ...s.remediation.map((step) => h('li', { text: step })))
      : s.remediation.length === 1
        ? h('p', { className: 'remediation', text: s.remediation[0]! })
        : null,
    s.scoping.length > 0 ? kvTable(s.scoping, 'Scoping checks that failed') : null,
    s.docs ? h('p', {}, docLink(s.docs, post)) : null,
  );
}

function laterSection(t: TroubleshootingView, post: Post): HTMLElement | null {
  const later: HistoryItem | undefined = t.later;
  if (later === undefined) return null;
  const more = t.laterCount > 1 ? ` (${t.laterCount} later events for this identity; the newest is shown)` : '';
  return section(
    'Later in this log',
    h(
      'p',
      {},
      `The newest later event of this identity in this job, at ${later.utc}: ${later.actionLabel || later.action}, `,
      statusBadge(later.status, later.statusLabel),
      later.errorCode ? h('span', { className: 'mono', text: ` ${later.errorCode}` }) : null,
      `.${more}`,
    ),
    h('div', { className: 'actions' }, button('Show that event', 'go-to-file', () => post({ type: 'goTo', index: later.index }))),
  );
}

/** The two IDs Microsoft support asks for, with copy buttons, where someone may have to open a case. */
function supportSection(ids: readonly IdView[], post: Post): HTMLElement | null {
  const wanted = ids.filter((x) => (x.field === 'changeId' || x.field === 'cycleId') && x.value !== '');
  if (wanted.length === 0) return null;
  return section(
    'For a support case',
    h(
      'table',
      { className: 'ids', attrs: { 'aria-label': 'IDs for a support case' } },
      h('tbody', {}, ...wanted.map((x) => h('tr', {}, h('th', { attrs: { scope: 'row' }, text: x.label }), h('td', { className: 'mono', text: x.value }), h('td', { className: 'copy-cell' }, copyButton(x.field, x.label, post))))),
    ),
  );
}

export function renderTroubleshooting(t: TroubleshootingView, ids: readonly IdView[], post: Post): HTMLElement {
  const failedStep = t.failedStep
    ? h('p', { className: 'failed-step' }, `Step ${t.failedStep.number} (${t.failedStep.typeLabel}${t.failedStep.name ? `, ${t.failedStep.name}` : ''}): `, longText(t.failedStep.description))
    : null;
  const explanation = t.explanation && (t.outcome === 'failure' || t.outcome === 'warning' || t.error !== undefined) ? explanationSection(t.explanation, post) : [];
  return h(
    'div',
    { className: 'tab-body' },
    h('p', { className: `headline headline-${t.outcome}`, attrs: { 'data-testid': 'headline' } }, statusIcon(t.outcome, STATUS_LABELS[t.outcome]), ' ', t.headline),
    failedStep,
    errorSection(t, post),
    ...explanation,
    skipSection(t, post),
    laterSection(t, post),
    t.outcome === 'failure' || t.outcome === 'warning' ? supportSection(ids, post) : null,
  );
}
