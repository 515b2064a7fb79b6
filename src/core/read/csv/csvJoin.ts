/**
 * Joins rows of the steps and modified-properties files to events by Change ID. Only where each row
 * is (file, byte range) and a small tag are kept, with the rows of one Change ID chained together;
 * once the events are known the rows are laid out per event (CSR, see RowIndex) so that an event's
 * rows can be read again on demand. A million rows cost a few tens of MB while loading, and no
 * string per row.
 */
import type { RowIndex } from '../../model/logData';
import { ownCopy } from './csvCells';

export interface Unmatched {
  count: number;
  firstStart: number;
}

export class JoinedRows {
  private readonly keyIds = new Map<string, number>();
  // Per key: first and last row of its chain, and how many rows it has.
  private readonly head: number[] = [];
  private readonly tail: number[] = [];
  private readonly count: number[] = [];
  // Per row.
  private readonly next: number[] = [];
  private readonly key: number[] = [];
  private readonly file: number[] = [];
  private readonly start: number[] = [];
  private readonly end: number[] = [];
  private readonly tag: number[] = [];
  private lastKey = '';
  private lastId = -1;
  /** Rows with an empty Change ID, by file: they can belong to no event. */
  readonly withoutKey = new Map<number, Unmatched>();

  add(changeId: string, file: number, start: number, end: number, tag = 0): void {
    if (changeId === '') {
      tally(this.withoutKey, file, start);
      return;
    }
    const row = this.start.length;
    // Rows of one change usually follow each other: skip the map lookup for them.
    let id = changeId === this.lastKey ? this.lastId : this.keyIds.get(changeId);
    if (id === undefined) {
      id = this.head.length;
      this.keyIds.set(ownCopy(changeId), id);
      this.head.push(row);
      this.count.push(0);
      this.tail.push(row);
    } else {
      this.next[this.tail[id]!] = row;
      this.tail[id] = row;
    }
    this.lastKey = changeId;
    this.lastId = id;
    this.count[id]!++;
    this.next.push(-1);
    this.key.push(id);
    this.file.push(file);
    this.start.push(start);
    this.end.push(end);
    this.tag.push(tag);
  }

  /** The id of a Change ID's chain, or -1 when no row has it. */
  keyId(changeId: string): number {
    return changeId === '' ? -1 : (this.keyIds.get(changeId) ?? -1);
  }

  countOf(id: number): number {
    return id < 0 ? 0 : this.count[id]!;
  }

  /** Tags of the rows of chain `id`, in file order. */
  tagsOf(id: number): number[] {
    const out: number[] = [];
    if (id < 0) return out;
    for (let r = this.head[id]!; r >= 0; r = this.next[r]!) out.push(this.tag[r]!);
    return out;
  }

  /** The rows of each event, event by event (`eventKeyIds[i]` is the chain of event i, -1 for none). */
  index(eventKeyIds: readonly number[]): RowIndex {
    const n = eventKeyIds.length;
    const offsets = new Uint32Array(n + 1);
    let total = 0;
    for (let i = 0; i < n; i++) {
      offsets[i] = total;
      total += this.countOf(eventKeyIds[i]!);
    }
    offsets[n] = total;
    const out: RowIndex = { offsets, file: new Uint8Array(total), start: new Float64Array(total), end: new Float64Array(total) };
    let at = 0;
    for (const id of eventKeyIds) {
      if (id < 0) continue;
      for (let r = this.head[id]!; r >= 0; r = this.next[r]!) {
        out.file[at] = this.file[r]!;
        out.start[at] = this.start[r]!;
        out.end[at] = this.end[r]!;
        at++;
      }
    }
    return out;
  }

  /** Rows whose Change ID is that of no event, by file. */
  unmatched(eventKeyIds: readonly number[]): Map<number, Unmatched> {
    const used = new Uint8Array(this.head.length);
    for (const id of eventKeyIds) if (id >= 0) used[id] = 1;
    const out = new Map<number, Unmatched>();
    for (let r = 0; r < this.key.length; r++) {
      if (used[this.key[r]!] === 0) tally(out, this.file[r]!, this.start[r]!);
    }
    return out;
  }
}

function tally(m: Map<number, Unmatched>, file: number, start: number): void {
  const u = m.get(file);
  if (u === undefined) m.set(file, { count: 1, firstStart: start });
  else u.count++;
}
