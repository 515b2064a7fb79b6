/**
 * The events table: an ARIA grid whose rows are virtualised with @tanstack/virtual-core (only the
 * rows on screen, plus a few, exist in the DOM; rows arrive from the host a page at a time).
 * Keyboard as gridKeys.ts says; selection follows the focused row. One cell at a time is in the
 * tab order (roving tabindex); the focused row is always kept rendered, so focus is never lost.
 */
import { Virtualizer, defaultRangeExtractor, elementScroll, observeElementOffset, observeElementRect } from '@tanstack/virtual-core';
import type { ViewColumnId } from '../../../../src/core/common/columns';
import type { RowView, SortSpec } from '../../../../src/shared/viewerProtocol';
import { clear, h } from '../../shared/dom';
import { fillCell } from './cells';
import { GridHeader } from './gridHeader';
import { keyAction } from './gridKeys';
import { RowCache } from './rowCache';

export const ROW_HEIGHT = 24;
const HEAD_HEIGHT = 26;

export interface GridEvents {
  /** Rows of result `seq` from `start` are needed (a page's worth). */
  needRows(seq: number, start: number): void;
  selected(row: RowView, position: number, how: 'pointer' | 'keyboard'): void;
  open(row: RowView): void;
  sort(column: ViewColumnId): void;
  resized(widths: Partial<Record<ViewColumnId, number>>): void;
  scrolled(top: number, activeCol: number): void;
  /** Rows of result `seq` are on screen (sent once per result). */
  rendered(seq: number, rows: number): void;
  /** The selected event's row has arrived (after a selection made by position). */
  selectionShown(row: RowView): void;
}

export class Grid {
  readonly el: HTMLElement;
  private readonly head: GridHeader;
  private readonly body: HTMLElement;
  private readonly cache = new RowCache();
  private readonly rowEls = new Map<number, HTMLElement>();
  private readonly v: Virtualizer<HTMLElement, HTMLElement>;
  /** The focused (roving) cell: pos -1 is the header row. */
  private active = { pos: -1, col: 0 };
  private selectedIndex: number | undefined;
  /** The selected row last reported through selectionShown/selected. */
  private reportedSelection: number | undefined;
  /** A row moved to with the keyboard before its data arrived: selected when it does. */
  private pendingSelect: number | undefined;
  private layout = 0;
  private frame = 0;
  private renderedSeq = -1;

  constructor(private readonly events: GridEvents) {
    this.el = h('div', { className: 'grid', attrs: { role: 'grid', 'aria-label': 'Provisioning events', 'aria-rowcount': 1, 'aria-readonly': 'true' } });
    this.head = new GridHeader(this.el, {
      sort: (c) => events.sort(c),
      // Widths reach the rows only through the --grid-cols variable: no row needs redrawing.
      resized: (w) => events.resized(w),
      focusCell: (col) => this.moveTo(-1, col, false),
    });
    this.body = h('div', { className: 'grid-body', attrs: { role: 'rowgroup' } });
    this.el.append(h('div', { className: 'grid-head', attrs: { role: 'rowgroup' } }, this.head.row), this.body);
    this.el.addEventListener('keydown', (e) => this.onKey(e));
    this.el.addEventListener('click', (e) => this.onPointer(e, false));
    this.el.addEventListener('dblclick', (e) => this.onPointer(e, true));
    this.v = new Virtualizer<HTMLElement, HTMLElement>({
      count: 0,
      getScrollElement: () => this.el,
      estimateSize: () => ROW_HEIGHT,
      scrollToFn: elementScroll,
      observeElementRect,
      observeElementOffset,
      overscan: 12,
      scrollMargin: HEAD_HEIGHT,
      scrollPaddingStart: HEAD_HEIGHT,
      // The focused row stays in the DOM even when scrolled away, so focus is never lost.
      rangeExtractor: (range) => {
        const r = defaultRangeExtractor(range);
        if (this.active.pos >= 0 && this.active.pos < range.count && !r.includes(this.active.pos)) r.push(this.active.pos);
        return r.sort((a, b) => a - b);
      },
      onChange: () => {
        this.schedule();
        this.events.scrolled(this.el.scrollTop, this.active.col);
      },
    });
  }

  /** Call once the element is in the document. */
  mount(): void {
    this.v._didMount();
    this.v._willUpdate();
  }

  get columns(): readonly ViewColumnId[] {
    return this.head.shown;
  }

  get widths(): Partial<Record<ViewColumnId, number>> {
    return this.head.currentWidths;
  }

  setColumns(columns: ViewColumnId[], widths: Partial<Record<ViewColumnId, number>>): void {
    this.head.setColumns(columns, widths);
    this.active.col = Math.min(this.active.col, columns.length - 1);
    this.layout++;
    this.renderNow();
  }

  setSort(sort: SortSpec): void {
    this.head.setSort(sort);
  }

  /** A query is under way (aria-busy, for screen readers and tests). */
  setBusy(busy: boolean): void {
    if (busy) this.el.setAttribute('aria-busy', 'true');
    else this.el.removeAttribute('aria-busy');
  }

  /** A new result: `total` rows, the first page from `start`. */
  setResult(seq: number, total: number, start: number, rows: RowView[]): void {
    this.pendingSelect = undefined;
    this.setBusy(false);
    this.cache.reset(seq, total, start, rows);
    this.el.setAttribute('aria-rowcount', String(total + 1));
    this.v.setOptions({ ...this.v.options, count: total });
    this.v._willUpdate();
    if (this.active.pos >= total) this.active.pos = total - 1;
    this.renderNow();
  }

  addRows(seq: number, start: number, rows: RowView[]): void {
    if (this.cache.add(seq, start, rows)) this.schedule();
  }

  /** Selects the row at `position` (event `index`), scrolling it into view unless `align` is false; focuses it if asked. */
  select(position: number, index: number, focus: boolean, align: 'auto' | 'center' | false = 'center'): void {
    this.selectedIndex = index;
    this.active.pos = position;
    if (align !== false) this.v.scrollToIndex(position, { align });
    this.renderNow();
    if (focus) this.focusActive();
  }

  setActiveColumn(col: number): void {
    this.active.col = Math.max(0, Math.min(col, this.columns.length - 1));
  }

  scrollTo(top: number): void {
    this.v.scrollToOffset(top);
    this.renderNow();
  }

  private schedule(): void {
    if (this.frame === 0) this.frame = requestAnimationFrame(() => this.renderNow());
  }

  private renderNow(): void {
    if (this.frame !== 0) cancelAnimationFrame(this.frame);
    this.frame = 0;
    const hadFocus = this.el.contains(document.activeElement);
    const items = this.v.getVirtualItems();
    this.body.style.height = `${this.v.getTotalSize()}px`;
    const keep = new Set<number>();
    let loaded = 0;
    for (const item of items) {
      keep.add(item.index);
      let el = this.rowEls.get(item.index);
      if (el === undefined) {
        el = h('div', { className: 'grid-row', attrs: { role: 'row' } });
        this.body.appendChild(el);
        this.rowEls.set(item.index, el);
      }
      const row = this.cache.get(item.index);
      if (row) loaded++;
      if (row && this.pendingSelect === item.index) {
        this.pendingSelect = undefined;
        this.selectedIndex = this.reportedSelection = row.index;
        this.events.selected(row, item.index, 'keyboard');
      }
      const key = row ? `${this.cache.seq}:${row.index}:${this.layout}` : `…:${this.layout}`;
      if (el.dataset['key'] !== key) {
        this.fillRow(el, item.index, row);
        el.dataset['key'] = key;
      }
      el.style.transform = `translateY(${item.start - HEAD_HEIGHT}px)`;
      const selected = row !== undefined && row.index === this.selectedIndex;
      el.classList.toggle('selected', selected);
      el.setAttribute('aria-selected', String(selected));
      if (selected && this.reportedSelection !== row.index) {
        this.reportedSelection = row.index;
        this.events.selectionShown(row);
      }
    }
    for (const [pos, el] of this.rowEls) {
      if (!keep.has(pos)) {
        el.remove();
        this.rowEls.delete(pos);
      }
    }
    if (items.length > 0) for (const start of this.cache.missing(items[0]!.index, items[items.length - 1]!.index)) this.events.needRows(this.cache.seq, start);
    this.updateTabStops();
    if (hadFocus && !this.el.contains(document.activeElement)) this.focusActive();
    if (this.renderedSeq !== this.cache.seq && (this.cache.total === 0 || loaded > 0)) {
      this.renderedSeq = this.cache.seq;
      this.events.rendered(this.cache.seq, loaded);
    }
  }

  private fillRow(el: HTMLElement, pos: number, row: RowView | undefined): void {
    clear(el);
    el.setAttribute('aria-rowindex', String(pos + 2));
    el.dataset['pos'] = String(pos);
    el.classList.toggle('loading', row === undefined);
    if (row === undefined) el.setAttribute('aria-busy', 'true');
    else el.removeAttribute('aria-busy');
    this.columns.forEach((c, k) => {
      const cell = h('div', { className: `grid-cell col-${c}`, attrs: { role: 'gridcell', tabindex: -1, 'aria-colindex': k + 1, 'data-col': k } });
      if (row) fillCell(cell, c, row);
      else if (k === 0) cell.textContent = 'Loading…';
      el.appendChild(cell);
    });
  }

  private cellAt(pos: number, col: number): HTMLElement | undefined {
    if (pos < 0) return this.head.cells[col];
    return this.rowEls.get(pos)?.children[col] as HTMLElement | undefined;
  }

  private updateTabStops(): void {
    for (const el of this.el.querySelectorAll<HTMLElement>('[tabindex="0"]')) el.tabIndex = -1;
    const cell = this.cellAt(this.active.pos, this.active.col) ?? this.head.cells[this.active.col] ?? this.head.cells[0];
    if (cell) cell.tabIndex = 0;
  }

  private focusActive(): void {
    this.updateTabStops();
    const cell = this.cellAt(this.active.pos, this.active.col);
    cell?.focus({ preventScroll: this.active.pos >= 0 });
  }

  /** Moves the focus to a cell; a row cell also selects its row. */
  private moveTo(pos: number, col: number, focus = true): void {
    const last = this.cache.total - 1;
    this.active = { pos: Math.max(-1, Math.min(pos, last)), col: Math.max(0, Math.min(col, this.columns.length - 1)) };
    if (this.active.pos >= 0) {
      this.v.scrollToIndex(this.active.pos, { align: 'auto' });
      const row = this.cache.get(this.active.pos);
      this.pendingSelect = row ? undefined : this.active.pos;
      if (row) {
        this.selectedIndex = this.reportedSelection = row.index;
        this.events.selected(row, this.active.pos, 'keyboard');
      }
    }
    this.renderNow();
    if (focus) this.focusActive();
    this.events.scrolled(this.el.scrollTop, this.active.col);
  }

  private onKey(e: KeyboardEvent): void {
    const { pos, col } = this.active;
    const page = Math.max(1, Math.floor((this.el.clientHeight - HEAD_HEIGHT) / ROW_HEIGHT) - 1);
    const action = keyAction(e.key, e.ctrlKey || e.metaKey, { pos, col, last: this.cache.total - 1, columns: this.columns.length, page });
    if (action === undefined) return;
    e.preventDefault();
    e.stopPropagation();
    const row = pos >= 0 ? this.cache.get(pos) : undefined;
    switch (action.kind) {
      case 'move':
        this.moveTo(action.pos, action.col);
        return;
      case 'sort':
        this.events.sort(this.columns[col]!);
        return;
      case 'open':
        if (row) this.events.open(row);
        return;
      case 'select':
        if (row) this.events.selected(row, pos, 'keyboard');
        return;
    }
  }

  private onPointer(e: MouseEvent, double: boolean): void {
    const cell = (e.target as HTMLElement).closest<HTMLElement>('.grid-body [data-col]');
    const rowEl = cell?.parentElement;
    if (!cell || !rowEl) return;
    const pos = Number(rowEl.dataset['pos']);
    const row = this.cache.get(pos);
    if (row === undefined) return;
    this.active = { pos, col: Number(cell.dataset['col']) };
    this.selectedIndex = this.reportedSelection = row.index;
    this.renderNow();
    this.focusActive();
    if (double) this.events.open(row);
    else this.events.selected(row, pos, 'pointer');
  }
}
