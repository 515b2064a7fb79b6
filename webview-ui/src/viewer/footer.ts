/**
 * The line under the table about the selected event: who, what happened, and the actions people
 * take next (open its details; copy its job, cycle or change ID for a support ticket).
 */
import { ACTION_LABELS, STATUS_LABELS } from '../../../src/core/common/record';
import type { IdField, RowView } from '../../../src/shared/viewerProtocol';
import { clear, h } from '../shared/dom';
import { STATUS_ICONS } from '../shared/icons';
import { ui } from '../shared/toolkit';
import { formatTime } from './format';

export interface FooterEvents {
  open(index: number): void;
  copy(index: number, field: IdField): void;
}

const COPY: readonly [IdField, string][] = [
  ['jobId', 'Job ID'],
  ['cycleId', 'Cycle ID'],
  ['changeId', 'Change ID'],
];

export class SelectionFooter {
  readonly el: HTMLElement;
  private readonly summary: HTMLElement;
  private readonly buttons: HTMLElement[] = [];
  private row: RowView | undefined;

  constructor(events: FooterEvents) {
    this.summary = h('div', { className: 'selection-summary', attrs: { 'aria-live': 'polite' } });
    const details = h(ui.button, { attrs: { appearance: 'secondary', title: 'Open the details of the selected event (Enter or double-click on a row)' }, on: { click: () => this.row && events.open(this.row.index) } }, h('span', { className: 'codicon codicon-open-preview', attrs: { slot: 'start' } }), 'Details');
    this.buttons.push(details);
    for (const [field, label] of COPY) {
      this.buttons.push(
        h(ui.button, { attrs: { appearance: 'secondary', title: `Copy the ${label} of the selected event (what Microsoft support asks for)` }, on: { click: () => this.row && events.copy(this.row.index, field) } }, h('span', { className: 'codicon codicon-copy', attrs: { slot: 'start' } }), label),
      );
    }
    this.el = h('footer', { className: 'selection-footer', attrs: { 'aria-label': 'Selected event' } }, this.summary, h('div', { className: 'selection-actions' }, ...this.buttons));
    this.show(undefined);
  }

  show(row: RowView | undefined): void {
    this.row = row;
    clear(this.summary);
    for (const b of this.buttons) b.toggleAttribute('disabled', row === undefined);
    if (!row) {
      this.summary.append(h('span', { className: 'muted', text: 'Select an event: arrow keys or a click; Enter or a double-click opens its details.' }));
      return;
    }
    this.summary.append(
      h('span', { className: `codicon codicon-${STATUS_ICONS[row.status]} status-${row.status}`, attrs: { 'aria-hidden': 'true' } }),
      h('span', { className: 'selection-name', text: row.identity || row.identityId || '(no name)' }),
      h('span', { className: 'muted', text: ` · ${ACTION_LABELS[row.action]} · ${STATUS_LABELS[row.status]}${row.errorCode ? ` · ${row.errorCode}` : ''} · ${formatTime(row.time)}` }),
    );
  }
}
