/**
 * Picks a value for one filter (job, cycle, change, system, application, error code): a text box
 * over the values present in the file, narrowed as you type (ARIA combobox with a listbox). Enter
 * takes the highlighted value (that whole value), or what was typed (values containing it, so part
 * of an id works).
 */

import { clear, h } from '../shared/dom';
import { formatCount, plural } from './format';
import { closePopover, openPopover } from './popover';
import { type FacetValue } from '../../../src/core/common/filter';

export interface PickerOptions {
  label: string;
  placeholder: string;
  values: readonly FacetValue[];
  /** Words under a value (e.g. a cycle's time span); its detail otherwise. */
  describe?: (v: FacetValue) => string;
  /** Said under the list when values were left out. */
  note?: string;
  /** `exact`: picked from the list (matches that whole value), not typed (matches values containing it). */
  pick(value: string, exact: boolean): void;
}

const SHOWN = 200;
let ids = 0;

export function openValuePicker(anchor: HTMLElement, o: PickerOptions): void {
  const listId = `picker-list-${++ids}`;
  const input = h('input', {
    className: 'picker-input',
    attrs: { type: 'text', role: 'combobox', 'aria-label': o.label, 'aria-autocomplete': 'list', 'aria-expanded': 'true', 'aria-controls': listId, placeholder: o.placeholder, spellcheck: 'false' },
  });
  const list = h('div', { className: 'picker-list', attrs: { id: listId, role: 'listbox', 'aria-label': `${o.label}: values in this file` } });
  const status = h('div', { className: 'picker-note muted', attrs: { role: 'status' } });
  let shown: FacetValue[] = [];
  let active = -1;

  const setActive = (k: number): void => {
    active = k;
    list.querySelectorAll('[role=option]').forEach((el, i) => el.setAttribute('aria-selected', String(i === k)));
    const el = list.children[k] as HTMLElement | undefined;
    if (el) {
      input.setAttribute('aria-activedescendant', el.id);
      el.scrollIntoView({ block: 'nearest' });
    } else input.removeAttribute('aria-activedescendant');
  };
  const choose = (value: string, exact: boolean): void => {
    if (value.trim() === '') return;
    closePopover();
    o.pick(value.trim(), exact);
  };
  const render = (): void => {
    const needle = input.value.trim().toLowerCase();
    const matching = needle === '' ? o.values : o.values.filter((v) => v.value.toLowerCase().includes(needle) || (v.detail ?? '').toLowerCase().includes(needle));
    shown = matching.slice(0, SHOWN);
    clear(list);
    shown.forEach((v, k) => {
      const words = o.describe?.(v) ?? v.detail ?? '';
      list.appendChild(
        h(
          'div',
          { className: 'picker-option', attrs: { role: 'option', id: `${listId}-${k}`, 'aria-selected': 'false' }, on: { mousedown: (e) => e.preventDefault(), click: () => choose(v.value, true) } },
          h('span', { className: 'picker-value mono', text: v.value }),
          h('span', { className: 'picker-count muted', text: formatCount(v.count) }),
          words ? h('span', { className: 'picker-detail muted', text: words }) : null,
        ),
      );
    });
    const more = matching.length - shown.length;
    status.textContent =
      o.values.length === 0
        ? 'Type or paste a value; events whose value contains it are shown.'
        : `${plural(matching.length, 'value')}${more > 0 ? `, first ${SHOWN} listed: type to narrow` : ''}${o.note ? `. ${o.note}` : ''}`;
    setActive(-1);
  };
  input.addEventListener('input', render);
  input.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setActive(Math.min(shown.length - 1, active + 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive(Math.max(-1, active - 1));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      if (active >= 0) choose(shown[active]!.value, true);
      else choose(input.value, false);
    }
  });
  const box = h('div', { className: 'picker' }, h('label', { className: 'picker-title', text: o.label }), input, list, status);
  render();
  if (openPopover(anchor, box, o.label)) input.focus();
}
