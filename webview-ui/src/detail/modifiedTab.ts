/**
 * Modified Properties: attribute, old value, new value. Changed values are marked (icon, words and
 * the diff colours, never colour alone), unchanged ones muted; null reads "(no value)", an empty
 * string "(empty)". Where the service recorded no old value but read the object from the target
 * while matching, that value is shown under the old one.
 */
import type { ModifiedRow, ModifiedView } from '../../../src/shared/detailProtocol';
import { h } from '../shared/dom';
import { icon } from '../shared/icons';
import { ui } from '../shared/toolkit';
import { longText, valueOrNull } from './widgets';

/** Above this many attributes a filter box helps find one. */
const FILTER_FROM = 10;

function row(r: ModifiedRow): HTMLElement {
  const old = h('td', { className: 'old' }, valueOrNull(r.oldValue));
  if (r.targetBefore !== undefined) {
    old.append(h('div', { className: 'note' }, 'In the target when matched: ', valueOrNull(r.targetBefore)));
  }
  return h(
    'tr',
    { className: r.changed ? 'changed' : 'unchanged', attrs: { 'data-name': r.name.toLowerCase() } },
    h(
      'th',
      { attrs: { scope: 'row' } },
      r.changed ? icon('diff-modified', 'change-mark') : icon('circle-small', 'change-mark'),
      h('span', { className: 'visually-hidden', text: r.changed ? 'Changed: ' : 'Unchanged: ' }),
      longText(r.name),
    ),
    old,
    h('td', { className: 'new' }, valueOrNull(r.newValue)),
  );
}

export function renderModified(m: ModifiedView): HTMLElement {
  const body = h('div', { className: 'tab-body' });
  if (m.rows.length === 0) {
    body.append(h('p', { className: 'muted', attrs: { 'data-testid': 'modified-note' }, text: m.note }));
    return body;
  }
  const unchanged = m.rows.length - m.changedCount;
  body.append(
    h('p', { className: 'counts', text: `${m.rows.length} attribute${m.rows.length === 1 ? '' : 's'}: ${m.changedCount} changed, ${unchanged} unchanged.` }),
    m.note ? h('p', { className: 'muted', text: m.note }) : '',
  );
  const tbody = h('tbody', {}, ...m.rows.map(row));
  if (m.rows.length > FILTER_FROM) {
    const empty = h('p', { className: 'muted', text: 'No attribute matches the filter.', attrs: { hidden: true } });
    const field = h(ui.textField, {
      attrs: { placeholder: 'Filter attributes', 'aria-label': 'Filter attributes by name' },
      on: {
        input: (e) => {
          const q = ((e.target as HTMLInputElement).value ?? '').trim().toLowerCase();
          let shown = 0;
          for (const tr of Array.from(tbody.rows)) {
            const hit = q === '' || (tr.dataset['name'] ?? '').includes(q);
            tr.hidden = !hit;
            if (hit) shown++;
          }
          empty.hidden = shown > 0;
        },
      },
    });
    body.append(h('div', { className: 'filter-row' }, field), empty);
  }
  body.append(
    h(
      'table',
      { className: 'modified', attrs: { 'aria-label': 'Modified properties' } },
      h('thead', {}, h('tr', {}, h('th', { attrs: { scope: 'col' }, text: 'Attribute' }), h('th', { attrs: { scope: 'col' }, text: 'Old value' }), h('th', { attrs: { scope: 'col' }, text: 'New value' }))),
      tbody,
    ),
  );
  return body;
}
