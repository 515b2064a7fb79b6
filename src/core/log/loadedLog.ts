/**
 * A loaded log with everything derived from it, built on first use: the job/cycle index, the query
 * engine and the sorter. Views (viewer, tree, hovers, diagnostics, CLI) share one per file.
 */
import { EventIndex } from '../index/eventIndex';
import type { LogData } from '../model/logData';
import { QueryEngine } from '../query/engine';
import { rawTextAt, recordAt } from '../read/recordAt';
import { sorterOf, type Sorter } from '../query/sort';
import type { ProvisioningRecord } from '../common/record';
// eslint-disable-next-line no-restricted-imports -- diagnostics worked out in the load worker ride along until the log's own memo holds them
import type { DiagnosticSettings, LogDiagnostic } from '../views/editor/logDiagnostics';

/** Diagnostics of every file of a log, worked out where it was read (off the main thread). */
export interface PrecomputedDiagnostics {
  settings: DiagnosticSettings;
  items: LogDiagnostic[];
}

export class LoadedLog {
  private _index?: EventIndex;
  private _query?: QueryEngine;

  constructor(
    readonly data: LogData,
    /** Set by a reader that also computed the diagnostics, for the settings they were asked for. */
    readonly precomputedDiagnostics?: PrecomputedDiagnostics,
  ) {}

  get store() {
    return this.data.store;
  }

  get index(): EventIndex {
    return (this._index ??= new EventIndex(this.data.store));
  }

  get query(): QueryEngine {
    return (this._query ??= new QueryEngine(this.data.store));
  }

  get sorter(): Sorter {
    return sorterOf(this.data.store);
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
