/**
 * The part of a fetch's filter Graph cannot apply (error codes, case-insensitive names, several statuses, free
 * text…) applied to each page with the viewer's own reader and QueryEngine, so "fetch with filter X" keeps
 * exactly the records the viewer shows for filter X.
 */
import { QueryEngine } from '../../query/engine';
import { readLog } from '../../read/readLog';
import { type EventFilter } from '../../common/filter';

/** The lines (one Graph record each) that `filter` keeps, in their order. */
export function keepMatching(lines: readonly string[], filter: EventFilter): string[] {
  if (lines.length === 0) return [];
  const encoder = new TextEncoder();
  const encoded = lines.map((l) => encoder.encode(`${l}\n`));
  const starts = new Float64Array(lines.length);
  let total = 0;
  encoded.forEach((b, i) => {
    starts[i] = total;
    total += b.length;
  });
  const bytes = new Uint8Array(total);
  encoded.forEach((b, i) => bytes.set(b, starts[i]!));
  const { store } = readLog([{ name: 'page.jsonl', bytes }]);
  const hits = new QueryEngine(store).run(filter);
  const keep = new Uint8Array(lines.length);
  for (const e of hits) keep[lineAt(starts, store.start[e]!)] = 1;
  return lines.filter((_, i) => keep[i] === 1);
}

/** Index of the line whose first byte is at or before `offset`. */
function lineAt(starts: Float64Array, offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
