/**
 * Finding events by what a person types into "Go to Change ID…": part of an identity's name or
 * source ID, a change ID, an error code, the application, an action or a status. These are exactly
 * the texts the picker's items show, so VS Code's own filtering keeps what this finds. Each distinct
 * interned value is tested once (lower-cased once per log, by its text matcher), then events are scanned newest
 * first: a keystroke over 100,000 events costs a few milliseconds, so the picker can offer matches
 * from the whole log without handing VS Code 100,000 items.
 */
import { newestFirstOrder } from './grouping';
import { ACTION_LABELS, ACTIONS, STATUS_LABELS, STATUSES, type StringField } from '../common/record';
import type { QueryEngine } from '../query/engine';

export const SEARCH_FIELDS: readonly StringField[] = ['sourceName', 'sourceId', 'changeId', 'errorCode', 'appName'];

export interface SearchResult {
  /** Matching events, newest first, at most `limit`. */
  indices: number[];
  /** How many events match in all. */
  total: number;
}

/** Events whose searched fields contain `query` (case-insensitive); every event for an empty query. */
export function searchEvents(engine: QueryEngine, query: string, limit: number): SearchResult {
  const { store, matcher } = engine;
  const order = newestFirstOrder(engine);
  const needle = query.trim().toLowerCase();
  const indices: number[] = [];
  if (needle === '') {
    for (let k = 0; k < order.length && indices.length < limit; k++) indices.push(order[k]!);
    return { indices, total: store.size };
  }
  const hit = new Uint8Array(store.strings.length);
  const cols = SEARCH_FIELDS.map((f) => store.column(f));
  const tested = new Uint8Array(store.strings.length);
  for (const col of cols) {
    for (let i = 0; i < col.length; i++) {
      const id = col[i]!;
      if (tested[id] === 1) continue;
      tested[id] = 1;
      if (id !== 0 && matcher.lowerOf(id).includes(needle)) hit[id] = 1;
    }
  }
  const statusHit = STATUSES.map((st) => STATUS_LABELS[st].toLowerCase().includes(needle));
  const actionHit = ACTIONS.map((a) => ACTION_LABELS[a].toLowerCase().includes(needle));
  let total = 0;
  for (let k = 0; k < order.length; k++) {
    const i = order[k]!;
    let match = statusHit[store.status[i]!] === true || actionHit[store.action[i]!] === true;
    for (let c = 0; c < cols.length && !match; c++) match = hit[cols[c]![i]!] === 1;
    if (!match) continue;
    total++;
    if (indices.length < limit) indices.push(i);
  }
  return { indices, total };
}

