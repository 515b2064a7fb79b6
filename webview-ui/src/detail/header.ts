/**
 * The panel's header: who (name and type), what happened in one sentence, the action, status and
 * time, and the way through the cycle (previous/next, "3 of 40 in this cycle") and to the raw JSON.
 */
import type { DetailView } from '../../../src/shared/detailProtocol';
import { clip, oneLine } from '../../../src/core/common/safeText';
import { h } from '../shared/dom';
import { formatTimeIn } from '../../../src/core/common/time';
import { localDateTime, timeZone } from './localTime';
import { button, statusBadge, statusIcon, type Post } from './widgets';

const HEADER_NAME_LIMIT = 200;

function shortName(name: string): string {
  return clip(name, HEADER_NAME_LIMIT);
}

export function renderHeader(view: DetailView, post: Post): HTMLElement {
  const hd = view.header;
  const local = localDateTime(hd.time);
  const name = hd.identity === '' ? '(no name in the record)' : shortName(hd.identity);
  const position =
    hd.count > 0 ? `${hd.position} of ${hd.count} in this cycle` : 'Not part of a cycle';
  const prev = button('Previous change in this cycle', 'arrow-left', () => post({ type: 'navigate', to: 'prev' }), {
    appearance: 'icon',
    title: 'Previous change in this cycle (Alt+Left)',
  });
  const next = button('Next change in this cycle', 'arrow-right', () => post({ type: 'navigate', to: 'next' }), {
    appearance: 'icon',
    title: 'Next change in this cycle (Alt+Right)',
  });
  if (!hd.hasPrev) prev.setAttribute('disabled', '');
  if (!hd.hasNext) next.setAttribute('disabled', '');
  prev.dataset['nav'] = 'prev';
  next.dataset['nav'] = 'next';
  const raw = button(view.raw.label, 'json', () => post({ type: 'openRaw' }), { title: view.raw.note });
  raw.setAttribute('aria-label', `${view.raw.label}: ${view.raw.note}`);
  raw.dataset['action'] = 'raw';
  const src = view.source;
  // A file name is hostile text too: direction marks and controls shown, length capped.
  const file = src ? oneLine(src.file, 160) : '';
  const where = src ? `${src.severalFiles ? `${file}, ` : ''}line ${src.line}` : '';
  const goTo = src ? button('Go to record', 'go-to-file', () => post({ type: 'goToRecord' }), { title: `Open ${file} as text at line ${src.line}, column ${src.column}` }) : null;
  if (goTo) goTo.dataset['action'] = 'goToRecord';
  if (goTo && src && !src.canGoTo) goTo.setAttribute('disabled', '');
  return h(
    'header',
    { className: 'detail-header' },
    h(
      'div',
      { className: 'title-row' },
      statusIcon(hd.status, hd.statusLabel),
      h('h1', { className: 'identity', text: name, title: hd.identity.length > HEADER_NAME_LIMIT ? 'The full name is in the Summary tab' : name }),
      hd.typeLabel ? h('span', { className: 'type-tag', text: hd.typeLabel }) : null,
    ),
    h('p', { className: 'sentence', attrs: { 'data-testid': 'sentence' }, text: hd.sentence }),
    h(
      'div',
      { className: 'meta' },
      h('span', { className: 'action', text: hd.actionLabel, title: 'Action' }),
      statusBadge(hd.status, hd.statusLabel),
      timeZone() === 'local' && Number.isFinite(hd.time)
        ? h('span', {}, h('time', { text: formatTimeIn(hd.time, 'local'), title: `UTC: ${hd.utc}` }))
        : h('span', {}, h('time', { text: hd.utc, title: local === '' ? 'Time in UTC' : `Your time: ${local}` }), local ? h('span', { className: 'muted', text: ` · ${local}` }) : null),
      hd.systems ? h('span', { className: 'systems', text: hd.systems }) : null,
    ),
    h(
      'div',
      { className: 'toolbar', attrs: { role: 'group', 'aria-label': 'Change navigation and raw JSON' } },
      prev,
      h('span', { className: 'position', attrs: { 'aria-live': 'polite', 'data-testid': 'position' }, text: position }),
      next,
      h('span', { className: 'spacer' }),
      src ? h('span', { className: 'record-file muted', attrs: { 'data-testid': 'record-file' }, text: where, title: file }) : null,
      goTo,
      raw,
    ),
  );
}
