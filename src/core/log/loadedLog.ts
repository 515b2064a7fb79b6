/**
 * A loaded log with everything derived from it, built on first use and dropped with it (a log read
 * again is a new LoadedLog): the job/cycle index, the query engine with its sorter and text matcher,
 * the filter facets, the record locator, the position mappers, and whatever a higher layer derives
 * (derived(): the viewer's header, the status bar's words, the tree's groupings, the load worker's
 * diagnostics). Views (viewer, tree, hovers, diagnostics, CLI) share one per file. No module keeps a
 * cache per log: their lifetimes would be the garbage collector's, not the log's.
 */
import { EventIndex } from '../index/eventIndex';
import type { LogData } from '../model/logData';
import { QueryEngine } from '../query/engine';
import { rawTextAt, recordAt } from '../read/recordAt';
import type { Sorter } from '../query/sort';
import type { ProvisioningRecord } from '../common/record';
import type { TextMatcher } from '../query/textMatcher';
import { buildFacets, type ViewFacets } from '../query/facets';
import { RecordLocator } from '../read/recordLocator';
import { FilePositions } from '../read/positions';

/**
 * Names a value some layer derives from a log and keeps for the log's lifetime; declare one per kind
 * of value where it is used (`const SUMMARY = new DerivedKey<Described>('status bar')`).
 */
export class DerivedKey<T> {
  /** Only carries the value's type. */
  declare readonly valueType?: T;
  constructor(readonly name: string) {}
}

export class LoadedLog {
  private _index?: EventIndex;
  private _query?: QueryEngine;
  private _facets?: ViewFacets;
  private _locator?: RecordLocator;
  private _positions?: FilePositions;
  /**
   * Keyed by the key's name, not the key object: the extension and its tests are separate bundles,
   * each with its own copy of a key, and must find the same value. Names are unique by convention.
   */
  private readonly memo = new Map<string, unknown>();

  constructor(readonly data: LogData) {}

  get store() {
    return this.data.store;
  }

  get index(): EventIndex {
    return (this._index ??= new EventIndex(this.data.store));
  }

  get query(): QueryEngine {
    return (this._query ??= new QueryEngine(this.data.store));
  }

  /** The query engine's sorter: one per log, its kept orders shared by the viewer, the tree and the pickers. */
  get sorter(): Sorter {
    return this.query.sorter;
  }

  get matcher(): TextMatcher {
    return this.query.matcher;
  }

  /** The values each filter can take in this log, with their counts (the viewer's pickers). */
  get facets(): ViewFacets {
    return (this._facets ??= buildFacets(this.data.store));
  }

  /** Which event a byte of the log's text belongs to (hovers, code actions, selection sync). */
  get locator(): RecordLocator {
    return (this._locator ??= new RecordLocator(this.data));
  }

  /** Byte offsets ↔ lines and columns, per file (hovers, diagnostics, the detail panel's source line). */
  get positions(): FilePositions {
    return (this._positions ??= new FilePositions(this.data.files));
  }

  /** A value a higher layer derives from this log, built once by `build` and kept as long as the log. */
  derived<T>(key: DerivedKey<T>, build: (log: LoadedLog) => T): T {
    if (this.memo.has(key.name)) return this.memo.get(key.name) as T;
    const value = build(this);
    this.memo.set(key.name, value);
    return value;
  }

  /** A derived value if it was built (or handed over by whoever read the log), else undefined. */
  known<T>(key: DerivedKey<T>): T | undefined {
    return this.memo.get(key.name) as T | undefined;
  }

  record(i: number): ProvisioningRecord | undefined {
    return recordAt(this.data, i);
  }

  rawText(i: number): string | undefined {
    return rawTextAt(this.data, i);
  }

  /** True when nothing at all could be read (an error problem and no events). */
  get unreadable(): boolean {
    return this.data.store.size === 0 && this.data.problems.some((p) => p.severity === 'error');
  }

  /** Previous/next event in the same cycle (newest first order), for the detail panel's arrows. */
  neighbours(i: number): { prev?: number; next?: number; position: number; count: number } {
    const cycle = this.index.cycleOf(i);
    if (cycle === undefined) return { position: 0, count: 0 };
    const k = cycle.events.indexOf(i);
    const out: { prev?: number; next?: number; position: number; count: number } = { position: k + 1, count: cycle.events.length };
    if (k > 0) out.prev = cycle.events[k - 1]!;
    if (k >= 0 && k + 1 < cycle.events.length) out.next = cycle.events[k + 1]!;
    return out;
  }
}
