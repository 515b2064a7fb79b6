/**
 * Sorting event indices by any column. String columns are ranked once per distinct value with a
 * collator, then events sort by integer rank: 100,000 rows sort in tens of milliseconds instead of
 * a million locale comparisons.
 */
import { ACTION_LABELS, ACTIONS, STATUS_LABELS, STATUSES, type StringField } from '../common/record';
import type { SortDirection, SortKey } from '../common/columns';
import { type EventStore } from '../model/store';

/** A store with its sorter (a LoadedLog, or its QueryEngine): what needs the log's kept orders takes one. */
export interface SortedStore {
  readonly store: EventStore;
  readonly sorter: Sorter;
}

export class Sorter {
  private readonly ranks = new Map<StringField, Uint32Array>();
  private readonly orders = new Map<string, Uint32Array>();
  private readonly collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

  constructor(readonly store: EventStore) {}

  /** Every event in the order of `key` and `dir`, computed once per column and direction. */
  orderOfAll(key: SortKey, dir: SortDirection): Uint32Array {
    const id = `${key}:${dir}`;
    let o = this.orders.get(id);
    if (o === undefined) {
      const all = new Uint32Array(this.store.size);
      for (let i = 0; i < all.length; i++) all[i] = i;
      o = this.sort(all, key, dir);
      this.orders.set(id, o);
    }
    return o;
  }

  /** A sorted copy of `indices`; ties keep file order. */
  sort(indices: Uint32Array, key: SortKey, dir: SortDirection): Uint32Array {
    const out = Uint32Array.from(indices);
    const sign = dir === 'asc' ? 1 : -1;
    const value = this.valueOf(key);
    out.sort((a, b) => {
      const va = value(a);
      const vb = value(b);
      // Missing values (NaN) go last whichever the direction.
      if (Number.isNaN(va)) return Number.isNaN(vb) ? a - b : 1;
      if (Number.isNaN(vb)) return -1;
      return (va - vb) * sign || a - b;
    });
    return out;
  }

  private valueOf(key: SortKey): (i: number) => number {
    const s = this.store;
    switch (key) {
      case 'time':
        return (i) => s.time[i]!;
      case 'duration':
        return (i) => s.duration[i]!;
      case 'action': {
        const rank = labelRanks(ACTIONS.map((a) => ACTION_LABELS[a]));
        return (i) => rank[s.action[i]!]!;
      }
      case 'status': {
        const rank = labelRanks(STATUSES.map((x) => STATUS_LABELS[x]));
        return (i) => rank[s.status[i]!]!;
      }
      default: {
        const col = s.column(key);
        const rank = this.rankOf(key);
        // Empty values sort last, like missing numbers.
        return (i) => (col[i] === 0 ? NaN : rank[col[i]!]!);
      }
    }
  }

  private rankOf(field: StringField): Uint32Array {
    let r = this.ranks.get(field);
    if (r !== undefined) return r;
    const col = this.store.column(field);
    const ids = [...new Set(col)];
    ids.sort((a, b) => this.collator.compare(this.store.strings[a]!, this.store.strings[b]!));
    r = new Uint32Array(this.store.strings.length);
    ids.forEach((id, k) => (r![id] = k));
    this.ranks.set(field, r);
    return r;
  }
}

function labelRanks(labels: string[]): number[] {
  const order = [...labels].sort((a, b) => a.localeCompare(b));
  return labels.map((l) => order.indexOf(l));
}
