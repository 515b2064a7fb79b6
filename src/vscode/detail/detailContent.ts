/**
 * What the panel should show for a target (a log and an event in it): the event's view, or why
 * there is none. A target carries the record's id and change id besides its index, because the
 * index of an event moves when the file is edited or read again; the ids find it again.
 */
import * as vscode from 'vscode';
import { buildDetailView } from '../../core/views/detail/buildDetailView';
import type { LoadedLog } from '../../core/log/loadedLog';
import type { DetailState, DetailTab, DetailView, EmptyView } from '../../shared/detailProtocol';
import { baseName } from '../fileInputs';
import type { LogRegistry, LogSource, OpenLog } from '../logRegistry';

export interface DetailTarget {
  uri: vscode.Uri;
  index: number;
  id?: string;
  changeId?: string;
  source?: LogSource;
}

export type Resolved = { kind: 'event'; log: OpenLog; index: number; view: DetailView } | { kind: 'empty'; empty: EmptyView };

/** The index of the target's event in `model`, found by id when the file changed; undefined when it is gone. */
export function findEvent(model: LoadedLog, target: DetailTarget): number | undefined {
  const { store } = model;
  const i = target.index;
  const inRange = i < store.size;
  const id = target.id ?? '';
  const changeId = target.changeId ?? '';
  if (id === '' && changeId === '') return inRange ? i : undefined;
  if (id !== '') {
    if (inRange && store.get('id', i) === id) return i;
    const sid = store.strings.indexOf(id);
    if (sid >= 0) {
      const col = store.column('id');
      for (let k = 0; k < store.size; k++) if (col[k] === sid) return k;
    }
  }
  if (changeId !== '') {
    if (inRange && store.get('changeId', i) === changeId) return i;
    const hits = model.index.eventsWithChangeId(changeId);
    if (hits[0] !== undefined) return hits[0];
  }
  return undefined;
}

export function resolveTarget(registry: Pick<LogRegistry, 'get'>, target: DetailTarget, wasLoaded: boolean): Resolved {
  const log = registry.get(target.uri);
  const name = baseName(target.uri);
  if (log === undefined) {
    return {
      kind: 'empty',
      empty: wasLoaded
        ? { kind: 'gone', title: 'The log was closed', message: `${name} is no longer open. Open it again to see this change.`, logName: name }
        : { kind: 'notLoaded', title: 'Open the log to see this change', message: `${name} is not open in this window. Open it and this change is shown again.`, logName: name },
    };
  }
  const index = findEvent(log.model, target);
  const view = index === undefined ? undefined : buildDetailView(log.model, index, { uri: target.uri.toString(), logName: log.name });
  if (index === undefined || view === undefined) {
    return {
      kind: 'empty',
      empty: { kind: 'missing', title: 'This change is no longer in the log', message: `${log.name} changed since this change was shown, and it no longer holds it.` },
    };
  }
  return { kind: 'event', log, index, view };
}

export const NOTHING: EmptyView = {
  kind: 'nothing',
  title: 'No change selected',
  message: 'Select a change in the Provisioning Log Viewer or the Logs tree, or run "Show Change Details" in a log open as text, to see it here.',
};

/** The state the page keeps (and a reload restores) for a shown target. */
export function stateFor(target: DetailTarget, tab: DetailTab, tabChosen: boolean): DetailState {
  const state: DetailState = { uri: target.uri.toString(), index: target.index, tab, name: baseName(target.uri) };
  if (tabChosen) state.tabChosen = true;
  if (target.id) state.id = target.id;
  if (target.changeId) state.changeId = target.changeId;
  if (target.source) state.source = target.source;
  return state;
}

/** The target a saved state names (after a reload, or from a rebuilt page). */
export function targetOf(s: DetailState): DetailTarget {
  const target: DetailTarget = { uri: vscode.Uri.parse(s.uri), index: s.index };
  if (s.id) target.id = s.id;
  if (s.changeId) target.changeId = s.changeId;
  if (s.source) target.source = s.source;
  return target;
}
