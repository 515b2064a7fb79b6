/**
 * The "Custom range…" of the date filter: from and to in local time (as the table shows dates),
 * with the UTC equivalent spelled out, since the file and the portal speak UTC.
 */
import type { EventFilter } from '../../../src/shared/viewerProtocol';
import { h } from '../shared/dom';
import { ui } from '../shared/toolkit';
import { formatUtc, fromLocalInput, toLocalInput } from './format';
import { closePopover, openPopover } from './popover';

export function openDateRange(anchor: HTMLElement, filter: EventFilter, apply: (since: number | undefined, until: number | undefined) => void): void {
  const from = h('input', { className: 'date-input', attrs: { type: 'datetime-local', 'aria-label': 'From (local time)' } });
  const to = h('input', { className: 'date-input', attrs: { type: 'datetime-local', 'aria-label': 'To (local time)' } });
  if (filter.since !== undefined) from.value = toLocalInput(filter.since);
  if (filter.until !== undefined) to.value = toLocalInput(filter.until);
  const utc = h('div', { className: 'muted date-utc', attrs: { role: 'status' } });
  const explain = (): void => {
    const a = fromLocalInput(from.value);
    const b = fromLocalInput(to.value);
    utc.textContent = a === undefined && b === undefined ? 'Leave a side empty for an open range.' : `In UTC: ${a === undefined ? '…' : formatUtc(a)} – ${b === undefined ? '…' : formatUtc(b)}`;
  };
  from.addEventListener('input', explain);
  to.addEventListener('input', explain);
  explain();
  const ok = h(ui.button, {
    on: {
      click: () => {
        const a = fromLocalInput(from.value);
        const b = fromLocalInput(to.value);
        closePopover();
        // The "to" minute is included whole.
        apply(a, b === undefined ? undefined : b + 59_999);
      },
    },
  }, 'Apply');
  const box = h(
    'div',
    { className: 'date-range', attrs: { role: 'dialog', 'aria-label': 'Custom date range' } },
    h('label', { className: 'date-label' }, 'From', from),
    h('label', { className: 'date-label' }, 'To', to),
    utc,
    h('div', { className: 'date-actions' }, ok, h(ui.button, { attrs: { appearance: 'secondary' }, on: { click: () => closePopover() } }, 'Cancel')),
  );
  if (openPopover(anchor, box, 'Custom date range')) from.focus();
}
