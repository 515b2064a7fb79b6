/**
 * Which event a text position belongs to, for "Show Change Details" in a text editor holding a
 * log: the store keeps each event's byte range in its file, so the cursor's UTF-8 byte offset
 * finds the record around it.
 */
import type { EventStore } from '../../model/store';

/** UTF-8 length of `text` (what TextEncoder would produce), without building the bytes. */
export function utf8Length(text: string): number {
  let n = 0;
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && k + 1 < text.length && (text.charCodeAt(k + 1) & 0xfc00) === 0xdc00) {
      n += 4;
      k++;
    } else n += 3;
  }
  return n;
}

/**
 * The event of file `file` whose bytes hold `offset`; between records, the nearest record before
 * it (else the first after it); undefined when the file has no events.
 */
export function eventAtOffset(store: EventStore, offset: number, file = 0): number | undefined {
  let before: number | undefined;
  let after: number | undefined;
  for (let i = 0; i < store.size; i++) {
    if (store.file[i] !== file) continue;
    const start = store.start[i]!;
    const end = store.end[i]!;
    if (start < 0) continue;
    if (offset >= start && offset < end) return i;
    if (start <= offset && (before === undefined || start > store.start[before]!)) before = i;
    if (start > offset && (after === undefined || start < store.start[after]!)) after = i;
  }
  return before ?? after;
}
