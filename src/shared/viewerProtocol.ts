/**
 * Messages between the extension host and the viewer page (custom editor `provlog.viewer`).
 *
 * The page starts with `ready`; the host answers with the document's state (`loading`, `notOpened`
 * or `init`) and keeps it current. The page owns what the person chose (filter, sort, columns,
 * selection, scroll) and persists it with getState/setState; it asks for results with `query` and
 * for further pages of rows with `rows`. The page never receives the whole data set: a result is a
 * count, a chart and one page of rows. Every `seq` lets the page drop answers that a newer query
 * has overtaken. Messages from the page are validated here (isFromViewer) before the host acts.
 */
import type { ChartBar, ChartData } from '../core/views/viewer/chart';
import { isViewColumnId, sanitizeColumns, sanitizeWidths, type ViewColumnId } from '../core/common/columns';
import type { ViewFacets } from '../core/query/facets';
import { parseEventFilter, type EventFilter } from '../core/common/filter';
import type { HeaderInfo } from '../core/views/viewer/header';
import type { RowView } from '../core/views/viewer/rows';
import { isIndex, isRecord } from './messageChecks';
import type { TimeZoneChoice } from '../core/common/time';

export type { ChartBar, ChartData, EventFilter, HeaderInfo, RowView, ViewColumnId, ViewFacets };

export interface SortSpec {
  column: ViewColumnId;
  dir: 'asc' | 'desc';
}

export const DEFAULT_SORT: SortSpec = { column: 'time', dir: 'desc' };

/** Rows per page the host sends (the page asks for the pages its viewport needs). */
export const ROW_PAGE = 200;

export type IdField = 'jobId' | 'cycleId' | 'changeId';

// ─── host → page ────────────────────────────────────────────────────────────────────────────────

/** The file is being read; `done`/`total` in bytes (0/0 while its bytes are still being fetched). */
export interface LoadingMessage {
  type: 'loading';
  fileName: string;
  done: number;
  total: number;
}

/** The file was not read: the person cancelled or declined, or its bytes could not be fetched. */
export interface NotOpenedMessage {
  type: 'notOpened';
  fileName: string;
  reason: 'cancelled' | 'declined' | 'failed';
  message: string;
}

/** A model is ready (again, after `reloaded`, or after a `preview` while the rest is read). */
export interface InitMessage {
  type: 'init';
  header: HeaderInfo;
  facets: ViewFacets;
  columns: ViewColumnId[];
  widths: Partial<Record<ViewColumnId, number>>;
  /** Newest event time (epoch ms) and what "last 24 hours" counts back from. */
  newest: number | null;
  windowFrom: 'newest' | 'now';
  /** How times are shown (setting provlog.time.zone); the other zone on hover. */
  timeZone: TimeZoneChoice;
  /** The file changed on disk and was read again: keep filters and selection, say so. */
  reloaded: boolean;
  /** Only the start of a large file is read so far; `percent` of its bytes are. A full `init` follows. */
  preview?: { percent: number };
  /** A filter asked for (tree, hover, command) before the page was ready: apply over the restored one. */
  pendingFilter?: { filter: EventFilter; replace: boolean };
  /** An event another view selected while this page was hidden: select it. */
  select?: number;
  /** Whether the source file may be opened as text (≤ 50 MB). */
  canOpenAsText: boolean;
  /** The seq of the query sent with `ready`: its result follows this message, the page need not ask. */
  answered?: number;
}

/** The answer to a query: how many match, the chart of them, the first page asked for. */
export interface ResultMessage {
  type: 'result';
  seq: number;
  total: number;
  /** Events in the whole file. */
  all: number;
  chart: ChartData;
  start: number;
  rows: RowView[];
  /** Where the query's `anchor` event now stands (-1: filtered out). */
  anchor?: { index: number; position: number };
  /** Milliseconds the host spent (filter + sort + chart + rows), for the status line. */
  elapsedMs: number;
}

export interface RowsMessage {
  type: 'rows';
  seq: number;
  start: number;
  rows: RowView[];
}

/** Another view selected an event of this file: select it (position -1: the filters hide it). */
export interface RevealMessage {
  type: 'reveal';
  seq: number;
  index: number;
  position: number;
}

/** Apply a filter requested from elsewhere (tree, hover, command palette). */
export interface ApplyFilterMessage {
  type: 'applyFilter';
  filter: EventFilter;
  replace: boolean;
}

export type ToViewer = LoadingMessage | NotOpenedMessage | InitMessage | ResultMessage | RowsMessage | RevealMessage | ApplyFilterMessage;

// ─── page → host ────────────────────────────────────────────────────────────────────────────────

/** What the page asks for: matching events in an order, the page of rows from `start`. */
export interface QueryMessage {
  type: 'query';
  seq: number;
  filter: EventFilter;
  sort: SortSpec;
  start: number;
  count: number;
  anchor?: number;
}

export type FromViewer =
  /**
   * With `query`: the query the page will send after its first `init` unless that init changes its
   * view (a pending filter or selection). The host then answers it right after that init (saying so in
   * `answered`), which saves the page a round trip before its first rows.
   */
  | { type: 'ready'; query?: QueryMessage }
  | QueryMessage
  | { type: 'rows'; seq: number; start: number; count: number }
  | { type: 'select'; index: number }
  | { type: 'open'; index: number }
  | { type: 'copyId'; index: number; field: IdField }
  | { type: 'export' }
  | { type: 'setColumns'; columns: ViewColumnId[]; widths: Partial<Record<ViewColumnId, number>> }
  | { type: 'goToProblem'; id: number }
  | { type: 'reopenAsText' }
  | { type: 'reload' }
  /** The page painted rows of result `seq` (first rows on screen: what the timing test measures). */
  | { type: 'rendered'; seq: number; rows: number };

const MAX_COUNT = 2000;

export function parseSort(v: unknown): SortSpec | undefined {
  if (!isRecord(v) || !isViewColumnId(v['column']) || (v['dir'] !== 'asc' && v['dir'] !== 'desc')) return undefined;
  return { column: v['column'], dir: v['dir'] };
}

function parseQuery(v: unknown): QueryMessage | undefined {
  if (!isRecord(v) || v['type'] !== 'query') return undefined;
  const filter = parseEventFilter(v['filter']);
  const sort = parseSort(v['sort']);
  if (!isIndex(v['seq']) || !filter || !sort || !isIndex(v['start']) || !isIndex(v['count'])) return undefined;
  const q: QueryMessage = { type: 'query', seq: v['seq'], filter, sort, start: v['start'], count: Math.min(v['count'], MAX_COUNT) };
  if (isIndex(v['anchor'])) q.anchor = v['anchor'];
  return q;
}

/**
 * A message from the page, validated and rebuilt from known fields only (the page runs log text,
 * so it is treated as untrusted); undefined for anything malformed.
 */
export function parseFromViewer(v: unknown): FromViewer | undefined {
  if (!isRecord(v) || typeof v['type'] !== 'string') return undefined;
  switch (v['type']) {
    case 'ready': {
      const query = v['query'] === undefined ? undefined : parseQuery(v['query']);
      return query ? { type: 'ready', query } : { type: 'ready' };
    }
    case 'export':
    case 'reopenAsText':
    case 'reload':
      return { type: v['type'] };
    case 'query':
      return parseQuery(v);
    case 'rows':
      if (!isIndex(v['seq']) || !isIndex(v['start']) || !isIndex(v['count'])) return undefined;
      return { type: 'rows', seq: v['seq'], start: v['start'], count: Math.min(v['count'], MAX_COUNT) };
    case 'select':
    case 'open':
      return isIndex(v['index']) ? { type: v['type'], index: v['index'] } : undefined;
    case 'copyId': {
      const field = v['field'];
      if (!isIndex(v['index']) || (field !== 'jobId' && field !== 'cycleId' && field !== 'changeId')) return undefined;
      return { type: 'copyId', index: v['index'], field };
    }
    case 'setColumns':
      return { type: 'setColumns', columns: sanitizeColumns(v['columns']), widths: sanitizeWidths(v['widths']) };
    case 'goToProblem':
      return isIndex(v['id']) ? { type: 'goToProblem', id: v['id'] } : undefined;
    case 'rendered':
      return isIndex(v['seq']) && isIndex(v['rows']) ? { type: 'rendered', seq: v['seq'], rows: v['rows'] } : undefined;
    default:
      return undefined;
  }
}

const TO_VIEWER_TYPES: ReadonlySet<string> = new Set(['loading', 'notOpened', 'init', 'result', 'rows', 'reveal', 'applyFilter']);

/** The page's check of a host message (it comes from our host, but the page acts only on known shapes). */
export function isToViewer(v: unknown): v is ToViewer {
  return isRecord(v) && typeof v['type'] === 'string' && TO_VIEWER_TYPES.has(v['type']);
}
