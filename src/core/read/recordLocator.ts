/**
 * Which event a byte of a log's text belongs to: the record whose byte range holds it (for CSV, the
 * row). Hovers, code actions and "select the event under the cursor" ask this for every position,
 * so the events are sorted by where they start once per log and found by binary search.
 */
import type { LogData } from '../model/logData';

export class RecordLocator {
  /** Per loaded file: event indices in the order their ranges start. */
  private readonly byFile = new Map<number, Uint32Array>();

  /** A LoadedLog keeps one (its `locator`), as long as the log is. */
  constructor(private readonly log: LogData) {}

  /**
   * The event whose range holds byte `offset` of loaded file `file` (its end included, so that the
   * closing brace still counts), or undefined between records.
   */
  eventAt(file: number, offset: number): number | undefined {
    const order = this.order(file);
    const { start, end } = this.log.store;
    let lo = 0;
    let hi = order.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (start[order[mid]!]! <= offset) {
        found = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    if (found < 0) return undefined;
    const i = order[found]!;
    return offset <= end[i]! ? i : undefined;
  }

  private order(file: number): Uint32Array {
    let order = this.byFile.get(file);
    if (order === undefined) {
      const { store } = this.log;
      const own: number[] = [];
      for (let i = 0; i < store.size; i++) if (store.file[i] === file && store.start[i]! >= 0) own.push(i);
      order = Uint32Array.from(own).sort((a, b) => store.start[a]! - store.start[b]!);
      this.byFile.set(file, order);
    }
    return order;
  }
}
