/**
 * Summary: what happened in one sentence; the IDs support asks for, each with a copy button; the
 * source and target identities and systems with their details; the application, who started it,
 * how long it took, the time in UTC and locally; columns of the file we do not model; and the
 * identity's other events in this job.
 */
import type { HistoryItem, IdentityView, SummaryView, SystemView } from '../../../src/shared/detailProtocol';
import { h } from '../shared/dom';
import { localDateTime } from './localTime';
import { button, copyButton, facts, kvTable, longText, section, statusBadge, type Post } from './widgets';

function idsTable(s: SummaryView, post: Post): HTMLElement {
  return h(
    'table',
    { className: 'ids', attrs: { 'aria-label': 'Identifiers' } },
    h(
      'tbody',
      {},
      ...s.ids.map((id) =>
        h(
          'tr',
          { attrs: { 'data-field': id.field } },
          h('th', { attrs: { scope: 'row' }, text: id.label }),
          h('td', { className: 'mono' }, id.value === '' ? h('span', { className: 'null-value', text: '(not in the record)' }) : longText(id.value)),
          h('td', { className: 'copy-cell' }, id.value === '' ? null : copyButton(id.field, id.label, post)),
        ),
      ),
    ),
  );
}

function identityBlock(title: string, p: IdentityView): HTMLElement {
  return section(
    title,
    facts([
      ['Name', p.name],
      ['ID', p.id === '' ? '' : h('span', { className: 'mono' }, longText(p.id))],
      ['Type', p.type],
    ]),
    p.details.length > 0 ? h('details', { className: 'more' }, h('summary', { text: `Details (${p.details.length})` }), kvTable(p.details, `${title} details`)) : null,
  );
}

function systemFacts(label: string, s: SystemView): [string, string | HTMLElement][] {
  const value = h('span', {}, longText(s.name || '(no name)'), s.id ? h('span', { className: 'mono muted' }, ' ', longText(s.id)) : null);
  return [[label, s.name === '' && s.id === '' ? '' : value]];
}

function historyList(s: SummaryView, post: Post): HTMLElement {
  const item = (x: HistoryItem): HTMLElement =>
    h(
      'li',
      { className: x.current ? 'current' : '' },
      x.current
        ? h('span', { className: 'history-row', attrs: { 'aria-current': 'true' } }, ...historyParts(x), h('span', { className: 'muted', text: ' (this change)' }))
        : h('button', { className: 'history-row link-button', attrs: { 'aria-label': `Show the ${x.actionLabel || x.action} of ${x.utc}, ${x.statusLabel}` }, on: { click: () => post({ type: 'goTo', index: x.index }) } }, ...historyParts(x)),
    );
  const more = s.historyTotal > s.history.length ? h('p', { className: 'muted', text: `${s.historyTotal - s.history.length} older events are not listed.` }) : null;
  return section(
    `This identity in this job (${s.historyTotal} event${s.historyTotal === 1 ? '' : 's'})`,
    h('ol', { className: 'history' }, ...s.history.map(item)),
    more,
    h(
      'div',
      { className: 'actions' },
      button('Filter the viewer to this identity', 'filter', () => post({ type: 'filter', by: 'identity' })),
      button('Filter the viewer to this cycle', 'filter', () => post({ type: 'filter', by: 'cycle' })),
    ),
  );
}

function historyParts(x: HistoryItem): (HTMLElement | string)[] {
  return [h('time', { text: x.utc }), ' ', h('span', { text: x.actionLabel || x.action }), ' ', statusBadge(x.status, x.statusLabel), x.errorCode ? h('span', { className: 'mono muted', text: ` ${x.errorCode}` }) : ''];
}

export function renderSummary(s: SummaryView, post: Post): HTMLElement {
  const local = localDateTime(s.time);
  // Only a different word is worth showing (`EntryExportUpdate`), not a different case (`update`).
  const action = s.action.asWritten !== '' && s.action.asWritten.toLowerCase() !== s.action.label.toLowerCase() ? `${s.action.label} (written as ${s.action.asWritten})` : s.action.label;
  const initiator = [s.initiatedBy.name, s.initiatedBy.typeLabel ? `(${s.initiatedBy.typeLabel})` : ''].filter((x) => x !== '').join(' ');
  return h(
    'div',
    { className: 'tab-body' },
    h('p', { className: 'sentence-big', text: s.sentence }),
    section('IDs for support', idsTable(s, post)),
    section(
      'Event',
      facts([
        ['Action', h('span', { title: s.action.meaning, text: action })],
        ['Status', h('span', { title: s.status.meaning }, statusBadge(s.status.value, s.status.label))],
        ['Time (UTC)', s.utc],
        ['Your time', local],
        ['As written', s.activityDateTime !== s.utc ? s.activityDateTime : ''],
        ['Duration', s.durationText],
        ['Initiated by', initiator],
        ...systemFacts('Source system', s.sourceSystem),
        ...systemFacts('Target system', s.targetSystem),
        ['Application', [s.application.name, s.application.id].filter((x) => x !== '').join(' · ')],
        ['File format', s.format],
      ]),
    ),
    identityBlock('Source identity', s.source),
    identityBlock('Target identity', s.target),
    s.sourceSystem.details.length + s.targetSystem.details.length > 0
      ? section('System details', kvTable([...s.sourceSystem.details.map((p) => ({ ...p, key: `Source: ${p.key}` })), ...s.targetSystem.details.map((p) => ({ ...p, key: `Target: ${p.key}` }))], 'System details'))
      : null,
    s.extra.length > 0 ? section('Other columns in the file', kvTable(s.extra, 'Columns this viewer does not model')) : null,
    historyList(s, post),
  );
}
