/**
 * The host's half of one viewer page's table: the result of its latest query (matching events in
 * display order) against the model it ran on, answering queries and row pages, and locating an
 * event for selection sync. One per editor, since two editors of a file filter independently.
 */
import type { LoadedLog } from '../../core/log/loadedLog';
import { buildChart, type ChartData } from '../../core/views/viewer/chart';
import { VIEW_COLUMNS } from '../../core/common/columns';
import { positionOf, type ViewSort } from '../../core/query/engine';
import { rowsOf } from '../../core/views/viewer/rows';
import type { QueryMessage, ResultMessage, RowsMessage } from '../../shared/viewerProtocol';
import { type EventFilter } from '../../core/common/filter';

/** A query as the page asks it. */
export type QueryArgs = Omit<QueryMessage, 'type'>;

export class ViewerSession {
  private model: LoadedLog | undefined;
  private seq = -1;
  private result: Uint32Array = new Uint32Array(0);
  private _filter: EventFilter = {};
  private _sort: ViewSort = { key: 'time', dir: 'desc' };
  /** The chart depends on the filter only: a new sort or a re-query keeps it. */
  private chart: { model: LoadedLog; key: string; data: ChartData } | undefined;

  /** The filter of the latest query (what the page shows). */
  get filter(): EventFilter {
    return this._filter;
  }

  /** The order of the latest query. */
  get sort(): ViewSort {
    return this._sort;
  }

  /** Matching events of the latest query, in display order. */
  get indices(): Uint32Array {
    return this.result;
  }

  get currentSeq(): number {
    return this.seq;
  }

  run(model: LoadedLog, q: QueryArgs, windowFrom: 'newest' | 'now'): ResultMessage {
    const started = performance.now();
    const filter: EventFilter = { ...q.filter };
    if (filter.window) filter.windowFrom = windowFrom;
    this._sort = { key: VIEW_COLUMNS[q.sort.column].sortKey, dir: q.sort.dir };
    this.result = model.query.run(filter, this._sort);
    this.model = model;
    this.seq = q.seq;
    this._filter = filter;
    const msg: ResultMessage = {
      type: 'result',
      seq: q.seq,
      total: this.result.length,
      all: model.store.size,
      chart: this.chartOf(model, filter),
      start: q.start,
      rows: rowsOf(model.store, this.result, q.start, q.count),
      elapsedMs: 0,
    };
    if (q.anchor !== undefined && q.anchor < model.store.size) msg.anchor = { index: q.anchor, position: positionOf(this.result, q.anchor) };
    msg.elapsedMs = Math.round((performance.now() - started) * 10) / 10;
    return msg;
  }

  private chartOf(model: LoadedLog, filter: EventFilter): ChartData {
    const key = JSON.stringify(filter);
    if (this.chart?.model !== model || this.chart.key !== key) this.chart = { model, key, data: buildChart(model.store, this.result) };
    return this.chart.data;
  }

  /** A further page of the latest result; undefined when `seq` is stale or the model changed. */
  rows(model: LoadedLog, seq: number, start: number, count: number): RowsMessage | undefined {
    if (seq !== this.seq || model !== this.model) return undefined;
    return { type: 'rows', seq, start, rows: rowsOf(model.store, this.result, start, count) };
  }

  /** Where an event stands in the latest result (-1: filtered out or no result yet). */
  positionOf(index: number): number {
    return positionOf(this.result, index);
  }

  /** Forgets the result (the model is about to be replaced). */
  reset(): void {
    this.model = undefined;
    this.chart = undefined;
    this.result = new Uint32Array(0);
  }
}
