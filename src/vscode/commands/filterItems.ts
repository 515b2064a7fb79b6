/**
 * The items of the filter picker: the menu of filters with their current values, and for each
 * filter the values this log holds (with event counts), the current ones picked. Plain data, so
 * tests check them without driving the UI.
 */
import * as vscode from 'vscode';
import { lookupErrorCode } from '../../core/catalog/catalog';
import { countsGlyphs, formatCount, plural } from '../../core/common/displayText';
import { actionFacet, facetValues, identityTypeFacet, statusFacet } from '../../core/query/facets';
import { WINDOW_LABELS, describeFilter, isEmptyFilter, isExact, type DateWindow, type EventFilter, type TextFilterKey } from '../../core/common/filter';
import type { LoadedLog } from '../../core/log/loadedLog';
import { ACTION_LABELS, STATUS_LABELS } from '../../core/common/record';
import { formatUtc } from '../../core/common/time';
import { uiText } from '../uiText';

export type FilterKey =
  | 'status'
  | 'action'
  | 'date'
  | 'jobId'
  | 'cycleId'
  | 'sourceSystem'
  | 'targetSystem'
  | 'application'
  | 'errorCode'
  | 'identity'
  | 'identityType'
  | 'text'
  | 'hideSkipped'
  | 'changesOnly';

export type MenuAction = { kind: 'apply' } | { kind: 'clear' } | { kind: 'edit'; key: FilterKey };

export interface MenuItem extends vscode.QuickPickItem {
  action?: MenuAction;
}

export interface ValueItem extends vscode.QuickPickItem {
  value?: string;
  /** Typed by the user rather than picked from the log's values: matches as "contains". */
  typed?: boolean;
}

const SEPARATOR = vscode.QuickPickItemKind.Separator;

/** The menu: Apply (with the number of events the draft lets through), each filter, Clear. */
export function menuItems(model: LoadedLog, draft: EventFilter, now = Date.now()): MenuItem[] {
  const matching = model.query.run(draft, undefined, now).length;
  const edit = (key: FilterKey, icon: string, label: string, current: string): MenuItem => ({
    label: `$(${icon}) ${label}`,
    description: current === '' ? 'any' : uiText(current),
    action: { kind: 'edit', key },
  });
  const list = (values: string[] | undefined): string => (values ?? []).join(', ');
  const text = (key: TextFilterKey): string => {
    const v = draft[key];
    return v ? `${isExact(draft, key) ? 'is' : 'contains'} "${v}"` : '';
  };
  const words = isEmptyFilter(draft) ? '' : describeFilter(draft, (t) => formatUtc(t));
  return [
    {
      label: '$(check) Apply',
      description: `${formatCount(matching)} of ${plural(model.store.size, 'event')} match`,
      detail: words === '' ? 'No filter: every event' : uiText(words),
      action: { kind: 'apply' },
    },
    { label: "The portal's filters", kind: SEPARATOR },
    edit('status', 'pass', 'Status', list(draft.status?.map((s) => STATUS_LABELS[s]))),
    edit('action', 'symbol-event', 'Action', list(draft.action?.map((a) => ACTION_LABELS[a]))),
    edit('date', 'calendar', 'Date', dateText(draft)),
    edit('identity', 'person', 'Identity', text('identity')),
    edit('jobId', 'sync', 'Job ID', text('jobId')),
    edit('cycleId', 'history', 'Cycle ID', text('cycleId')),
    edit('sourceSystem', 'arrow-right', 'Source system', text('sourceSystem')),
    edit('targetSystem', 'arrow-left', 'Target system', text('targetSystem')),
    edit('application', 'package', 'Application', text('application')),
    { label: 'More filters', kind: SEPARATOR },
    edit('errorCode', 'error', 'Error code', text('errorCode')),
    edit('identityType', 'organization', 'Identity type', list(draft.identityType)),
    edit('text', 'search', 'Text anywhere', text('text')),
    edit('hideSkipped', 'eye-closed', 'Hide skipped events', draft.hideSkipped ? 'on' : 'off'),
    edit('changesOnly', 'diff', 'Changes only (the target system was changed)', draft.changesOnly ? 'on' : 'off'),
    { label: '', kind: SEPARATOR },
    { label: '$(clear-all) Clear all filters', action: { kind: 'clear' } },
  ];
}

function dateText(f: EventFilter): string {
  const parts: string[] = [];
  if (f.window) parts.push(WINDOW_LABELS[f.window].toLowerCase());
  if (f.since !== undefined) parts.push(`from ${formatUtc(f.since)}`);
  if (f.until !== undefined) parts.push(`until ${formatUtc(f.until)}`);
  return parts.join(', ');
}

/** Items of a multiple-choice filter (status, action, identity type), the draft's values picked. */
export function choiceItems(model: LoadedLog, key: 'status' | 'action' | 'identityType', draft: EventFilter): ValueItem[] {
  const store = model.store;
  switch (key) {
    case 'status':
      return statusFacet(store).map((f) => ({ label: STATUS_LABELS[f.value], description: formatCount(f.count), value: f.value, picked: draft.status?.includes(f.value) ?? false }));
    case 'action':
      return actionFacet(store).map((f) => ({ label: ACTION_LABELS[f.value], description: formatCount(f.count), value: f.value, picked: draft.action?.includes(f.value) ?? false }));
    case 'identityType':
      return identityTypeFacet(store).map((f) => ({ label: uiText(f.value), description: formatCount(f.count), value: f.value, picked: draft.identityType?.includes(f.value) ?? false }));
  }
}

export const ANY_VALUE = '';

/** Items of a one-value filter: "Any", then the values of the log, most frequent first. */
export function valueItems(model: LoadedLog, key: 'jobId' | 'cycleId' | 'sourceSystem' | 'targetSystem' | 'application' | 'errorCode' | 'identity', draft: EventFilter, limit = 5000): ValueItem[] {
  const { store, index } = model;
  const any: ValueItem = { label: '$(circle-slash) Any', description: 'no filter', value: ANY_VALUE };
  const counted = (field: Parameters<typeof facetValues>[1], describe?: (v: string) => string): ValueItem[] =>
    facetValues(store, field)
      .slice(0, limit)
      .map((f) => ({ label: uiText(f.value), description: uiText([formatCount(f.count), describe?.(f.value)].filter(Boolean).join(' · ')), value: f.value }));
  switch (key) {
    case 'jobId':
      return [any, ...index.jobs.map((j) => ({ label: uiText(j.name || 'Job without a name'), description: uiText(j.jobId), detail: `${plural(j.cycles.length, 'cycle')} · ${countsGlyphs(j.counts)}`, value: j.jobId }))];
    case 'cycleId': {
      // Cycles of the job already chosen, else of every job; newest first either way.
      const jobs = draft.jobId ? index.jobs.filter((j) => j.jobId === draft.jobId) : index.jobs;
      const cycles = jobs.flatMap((j) => j.cycles.map((c) => ({ c, job: j.name }))).sort((a, b) => (b.c.first || 0) - (a.c.first || 0));
      return [any, ...cycles.slice(0, limit).map(({ c, job }) => ({ label: formatUtc(c.first) || 'Cycle without a time', description: uiText(job), detail: uiText(`${c.cycleId} · ${countsGlyphs(c.counts)}`), value: c.cycleId }))];
    }
    case 'sourceSystem':
      return [any, ...counted('sourceSystem')];
    case 'targetSystem':
      return [any, ...counted('targetSystem')];
    case 'application':
      return [any, ...counted('appName')];
    case 'errorCode':
      return [any, ...counted('errorCode', (code) => lookupErrorCode(code).entry.title)];
    case 'identity':
      return [any, ...counted('sourceName')];
  }
}

export const DATE_WINDOWS: readonly { window: DateWindow; label: string }[] = (Object.keys(WINDOW_LABELS) as DateWindow[]).map((window) => ({
  window,
  label: WINDOW_LABELS[window],
}));
