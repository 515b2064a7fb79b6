/**
 * What the person chose in this editor, saved with the webview's setState so that it survives
 * hiding the tab and reloading the window (VS Code restores a custom editor's webview state).
 * Read back through the same validation as anything else: the saved state is the page's own, but
 * it may come from an older version of the page.
 */
import { parseEventFilter } from '../../../src/core/common/filter';
import { DEFAULT_SORT, parseSort, type EventFilter, type SortSpec } from '../../../src/shared/viewerProtocol';

export interface PageState {
  filter: EventFilter;
  sort: SortSpec;
  /** Event index of the selected row. */
  selected?: number;
  /** Scroll offset of the table, in pixels. */
  scrollTop: number;
  /** Column (position in the shown columns) of the focused cell. */
  activeCol: number;
  chartOpen: boolean;
  problemsOpen: boolean;
}

export function initialState(saved: unknown): PageState {
  const s = typeof saved === 'object' && saved !== null ? (saved as Record<string, unknown>) : {};
  const state: PageState = {
    filter: parseEventFilter(s['filter']) ?? {},
    sort: parseSort(s['sort']) ?? DEFAULT_SORT,
    scrollTop: typeof s['scrollTop'] === 'number' && s['scrollTop'] >= 0 ? s['scrollTop'] : 0,
    activeCol: typeof s['activeCol'] === 'number' && s['activeCol'] >= 0 ? Math.floor(s['activeCol']) : 0,
    chartOpen: s['chartOpen'] !== false,
    problemsOpen: s['problemsOpen'] === true,
  };
  if (typeof s['selected'] === 'number' && Number.isInteger(s['selected']) && s['selected'] >= 0) state.selected = s['selected'];
  return state;
}
