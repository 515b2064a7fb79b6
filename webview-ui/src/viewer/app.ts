/**
 * The viewer page: receives the host's messages, keeps the person's choices (filter, sort, columns,
 * selection, scroll) in the webview state, asks the host for results, and wires header, chart,
 * filter bar, table and footer together.
 */
import type { Status } from '../../../src/core/common/record';
import { DEFAULT_VIEW_COLUMNS, VIEW_COLUMNS, type ViewColumnId } from '../../../src/core/common/columns';
import { exactFilter, mergeFilters, setListValue } from '../../../src/core/common/filter';
import { ROW_PAGE, isToViewer, type EventFilter, type FromViewer, type HeaderInfo, type InitMessage, type QueryMessage, type ResultMessage, type RevealMessage, type RowView, type ToViewer } from '../../../src/shared/viewerProtocol';
import { h, replaceChildren } from '../shared/dom';
import { channel, onHostMessage } from '../shared/vscodeApi';
import { ChartView } from './chart';
import { FilterBar } from './filterBar';
import { SelectionFooter } from './footer';
import { formatCount, plural, setTimeZone } from './format';
import { HeaderView } from './header';
import { initialState, type PageState } from './pageState';
import { NoticeLine, loadingView, notOpenedView, unreadableView, type StateActions } from './states';
import { Grid, ROW_HEIGHT } from './table/grid';

const TYPING_DEBOUNCE_MS = 150;
const SELECT_DEBOUNCE_MS = 120;

export class ViewerApp {
  private readonly host = channel<FromViewer, PageState>();
  private readonly state: PageState;
  private readonly main: HTMLElement;
  private readonly stateView: HTMLElement;
  private readonly notice = new NoticeLine();
  private readonly headerView: HeaderView;
  private readonly chart: ChartView;
  private readonly filterBar: FilterBar;
  private readonly grid: Grid;
  private readonly footer: SelectionFooter;
  private header: HeaderInfo | undefined;
  private seq = 0;
  private restoring = false;
  /** After "Show it" or a sort: bring the anchor into view when the result comes. */
  private scrollToAnchor = false;
  private wasPreview = false;
  private typingTimer = 0;
  private selectTimer = 0;
  private saveTimer = 0;
  private lastSent = { index: -1, at: 0 };
  /** An event another view selected while a query was under way: placed when its result comes. */
  private pendingReveal: number | undefined;
  private readonly actions: StateActions = {
    reload: () => this.host.post({ type: 'reload' }),
    reopenAsText: () => this.host.post({ type: 'reopenAsText' }),
    goToProblem: (id) => this.host.post({ type: 'goToProblem', id }),
  };

  constructor(root: HTMLElement) {
    this.state = initialState(this.host.getState());
    this.headerView = new HeaderView({
      toggleStatus: (s) => this.toggleStatus(s),
      goToProblem: (id) => this.actions.goToProblem(id),
      toggleChart: () => this.toggle('chartOpen'),
      toggleProblems: () => this.toggle('problemsOpen'),
    });
    this.chart = new ChartView({
      pickBar: (bar) => this.applyFilter(bar.cycleId !== undefined ? { cycleId: bar.cycleId } : { since: bar.from, until: bar.to }, false),
      pickCode: (code) => this.applyFilter(exactFilter('errorCode', code), false),
    });
    this.filterBar = new FilterBar({
      changed: (f, typing) => this.filterChanged(f, typing),
      setColumns: (c) => this.setColumns(c === 'default' ? [...DEFAULT_VIEW_COLUMNS] : c),
      exportShown: () => this.host.post({ type: 'export' }),
    });
    this.grid = new Grid({
      needRows: (seq, start) => this.host.post({ type: 'rows', seq, start, count: ROW_PAGE }),
      selected: (row, _pos, how) => this.rowSelected(row, how),
      open: (row) => this.host.post({ type: 'open', index: row.index }),
      sort: (c) => this.sortBy(c),
      resized: (widths) => this.host.post({ type: 'setColumns', columns: [...this.grid.columns], widths }),
      scrolled: (top, col) => {
        this.state.scrollTop = top;
        this.state.activeCol = col;
        this.save();
      },
      rendered: (seq, rows) => this.host.post({ type: 'rendered', seq, rows }),
      selectionShown: (row) => this.footer.show(row),
    });
    this.footer = new SelectionFooter({
      open: (index) => this.host.post({ type: 'open', index }),
      copy: (index, field) => this.host.post({ type: 'copyId', index, field }),
    });
    this.main = h('div', { className: 'viewer-main' }, this.notice.el, this.headerView.el, this.chart.el, this.filterBar.el, this.grid.el, this.footer.el);
    this.stateView = h('div', { className: 'state-container' });
    this.main.hidden = true;
    root.append(this.main, this.stateView);
    this.grid.mount();
    this.grid.setActiveColumn(this.state.activeCol);
    document.addEventListener('keydown', (e) => this.globalKey(e));
    onHostMessage(isToViewer, (m) => this.receive(m));
    // The query the first init leads to (unless it brings a filter or a selection): sent now, the host
    // answers it right after that init instead of waiting to be asked.
    this.host.post({ type: 'ready', query: this.queryMessage(this.state.selected, true) });
  }

  private receive(m: ToViewer): void {
    switch (m.type) {
      case 'loading':
        if (this.header && !this.main.hidden) {
          if (this.wasPreview && m.total > 0) this.showPreviewBanner(Math.floor((m.done / m.total) * 100));
        } else this.showState(loadingView(m.fileName, m.done, m.total));
        return;
      case 'notOpened':
        this.header = undefined;
        this.wasPreview = false;
        this.showState(notOpenedView(m.fileName, m.reason, m.message, this.actions));
        return;
      case 'init':
        this.init(m);
        return;
      case 'result':
        this.result(m);
        return;
      case 'rows':
        this.grid.addRows(m.seq, m.start, m.rows);
        return;
      case 'reveal':
        this.reveal(m);
        return;
      case 'applyFilter':
        this.applyFilter(m.filter, m.replace);
        return;
    }
  }

  private showState(view: HTMLElement): void {
    this.main.hidden = true;
    replaceChildren(this.stateView, view);
    this.stateView.hidden = false;
  }

  private init(m: InitMessage): void {
    setTimeZone(m.timeZone);
    this.header = m.header;
    if (m.header.unreadable) return this.showState(unreadableView(m.header, this.actions));
    this.stateView.hidden = true;
    this.main.hidden = false;
    this.filterBar.setFacets(m.facets);
    this.filterBar.setColumns(m.columns);
    this.grid.setColumns(m.columns, m.widths);
    if (m.pendingFilter) this.state.filter = mergeFilters(this.state.filter, m.pendingFilter.filter, m.pendingFilter.replace);
    if (m.select !== undefined) {
      this.state.selected = m.select;
      this.pendingReveal = m.select;
      this.scrollToAnchor = true;
    }
    this.grid.setSort(this.state.sort);
    this.refreshFilterViews();
    if (m.preview) this.showPreviewBanner(m.preview.percent);
    else if (this.wasPreview) this.notice.show(`All ${plural(m.header.events, 'event')} of ${m.header.fileName} are read.`);
    else if (m.reloaded) this.notice.show(`Reloaded: ${m.header.fileName} changed on disk and was read again (${plural(m.header.events, 'event')}).`);
    this.wasPreview = m.preview !== undefined;
    this.restoring = m.select === undefined;
    // The host answers the query sent with ready by itself when this init left the view as it was.
    if (m.answered !== undefined && m.answered === this.seq) this.grid.setBusy(true);
    else this.query(this.state.selected);
  }

  private showPreviewBanner(percent: number): void {
    const n = this.header?.events ?? 0;
    this.notice.show(`Reading the rest of the file (${percent}%). Meanwhile the first ${formatCount(n)} events are shown; filters and sorting apply to them.`, { sticky: true, progress: percent });
  }

  private query(anchor?: number): void {
    this.grid.setBusy(true);
    this.host.post(this.queryMessage(anchor, this.restoring));
  }

  /** The next query (a new seq) for the current filter and sort; `restoring` starts at the saved scroll position. */
  private queryMessage(anchor: number | undefined, restoring: boolean): QueryMessage {
    const seq = ++this.seq;
    const start = restoring ? Math.floor(this.state.scrollTop / ROW_HEIGHT / ROW_PAGE) * ROW_PAGE : 0;
    const q: QueryMessage = { type: 'query', seq, filter: this.state.filter, sort: this.state.sort, start, count: ROW_PAGE };
    if (anchor !== undefined) q.anchor = anchor;
    return q;
  }

  private result(m: ResultMessage): void {
    if (m.seq !== this.seq) return; // overtaken by a newer query
    this.grid.setResult(m.seq, m.total, m.start, m.rows);
    this.filterBar.setCount(m.total, m.all, m.elapsedMs);
    this.chart.update(m.chart, this.state.filter.cycleId, this.state.filter.errorCode);
    const anchor = m.anchor;
    if (this.restoring) {
      this.restoring = false;
      const viewport = this.grid.el.clientHeight;
      const inView = anchor !== undefined && anchor.position >= 0 && anchor.position * ROW_HEIGHT >= this.state.scrollTop && anchor.position * ROW_HEIGHT < this.state.scrollTop + viewport - ROW_HEIGHT * 2;
      if (anchor && anchor.position >= 0 && !inView) this.grid.select(anchor.position, anchor.index, false, 'center');
      else {
        this.grid.scrollTo(this.state.scrollTop);
        if (anchor && anchor.position >= 0) this.grid.select(anchor.position, anchor.index, false, false);
      }
    } else if (this.scrollToAnchor && anchor && anchor.position >= 0) {
      this.grid.select(anchor.position, anchor.index, true, 'center');
    } else {
      this.grid.scrollTo(0);
    }
    this.scrollToAnchor = false;
    if (this.pendingReveal !== undefined && anchor?.index === this.pendingReveal && anchor.position < 0) this.showHidden(anchor.index);
    this.pendingReveal = undefined;
    if (m.total === 0) this.notice.show(`No events match these filters (${plural(m.all, 'event')} in the file).`, { action: { label: 'Clear filters', run: () => this.filterChanged({}, false) }, sticky: true, kind: 'noMatch' });
    else if (this.notice.kind === 'noMatch') this.notice.hide();
  }

  private reveal(m: RevealMessage): void {
    // Other views answer our own selection by selecting the same event: do not jump for that echo.
    if (m.index === this.lastSent.index && Date.now() - this.lastSent.at < 1500) return;
    this.state.selected = m.index;
    this.save();
    if (m.seq !== this.seq) {
      // The host placed it in a result the page no longer shows: ask again with it as the anchor.
      this.pendingReveal = m.index;
      this.scrollToAnchor = true;
      this.query(m.index);
    } else if (m.position >= 0) this.grid.select(m.position, m.index, false, 'center');
    else this.showHidden(m.index);
  }

  /** Says that the filters hide an event selected elsewhere, with a way to show it. */
  private showHidden(index: number): void {
    this.notice.show('The event selected elsewhere is hidden by the filters of this view.', {
      sticky: true,
      action: {
        label: 'Show it',
        run: () => {
          this.notice.hide();
          this.state.filter = {};
          this.state.selected = index;
          this.refreshFilterViews();
          this.scrollToAnchor = true;
          this.query(index);
        },
      },
    });
  }

  private applyFilter(f: EventFilter, replace: boolean): void {
    this.filterChanged(mergeFilters(this.state.filter, f, replace), false);
  }

  private filterChanged(f: EventFilter, typing: boolean): void {
    this.state.filter = f;
    this.refreshFilterViews();
    this.save();
    clearTimeout(this.typingTimer);
    if (typing) this.typingTimer = window.setTimeout(() => this.query(this.state.selected), TYPING_DEBOUNCE_MS);
    else this.query(this.state.selected);
  }

  private refreshFilterViews(): void {
    this.filterBar.setFilter(this.state.filter);
    if (this.header) this.headerView.update(this.header, this.state.filter.status ?? [], this.state.chartOpen, this.state.problemsOpen);
    this.chart.el.hidden = !this.state.chartOpen;
  }

  private toggleStatus(s: Status): void {
    const on = !(this.state.filter.status ?? []).includes(s);
    this.filterChanged(setListValue(this.state.filter, 'status', s, on), false);
  }

  private toggle(key: 'chartOpen' | 'problemsOpen'): void {
    this.state[key] = !this.state[key];
    this.refreshFilterViews();
    this.save();
  }

  private sortBy(column: ViewColumnId): void {
    const s = this.state.sort;
    this.state.sort = s.column === column ? { column, dir: s.dir === 'asc' ? 'desc' : 'asc' } : { column, dir: VIEW_COLUMNS[column].firstDir };
    this.grid.setSort(this.state.sort);
    this.save();
    this.scrollToAnchor = true;
    this.query(this.state.selected);
  }

  private setColumns(columns: ViewColumnId[]): void {
    this.grid.setColumns(columns, this.grid.widths);
    this.filterBar.setColumns(columns);
    this.host.post({ type: 'setColumns', columns, widths: this.grid.widths });
  }

  private rowSelected(row: RowView, how: 'pointer' | 'keyboard'): void {
    this.state.selected = row.index;
    this.footer.show(row);
    this.save();
    clearTimeout(this.selectTimer);
    const send = (): void => {
      this.lastSent = { index: row.index, at: Date.now() };
      this.host.post({ type: 'select', index: row.index });
    };
    if (how === 'pointer') send();
    else this.selectTimer = window.setTimeout(send, SELECT_DEBOUNCE_MS);
  }

  private globalKey(e: KeyboardEvent): void {
    const typing = (e.target as HTMLElement).closest('input, vscode-text-field, textarea') !== null;
    if (((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'f') || (e.key === '/' && !typing)) {
      e.preventDefault();
      this.filterBar.focusSearch();
    }
  }

  /** State is written at most every 200 ms (scrolling produces many changes). */
  private save(): void {
    if (this.saveTimer !== 0) return;
    this.saveTimer = window.setTimeout(() => {
      this.saveTimer = 0;
      this.host.setState(this.state);
    }, 200);
  }
}
