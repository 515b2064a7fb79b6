/**
 * "Go to Change ID…": a Quick Pick over the changes of the active log, searchable by identity name
 * or ID, change ID, error code and application. Small logs hand VS Code every change; big ones
 * (a 100,000-event download) are searched here on each keystroke and VS Code gets the newest
 * matches. Choosing one opens its details and selects it in the viewer, the tree and the text.
 */
import * as vscode from 'vscode';
import { searchEvents } from '../../core/index/changeSearch';
import { formatCount, plural } from '../../core/common/displayText';
import type { LoadedLog } from '../../core/log/loadedLog';
import { ACTION_LABELS, STATUS_LABELS } from '../../core/common/record';
import { identityLabelOf } from '../../core/index/grouping';
import { formatTimeIn } from '../../core/common/time';
import type { Deps } from '../deps';
import type { OpenLog } from '../logRegistry';
import { revealInTextEditor } from '../tree/revealInText';
import { statusCodicon } from '../tree/statusIcons';
import { requireLog } from './activeLog';
import { run } from './quickInputs';
import { notify, uiText } from '../uiText';
import { config } from '../config';

/** Up to this many changes, VS Code gets them all and filters by itself. */
export const ALL_ITEMS_LIMIT = 10_000;
/** Items shown per keystroke on bigger logs. */
export const SEARCH_LIMIT = 1_000;

export interface ChangeItem extends vscode.QuickPickItem {
  index: number;
}

export function changeItem(model: LoadedLog, i: number): ChangeItem {
  const { store, index } = model;
  const code = store.get('errorCode', i);
  const description = [ACTION_LABELS[store.actionOf(i)], STATUS_LABELS[store.statusOf(i)], code].filter((s) => s !== '').join(' · ');
  const changeId = store.get('changeId', i);
  const sourceId = store.get('sourceId', i);
  // Every text the search looks at is shown, so that VS Code's own filter keeps what it found.
  const detail = [
    formatTimeIn(store.time[i]!, config.timeZone()) || store.get('activityDateTime', i),
    store.get('appName', i) || index.job(store.get('jobId', i))?.name || '',
    changeId ? `change ${changeId}` : 'no change ID',
    sourceId ? `source ID ${sourceId}` : '',
  ]
    .filter((s) => s !== '')
    .join(' · ');
  const name = identityLabelOf(store, i) || `Event ${i + 1}`;
  return { label: `${statusCodicon(store.statusOf(i))} ${uiText(name)}`, description: uiText(description), detail: uiText(detail, 400), index: i };
}

/** The items for `query`: all (small logs) or the newest matches; with the total matching. */
export function changeItems(model: LoadedLog, query: string): { items: ChangeItem[]; total: number } {
  const all = model.store.size <= ALL_ITEMS_LIMIT;
  const found = searchEvents(model.query, all ? '' : query, all ? ALL_ITEMS_LIMIT : SEARCH_LIMIT);
  return { items: found.indices.map((i) => changeItem(model, i)), total: found.total };
}

export function registerGoToChange(deps: Pick<Deps, 'registry' | 'detail'>): vscode.Disposable {
  return vscode.commands.registerCommand('provlog.goToChange', async (arg: unknown) => {
    const log = requireLog(deps.registry, arg);
    if (log === undefined) return;
    const wanted = typeof arg === 'object' && arg !== null ? (arg as { changeId?: unknown }).changeId : undefined;
    if (typeof wanted === 'string') {
      const at = log.model.index.eventsWithChangeId(wanted.trim())[0];
      if (at !== undefined) return goTo(deps, log, at);
      void notify('info', `No change with that ID in ${log.name}.`);
      return;
    }
    const index = await pickChange(log);
    if (index !== undefined) goTo(deps, log, index);
  });
}

function goTo(deps: Pick<Deps, 'registry' | 'detail'>, log: OpenLog, index: number): void {
  deps.registry.selectEvent({ uri: log.uri, index, origin: 'command' });
  deps.detail.show(log.uri, index);
  revealInTextEditor(log, index);
}

async function pickChange(log: OpenLog): Promise<number | undefined> {
  const { model } = log;
  const size = model.store.size;
  const qp = vscode.window.createQuickPick<ChangeItem>();
  qp.title = `Go to Change in ${uiText(log.name)}`;
  qp.placeholder = `Identity name or source ID, change ID, error code, application (${plural(size, 'change')})`;
  qp.matchOnDescription = true;
  qp.matchOnDetail = true;
  const show = (query: string): void => {
    const { items, total } = changeItems(model, query);
    qp.items = items;
    if (size > ALL_ITEMS_LIMIT) qp.title = `Go to Change in ${uiText(log.name)}: ${total > items.length ? `newest ${formatCount(items.length)} of ` : ''}${plural(total, 'match', 'matches')}`;
  };
  show('');
  if (size > ALL_ITEMS_LIMIT) qp.onDidChangeValue(show);
  const step = await run(qp, () => ({ kind: 'value', value: qp.selectedItems[0]?.index }));
  return step.kind === 'value' ? step.value : undefined;
}
