/**
 * The rows of the current result the page holds: pages of ROW_PAGE rows as the host sent them, at
 * most MAX_PAGES of them (the farthest from the view are dropped), so scrolling through 100,000
 * events keeps a few thousand rows in memory and asks the host for each page once.
 */
import { ROW_PAGE, type RowView } from '../../../../src/shared/viewerProtocol';

const MAX_PAGES = 40;

export class RowCache {
  private pages = new Map<number, RowView[]>();
  private pending = new Set<number>();
  private _seq = -1;
  private _total = 0;

  get seq(): number {
    return this._seq;
  }

  get total(): number {
    return this._total;
  }

  /** A new result: forget every row, keep the first page the host sent with it. */
  reset(seq: number, total: number, start: number, rows: RowView[]): void {
    this._seq = seq;
    this._total = total;
    this.pages.clear();
    this.pending.clear();
    this.put(start, rows);
  }

  /** Rows of a page asked for; false when they belong to an older result. */
  add(seq: number, start: number, rows: RowView[]): boolean {
    if (seq !== this._seq) return false;
    this.put(start, rows);
    return true;
  }

  get(position: number): RowView | undefined {
    return this.pages.get(Math.floor(position / ROW_PAGE))?.[position % ROW_PAGE];
  }

  /** Start positions of pages covering [from, to] that are neither held nor asked for; marks them asked. */
  missing(from: number, to: number): number[] {
    const out: number[] = [];
    const last = Math.min(to, this._total - 1);
    for (let page = Math.floor(Math.max(0, from) / ROW_PAGE); page * ROW_PAGE <= last; page++) {
      if (this.pages.has(page) || this.pending.has(page)) continue;
      this.pending.add(page);
      out.push(page * ROW_PAGE);
    }
    this.evict(Math.floor((from + to) / 2 / ROW_PAGE));
    return out;
  }

  private put(start: number, rows: RowView[]): void {
    // Pages always start on a page boundary except the first page of a result, which the host
    // sends from where the page asked; split it so that lookups stay by page.
    for (let k = 0; k < rows.length; ) {
      const pos = start + k;
      const page = Math.floor(pos / ROW_PAGE);
      const offset = pos % ROW_PAGE;
      const take = Math.min(rows.length - k, ROW_PAGE - offset);
      let held = this.pages.get(page);
      if (held === undefined) this.pages.set(page, (held = []));
      for (let j = 0; j < take; j++) held[offset + j] = rows[k + j]!;
      // A page is complete when all its rows are there; a partial one is asked for again.
      const size = Math.min(ROW_PAGE, this._total - page * ROW_PAGE);
      if (held.filter((r) => r !== undefined).length < size) this.pages.delete(page);
      this.pending.delete(page);
      k += take;
    }
  }

  private evict(around: number): void {
    if (this.pages.size <= MAX_PAGES) return;
    const far = [...this.pages.keys()].sort((a, b) => Math.abs(b - around) - Math.abs(a - around));
    for (const page of far.slice(0, this.pages.size - MAX_PAGES)) this.pages.delete(page);
  }
}
