/**
 * Paging for big tree levels: a level shows a window of its children, one page at first; "Show
 * more" adds a page, and once the window holds as many pages as fit in RENDER_LIMIT it slides
 * instead of growing (with "Show previous" to go back), so no level ever renders more than about
 * 500 items however far the user pages into a 100,000-event cycle. Revealing a child outside the
 * window moves the window to the page that holds it.
 */

/** Children rendered at once by one level, at most (plus the two paging items). */
export const RENDER_LIMIT = 500;

/** Children [start, end) of a level. */
export interface PageWindow {
  start: number;
  end: number;
}

/** The most children a window holds: whole pages, at least one, within RENDER_LIMIT. */
export function maxWindowSize(pageSize: number): number {
  const size = Math.max(1, Math.floor(pageSize));
  return size * Math.max(1, Math.floor(RENDER_LIMIT / size));
}

export function firstPage(total: number, pageSize: number): PageWindow {
  return clamp({ start: 0, end: pageSize }, total);
}

/** One more page after the window; the window's start moves on when it would grow too big. */
export function nextPage(w: PageWindow, total: number, pageSize: number): PageWindow {
  const end = Math.min(total, w.end + pageSize);
  const start = Math.max(w.start, end - maxWindowSize(pageSize));
  return clamp({ start, end }, total);
}

/** One more page before the window; its end moves back when it would grow too big. */
export function previousPage(w: PageWindow, total: number, pageSize: number): PageWindow {
  const start = Math.max(0, w.start - pageSize);
  const end = Math.min(w.end, start + maxWindowSize(pageSize));
  return clamp({ start, end }, total);
}

/** The window itself when it holds `position`, else the page holding it (page-aligned). */
export function windowHolding(w: PageWindow, position: number, total: number, pageSize: number): PageWindow {
  const fitted = clamp(w, total);
  if (position >= fitted.start && position < fitted.end) return fitted;
  const start = Math.floor(position / pageSize) * pageSize;
  return clamp({ start, end: start + pageSize }, total);
}

/** Keeps a window valid when the level changed size (a log read again). */
export function clamp(w: PageWindow, total: number): PageWindow {
  const end = Math.max(0, Math.min(total, w.end));
  const start = Math.max(0, Math.min(w.start, end));
  // Emptied by a shorter level: the same number of children, from its end.
  if (end === start && total > 0) return { start: Math.max(0, total - Math.max(1, w.end - w.start)), end: total };
  return { start, end };
}
