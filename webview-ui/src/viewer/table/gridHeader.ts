/**
 * The table's header row: one column header per shown column with its sort state (aria-sort and
 * an arrow), sorting on click, Enter or Space, and a drag handle on its right edge to resize it
 * (double-click: back to the default width). Widths live here and drive the CSS grid template.
 */
import { MAX_COLUMN_WIDTH, MIN_COLUMN_WIDTH, VIEW_COLUMNS, fitColumnWidths, type ViewColumnId } from '../../../../src/core/common/columns';
import type { SortSpec } from '../../../../src/shared/viewerProtocol';
import { clear, h } from '../../shared/dom';

export interface HeaderEvents {
  sort(column: ViewColumnId): void;
  resized(widths: Partial<Record<ViewColumnId, number>>): void;
  focusCell(col: number): void;
}

export class GridHeader {
  readonly row: HTMLElement;
  readonly cells: HTMLElement[] = [];
  private columns: ViewColumnId[] = [];
  private widths: Partial<Record<ViewColumnId, number>> = {};
  private sort: SortSpec | undefined;

  constructor(
    private readonly grid: HTMLElement,
    private readonly events: HeaderEvents,
  ) {
    this.row = h('div', { className: 'grid-row grid-head-row', attrs: { role: 'row', 'aria-rowindex': 1 } });
    // Narrower or wider (the detail panel opened beside, the window resized): columns give way again.
    new ResizeObserver(() => this.applyTemplate()).observe(grid);
  }

  get shown(): readonly ViewColumnId[] {
    return this.columns;
  }

  get currentWidths(): Partial<Record<ViewColumnId, number>> {
    return { ...this.widths };
  }

  setColumns(columns: ViewColumnId[], widths: Partial<Record<ViewColumnId, number>>): void {
    this.columns = columns;
    this.widths = { ...widths };
    this.render();
  }

  setSort(sort: SortSpec): void {
    this.sort = sort;
    this.render();
  }

  widthOf(c: ViewColumnId): number {
    return this.widths[c] ?? VIEW_COLUMNS[c].width;
  }

  /**
   * The CSS grid template: the chosen widths, given way by importance when the table is narrower
   * (fitColumnWidths), and the identity column (else the last) takes what is left.
   */
  applyTemplate(): void {
    const flexible = this.columns.includes('identity') ? 'identity' : this.columns[this.columns.length - 1];
    const available = this.grid.clientWidth > 0 ? this.grid.clientWidth : Number.POSITIVE_INFINITY;
    const fitted = fitColumnWidths(this.columns, (c) => this.widthOf(c), available);
    const template = this.columns.map((c) => (c === flexible ? `minmax(${fitted[c]}px, 1fr)` : `${fitted[c]}px`)).join(' ');
    const total = this.columns.reduce((n, c) => n + fitted[c]!, 0);
    this.grid.style.setProperty('--grid-cols', template);
    this.grid.style.setProperty('--grid-width', `${total}px`);
    // A column folded away (width 0) keeps its place in the grid but shows nothing.
    for (const c of this.columns) this.grid.classList.toggle(`folded-${c}`, fitted[c] === 0);
    this.grid.setAttribute('aria-colcount', String(this.columns.length));
  }

  private render(): void {
    const focused = this.cells.findIndex((c) => c === document.activeElement);
    clear(this.row);
    this.cells.length = 0;
    this.columns.forEach((c, k) => {
      const def = VIEW_COLUMNS[c];
      const sorted = this.sort?.column === c ? this.sort.dir : undefined;
      const cell = h(
        'div',
        {
          className: `grid-cell grid-head-cell col-${c}${sorted ? ' sorted' : ''}`,
          attrs: {
            role: 'columnheader',
            tabindex: -1,
            'aria-colindex': k + 1,
            'aria-sort': sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none',
            'data-col': k,
          },
          title: `Sort by ${def.label}${sorted ? ` (now ${sorted === 'asc' ? 'ascending' : 'descending'})` : ''}`,
          on: {
            click: (e) => {
              if ((e.target as HTMLElement).classList.contains('grid-resizer')) return;
              this.events.focusCell(k);
              this.events.sort(c);
            },
          },
        },
        h('span', { className: 'grid-head-label', text: def.label }),
        h('span', { className: `codicon ${sorted === 'asc' ? 'codicon-arrow-up' : sorted === 'desc' ? 'codicon-arrow-down' : 'codicon-blank'}`, attrs: { 'aria-hidden': 'true' } }),
        this.resizer(c),
      );
      this.cells.push(cell);
      this.row.appendChild(cell);
    });
    this.applyTemplate();
    if (focused >= 0) this.cells[Math.min(focused, this.cells.length - 1)]?.focus();
  }

  private resizer(c: ViewColumnId): HTMLElement {
    const handle = h('div', { className: 'grid-resizer', attrs: { 'aria-hidden': 'true' }, title: 'Drag to resize; double-click for the default width' });
    handle.addEventListener('pointerdown', (e) => {
      e.preventDefault();
      e.stopPropagation();
      handle.setPointerCapture(e.pointerId);
      const startX = e.clientX;
      const startW = this.widthOf(c);
      const move = (m: PointerEvent): void => {
        this.widths[c] = Math.round(Math.min(MAX_COLUMN_WIDTH, Math.max(MIN_COLUMN_WIDTH, startW + m.clientX - startX)));
        this.applyTemplate();
      };
      const up = (): void => {
        handle.removeEventListener('pointermove', move);
        handle.removeEventListener('pointerup', up);
        handle.removeEventListener('pointercancel', up);
        this.events.resized(this.currentWidths);
      };
      handle.addEventListener('pointermove', move);
      handle.addEventListener('pointerup', up);
      handle.addEventListener('pointercancel', up);
    });
    handle.addEventListener('dblclick', (e) => {
      e.stopPropagation();
      delete this.widths[c];
      this.applyTemplate();
      this.events.resized(this.currentWidths);
    });
    return handle;
  }
}
