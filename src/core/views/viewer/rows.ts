/**
 * One table row as the viewer page receives it: the values of every column, already in words, for
 * one event. Pages of these are all the page ever gets; long values are clipped (a 100 KB display
 * name is shown as its start and its length, not shipped whole into every scroll).
 */
import { lookupErrorCode } from '../../catalog/catalog';
import type { Action, Status } from '../../common/record';
import { clip, oneLineUncut } from '../../common/safeText';
import type { EventStore } from '../../model/store';
import { type StringField } from '../../common/record';

export interface RowView {
  /** The event's index in the log (stable across filters and sorts; the detail panel's key). */
  index: number;
  /** Epoch ms (NaN → null: JSON has no NaN). */
  time: number | null;
  /** The timestamp as written in the file. */
  activityDateTime: string;
  /** Display name (source, else target), else an id: what the portal's Identity column shows. */
  identity: string;
  /** The source id shown under the name, as in the portal. */
  identityId: string;
  action: Action;
  actionLabel: string;
  status: Status;
  sourceSystem: string;
  targetSystem: string;
  jobId: string;
  cycleId: string;
  changeId: string;
  errorCode: string;
  /** The catalog's few words for the code ("" when there is no code). */
  errorTitle: string;
  /** What the service said about the failure, clipped. */
  reason: string;
  application: string;
  identityType: string;
  sourceId: string;
  targetId: string;
  durationMs: number | null;
  initiatedBy: string;
  tenantId: string;
}

/** Longest text a cell receives; longer values end in an ellipsis and say how long they were. */
export const MAX_CELL_TEXT = 1000;

/** A cell's text on one line: the one cut rule, plus how long the value was, then the hidden characters shown. */
export function cellText(s: string, max = MAX_CELL_TEXT): string {
  return oneLineUncut(s.length <= max ? s : `${clip(s, max)} (${s.length.toLocaleString('en-US')} characters)`);
}

export function rowView(store: EventStore, i: number): RowView {
  const s = (f: StringField): string => cellText(store.get(f, i));
  const t = store.time[i]!;
  const d = store.duration[i]!;
  const sourceName = store.get('sourceName', i);
  const targetName = store.get('targetName', i);
  const sourceId = store.get('sourceId', i);
  const targetId = store.get('targetId', i);
  const code = store.get('errorCode', i);
  return {
    index: i,
    time: Number.isNaN(t) ? null : t,
    activityDateTime: s('activityDateTime'),
    identity: cellText(sourceName || targetName || sourceId || targetId),
    identityId: cellText(sourceId || targetId),
    action: store.actionOf(i),
    actionLabel: s('actionLabel'),
    status: store.statusOf(i),
    sourceSystem: s('sourceSystem'),
    targetSystem: s('targetSystem'),
    jobId: s('jobId'),
    cycleId: s('cycleId'),
    changeId: s('changeId'),
    errorCode: cellText(code),
    errorTitle: code === '' ? '' : lookupErrorCode(code).entry.title,
    reason: cellText(store.get('reason', i), 400),
    application: s('appName'),
    identityType: s('sourceType') || s('targetType'),
    sourceId: cellText(sourceId),
    targetId: cellText(targetId),
    durationMs: Number.isNaN(d) ? null : d,
    initiatedBy: s('initiatorName'),
    tenantId: s('tenantId'),
  };
}

/** Rows `start`..`start+count` of a result (clamped to it). */
export function rowsOf(store: EventStore, result: ArrayLike<number>, start: number, count: number): RowView[] {
  const from = Math.max(0, Math.min(start, result.length));
  const to = Math.min(result.length, from + Math.max(0, count));
  const rows: RowView[] = [];
  for (let k = from; k < to; k++) rows.push(rowView(store, result[k]!));
  return rows;
}
