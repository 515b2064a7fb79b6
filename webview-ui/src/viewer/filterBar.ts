/**
 * The filter bar, laid out like the portal's: search, identity, date, status, action, "Add filter"
 * (job, cycle, change, systems, application, error code, identity type), "hide skipped" and
 * "changes only"; the result count; the column chooser and export. Only values present in the file
 * are offered. Every active filter shows as a chip below, removable on its own.
 */
import { ACTION_LABELS, STATUS_LABELS, type Action, type Status } from '../../../src/core/common/record';
import { VIEW_COLUMNS, VIEW_COLUMN_IDS, type ViewColumnId } from '../../../src/core/common/columns';
import { FILTER_LABELS, WINDOW_LABELS, chipWords, filterChips, removeChip, setListValue, withText, type TextFilterKey, type FacetValue } from '../../../src/core/common/filter';
import type { EventFilter, ViewFacets } from '../../../src/shared/viewerProtocol';
import { clear, h } from '../shared/dom';
import { STATUS_ICONS } from '../shared/icons';
import { ui } from '../shared/toolkit';
import { openDateRange } from './dateRange';
import { formatCount, formatTimeShort, formatTimeSpan } from './format';
import { menuButton, openMenu } from './popover';
import { openValuePicker } from './valuePicker';

export interface FilterBarEvents {
  /** The filter changed; `typing` asks for a debounce. */
  changed(filter: EventFilter, typing: boolean): void;
  setColumns(columns: ViewColumnId[] | 'default'): void;
  exportShown(): void;
}

type PickerField = Exclude<TextFilterKey, 'identity' | 'text'>;
const DATE_CHOICES: readonly [string, string][] = [
  ['', 'Any time'],
  ...(['24h', '7d', '30d'] as const).map((w): [string, string] => [w, WINDOW_LABELS[w]]),
  ['custom', 'Custom range…'],
];
const PICKER_FIELDS: readonly PickerField[] = ['jobId', 'cycleId', 'changeId', 'sourceSystem', 'targetSystem', 'application', 'errorCode'];

export class FilterBar {
  readonly el: HTMLElement;
  private readonly search: HTMLInputElement;
  private readonly identity: HTMLInputElement;
  private readonly dateButton: HTMLButtonElement;
  private readonly hideSkipped: HTMLInputElement;
  private readonly changesOnly: HTMLInputElement;
  private readonly chips: HTMLElement;
  private readonly count: HTMLElement;
  private readonly statusButton: HTMLElement;
  private readonly actionButton: HTMLElement;
  private readonly moreButton: HTMLElement;
  private readonly columnsButton: HTMLElement;
  private facets: ViewFacets | undefined;
  private filter: EventFilter = {};
  private columns: readonly ViewColumnId[] = [];
  private syncing = false;

  constructor(private readonly events: FilterBarEvents) {
    this.search = h(ui.textField, { className: 'search', attrs: { placeholder: 'Search all fields', 'aria-label': 'Search all fields' } }, h('span', { className: 'codicon codicon-search', attrs: { slot: 'start' } })) as unknown as HTMLInputElement;
    this.identity = h(ui.textField, { className: 'identity', attrs: { placeholder: 'Identity (name or ID)', 'aria-label': 'Identity: name or ID' } }, h('span', { className: 'codicon codicon-person', attrs: { slot: 'start' } })) as unknown as HTMLInputElement;
    for (const [el, key] of [[this.search, 'text'], [this.identity, 'identity']] as const) {
      el.addEventListener('input', () => this.setText(key, el.value, true));
      el.addEventListener('keydown', (e) => {
        if (e.key === 'Escape' && el.value !== '') {
          e.stopPropagation();
          el.value = '';
          this.setText(key, '', false);
        } else if (e.key === 'Enter') this.setText(key, el.value, false);
      });
    }
    this.dateButton = menuButton('Any time', 'calendar', () => this.openDate());
    this.dateButton.setAttribute('aria-label', 'Date: any time');
    this.statusButton = menuButton('Status', 'filter', () => this.openStatus());
    this.actionButton = menuButton('Action', 'symbol-event', () => this.openAction());
    this.moreButton = menuButton('Add filter', 'add', () => this.openMore());
    this.hideSkipped = checkbox('Hide skipped', 'Hide events the service skipped (out of scope, nothing to do)', () => this.setFlag('hideSkipped', this.hideSkipped.checked));
    this.changesOnly = checkbox('Changes only', 'Only events that changed the target system (an export step succeeded)', () => this.setFlag('changesOnly', this.changesOnly.checked));
    this.count = h('span', { className: 'result-count', attrs: { role: 'status', 'aria-live': 'polite' } });
    this.columnsButton = menuButton('Columns', 'list-selection', () => this.openColumns());
    const exportButton = h(
      'button',
      { className: 'tool-button', attrs: { type: 'button' }, title: 'Export the shown events (CSV trio, JSON or Markdown)', on: { click: () => events.exportShown() } },
      h('span', { className: 'codicon codicon-export', attrs: { 'aria-hidden': 'true' } }),
      h('span', { text: 'Export…' }),
    );
    this.chips = h('div', { className: 'chips', attrs: { role: 'list', 'aria-label': 'Active filters' } });
    this.el = h(
      'div',
      { className: 'filter-bar', attrs: { role: 'search', 'aria-label': 'Filter events' } },
      h('div', { className: 'filter-row' }, this.search, this.identity, this.dateButton, this.statusButton, this.actionButton, this.moreButton),
      h('div', { className: 'filter-row second' }, this.hideSkipped, this.changesOnly, this.chips, h('span', { className: 'spacer' }), this.count, this.columnsButton, exportButton),
    );
  }

  setFacets(facets: ViewFacets): void {
    this.facets = facets;
  }

  setColumns(columns: readonly ViewColumnId[]): void {
    this.columns = columns;
  }

  setFilter(filter: EventFilter): void {
    this.filter = filter;
    this.syncing = true;
    try {
      if (this.search.value !== (filter.text ?? '') && document.activeElement !== this.search) this.search.value = filter.text ?? '';
      if (this.identity.value !== (filter.identity ?? '') && document.activeElement !== this.identity) this.identity.value = filter.identity ?? '';
      if (this.hideSkipped.checked !== (filter.hideSkipped === true)) this.hideSkipped.checked = filter.hideSkipped === true;
      if (this.changesOnly.checked !== (filter.changesOnly === true)) this.changesOnly.checked = filter.changesOnly === true;
    } finally {
      this.syncing = false;
    }
    const date = filter.window ? DATE_CHOICES.find(([v]) => v === filter.window)![1] : filter.since !== undefined || filter.until !== undefined ? 'Custom range' : 'Any time';
    this.dateButton.querySelector('.button-label')!.textContent = date;
    this.dateButton.setAttribute('aria-label', `Date: ${date.toLowerCase()}`);
    this.dateButton.classList.toggle('has-value', date !== 'Any time');
    setPressed(this.statusButton, (filter.status?.length ?? 0) > 0, filter.status?.length);
    setPressed(this.actionButton, (filter.action?.length ?? 0) > 0, filter.action?.length);
    this.renderChips();
  }

  setCount(total: number, all: number, elapsedMs: number): void {
    this.count.textContent = total === all ? `${formatCount(all)} events` : `${formatCount(total)} of ${formatCount(all)} events`;
    this.count.title = `Filtered and sorted on the host in ${elapsedMs} ms`;
  }

  focusSearch(): void {
    this.search.focus();
  }

  private emit(filter: EventFilter, typing = false): void {
    this.filter = filter;
    this.events.changed(filter, typing);
  }

  private setText(key: 'text' | 'identity', value: string, typing: boolean): void {
    if (this.syncing) return;
    this.emit(withText(this.filter, key, value, false), typing);
  }

  private setFlag(key: 'hideSkipped' | 'changesOnly', on: boolean): void {
    if (this.syncing) return;
    const f = { ...this.filter };
    if (on) f[key] = true;
    else delete f[key];
    this.emit(f);
  }

  private openDate(): void {
    const f0 = this.filter;
    const current = f0.window ?? (f0.since !== undefined || f0.until !== undefined ? 'custom' : '');
    const items = DATE_CHOICES.map(([id, label]) => ({ id, label, radio: true, checked: id === current }));
    openMenu(this.dateButton, 'Date', items, (id) => {
      const f: EventFilter = { ...this.filter };
      delete f.since;
      delete f.until;
      delete f.window;
      if (id === '24h' || id === '7d' || id === '30d') f.window = id;
      if (id !== 'custom') return this.emit(f);
      openDateRange(this.dateButton, this.filter, (since, until) => {
        if (since !== undefined) f.since = since;
        if (until !== undefined) f.until = until;
        this.emit(f);
      });
    });
  }

  private openStatus(): void {
    const chosen = new Set(this.filter.status ?? []);
    const items = (this.facets?.status ?? []).map((v) => ({ id: v.value, label: STATUS_LABELS[v.value as Status], detail: formatCount(v.count), icon: STATUS_ICONS[v.value as Status], iconClass: `status-${v.value}`, checked: chosen.has(v.value as Status) }));
    openMenu(this.statusButton, 'Status', items, (id, on) => this.emit(setListValue(this.filter, 'status', id as Status, on)));
  }

  private openAction(): void {
    const chosen = new Set(this.filter.action ?? []);
    const items = (this.facets?.action ?? []).map((v) => ({ id: v.value, label: ACTION_LABELS[v.value as Action], detail: formatCount(v.count), checked: chosen.has(v.value as Action) }));
    openMenu(this.actionButton, 'Action', items, (id, on) => this.emit(setListValue(this.filter, 'action', id as Action, on)));
  }

  private openMore(): void {
    const items = [...PICKER_FIELDS, 'identityType' as const].map((id) => ({ id, label: FILTER_LABELS[id], detail: this.filter[id] !== undefined ? 'set' : '' }));
    openMenu(this.moreButton, 'Add filter', items, (id) => {
      if (id === 'identityType') return this.openIdentityTypes();
      const field = id as PickerField;
      const values: FacetValue[] = field === 'changeId' ? [] : (this.facets?.[field] ?? []);
      openValuePicker(this.moreButton, {
        label: FILTER_LABELS[field],
        placeholder: field === 'changeId' ? 'Paste a change ID' : `Type or pick a ${FILTER_LABELS[field].toLowerCase()}`,
        values,
        ...(field === 'cycleId' ? { describe: (v: FacetValue) => [v.detail, formatTimeSpan(v.first ?? null, v.last ?? null)].filter(Boolean).join(' · '), note: this.cycleNote() } : {}),
        pick: (value, exact) => this.emit(withText(this.filter, field, value, exact)),
      });
    });
  }

  private cycleNote(): string | undefined {
    const f = this.facets;
    return f && f.cyclesTotal > f.cycleId.length ? `The newest ${formatCount(f.cycleId.length)} of ${formatCount(f.cyclesTotal)} cycles are listed` : undefined;
  }

  private openIdentityTypes(): void {
    const chosen = new Set(this.filter.identityType ?? []);
    const items = (this.facets?.identityType ?? []).map((v) => ({ id: v.value, label: v.detail ?? v.value, detail: formatCount(v.count), checked: chosen.has(v.value) }));
    openMenu(this.moreButton, 'Identity type', items, (id, on) => this.emit(setListValue(this.filter, 'identityType', id, on)));
  }

  private openColumns(): void {
    const shown = new Set(this.columns);
    const items = [
      ...VIEW_COLUMN_IDS.map((id) => ({ id, label: VIEW_COLUMNS[id].label, checked: shown.has(id) })),
      { id: 'default', label: 'Reset to the default columns' },
    ];
    openMenu(this.columnsButton, 'Columns', items, (id, on) => {
      if (id === 'default') return this.events.setColumns('default');
      const c = id as ViewColumnId;
      // Keep the order of the full list, so a column comes back where it was.
      const next = VIEW_COLUMN_IDS.filter((x) => (x === c ? on : this.columns.includes(x)));
      if (next.length > 0) this.events.setColumns(next);
    });
  }

  private renderChips(): void {
    clear(this.chips);
    const chips = filterChips(this.filter, (t) => formatTimeShort(t));
    for (const chip of chips) {
      const words = chipWords(chip);
      this.chips.appendChild(
        h(
          'span',
          { className: 'chip', attrs: { role: 'listitem' }, title: words },
          h('span', { className: 'chip-text', text: words }),
          h('button', { className: 'chip-remove codicon codicon-close', attrs: { type: 'button', 'aria-label': `Remove filter ${words}` }, on: { click: () => this.emit(removeChip(this.filter, chip)) } }),
        ),
      );
    }
    if (chips.length > 0) {
      this.chips.appendChild(h('button', { className: 'chip-clear', attrs: { type: 'button' }, text: 'Clear all', on: { click: () => this.emit({}) } }));
    }
  }
}

function setPressed(button: HTMLElement, on: boolean, n?: number): void {
  button.classList.toggle('has-value', on);
  const label = button.querySelector('.button-label');
  const base = label?.textContent?.replace(/ \(\d+\)$/, '') ?? '';
  if (label) label.textContent = on && n ? `${base} (${n})` : base;
}

function checkbox(label: string, title: string, change: () => void): HTMLInputElement {
  const el = h(ui.checkbox, { title, on: { change } }, label) as unknown as HTMLInputElement;
  return el;
}
