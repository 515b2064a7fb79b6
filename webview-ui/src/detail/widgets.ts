/**
 * Small building blocks of the detail page. Every value from the log goes through `h(...)` as
 * text: status icons, key/value tables, copy buttons, long values that fold, null vs empty.
 */
import type { Status } from '../../../src/core/common/record';
import type { DetailPair, Link, PageMessage } from '../../../src/shared/detailProtocol';
import { clip, revealControls } from '../../../src/core/common/safeText';
import { appendBreakable, h } from '../shared/dom';
import { STATUS_ICONS, icon } from '../shared/icons';
import { ui } from '../shared/toolkit';

export type Post = (message: PageMessage) => void;

/** Icon and word: status is never told by colour alone. */
export function statusBadge(status: Status, label: string): HTMLElement {
  return h('span', { className: `status status-${status}` }, icon(STATUS_ICONS[status]), h('span', { text: label }));
}

export function statusIcon(status: Status, label: string): HTMLElement {
  return h('span', { className: `status-icon status-${status}`, attrs: { role: 'img', 'aria-label': label }, title: label }, icon(STATUS_ICONS[status]));
}

/** Text longer than this is folded behind "Show all" (display names of 100 KB exist). */
const FOLD_AT = 1500;

/** A value as text; very long ones show their start and a button that unfolds the rest. */
export function longText(value: string, className = ''): HTMLElement {
  const el = h('span', { className: `value ${className}`.trim() });
  if (value.length <= FOLD_AT) {
    appendBreakable(el, value);
    return el;
  }
  const head = h('span', { text: clip(value, FOLD_AT) });
  const more = h('button', {
    className: 'link-button',
    text: `Show all (${value.length.toLocaleString()} characters)`,
    on: {
      click: () => {
        head.textContent = revealControls(value);
        more.remove();
      },
    },
  });
  el.append(head, ' ', more);
  return el;
}

/** null and '' look different: "(no value)" is the absence, "(empty)" an empty string. */
export function valueOrNull(value: string | null): HTMLElement {
  if (value === null) return h('span', { className: 'null-value', text: '(no value)', title: 'null: the record has no value here' });
  if (value === '') return h('span', { className: 'empty-value', text: '(empty)', title: 'An empty string' });
  return longText(value, 'mono');
}

/** Key/value pairs as a compact two-column table, with explanations under the values. */
export function kvTable(pairs: readonly DetailPair[], label: string): HTMLElement {
  if (pairs.length === 0) return h('p', { className: 'muted', text: 'No details.' });
  return h(
    'table',
    { className: 'kv', attrs: { 'aria-label': label } },
    h(
      'tbody',
      {},
      ...pairs.map((p) =>
        h('tr', {}, h('th', { attrs: { scope: 'row' } }, longText(p.key)), h('td', {}, valueOrNull(p.value), p.note ? h('div', { className: 'note', text: p.note }) : null)),
      ),
    ),
  );
}

/** A row of facts ("Label: value") where empty values are left out. */
export function facts(items: readonly [string, string | HTMLElement][]): HTMLElement {
  const rows = items.filter(([, v]) => v !== '');
  return h('dl', { className: 'facts' }, ...rows.flatMap(([k, v]) => [h('dt', { text: k }), h('dd', {}, typeof v === 'string' ? longText(v) : v)]));
}

export function section(title: string, ...children: (Node | null | false)[]): HTMLElement {
  return h('section', { className: 'block' }, h('h2', { text: title }), ...children);
}

export function button(label: string, iconName: string, onClick: () => void, options: { appearance?: 'primary' | 'secondary' | 'icon'; title?: string } = {}): HTMLElement {
  const appearance = options.appearance ?? 'secondary';
  const attrs: Record<string, string> = { appearance, 'aria-label': options.title ?? label };
  if (options.title) attrs['title'] = options.title;
  const el = h(ui.button, { attrs, on: { click: onClick } });
  if (appearance === 'icon') el.append(icon(iconName));
  else el.append(h('span', { className: `codicon codicon-${iconName}`, attrs: { slot: 'start', 'aria-hidden': 'true' } }), label);
  return el;
}

/** Copies an ID through the host (which takes the value from its own record); the icon confirms. */
export function copyButton(field: Extract<PageMessage, { type: 'copy' }>['field'], label: string, post: Post): HTMLElement {
  const el = button(`Copy ${label}`, 'copy', () => {
    post({ type: 'copy', field });
    const i = el.querySelector('.codicon');
    i?.classList.replace('codicon-copy', 'codicon-check');
    setTimeout(() => i?.classList.replace('codicon-check', 'codicon-copy'), 1500);
  }, { appearance: 'icon', title: `Copy ${label}` });
  el.dataset['copy'] = field;
  return el;
}

/** A documentation link: the host opens it (after checking it is one it gave); never an <a href> the webview would follow. */
export function docLink(link: Link, post: Post): HTMLElement {
  return h(
    'button',
    { className: 'link-button doc-link', title: link.url, on: { click: () => post({ type: 'openLink', url: link.url }) } },
    icon('link-external'),
    ' ',
    link.title,
  );
}
