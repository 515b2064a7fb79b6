/**
 * "Filter…": the portal's filters (status, action, date, identity, job, cycle, source and target
 * system, application) and ours (error code, identity type, text, hide skipped, changes only) as a
 * multi-step Quick Pick. It starts from what the viewer shows, offers the file's own values with
 * counts, shows how many events the draft lets through, and applies through the registry (the
 * viewer takes it, now or when it opens). Escape leaves the viewer as it was.
 */
import * as vscode from 'vscode';
import { parseRange } from '../../core/common/dateRange';
import { cleanFilter, withText, withoutDate, type EventFilter } from '../../core/common/filter';
import { formatUtc } from '../../core/common/time';
import type { LoadedLog } from '../../core/log/loadedLog';
import type { Action, Status } from '../../core/common/record';
import { config } from '../config';
import type { Deps } from '../deps';
import type { OpenLog } from '../logRegistry';
import { requireLog, showInViewer } from './activeLog';
import { ANY_VALUE, DATE_WINDOWS, choiceItems, menuItems, valueItems, type FilterKey, type MenuItem, type ValueItem } from './filterItems';
import { inputText, pickMany, pickOne } from './quickInputs';
import { uiText } from '../uiText';

export function registerFilterCommand(deps: Pick<Deps, 'registry'>): vscode.Disposable {
  return vscode.commands.registerCommand('provlog.filter', async (arg: unknown) => {
    const log = requireLog(deps.registry, arg);
    if (log === undefined) return;
    const filter = await chooseFilter(log, cleanFilter(deps.registry.viewerFilter(log.uri)));
    if (filter === undefined) return;
    deps.registry.requestFilter({ uri: log.uri, filter, replace: true });
    await showInViewer(log);
  });
}

/** The menu loop; the filter to apply, or undefined when the user cancelled. */
async function chooseFilter(log: OpenLog, start: EventFilter): Promise<EventFilter | undefined> {
  let draft = start;
  let focus: FilterKey | 'apply' = 'apply';
  for (;;) {
    const items = menuItems(log.model, draft);
    const active = items.find((i) => (focus === 'apply' ? i.action?.kind === 'apply' : i.action?.kind === 'edit' && i.action.key === focus));
    const step = await pickOne<MenuItem>({ title: `Filter ${log.name}`, placeholder: 'Choose a filter to change; Apply when done', items, ...(active ? { active } : {}) });
    if (step.kind !== 'value') return undefined;
    const action = step.value.action;
    if (action === undefined) continue;
    switch (action.kind) {
      case 'apply':
        return cleanFilter(draft);
      case 'clear':
        draft = {};
        focus = 'apply';
        break;
      case 'edit': {
        const edited = await editFilter(log.model, draft, action.key, log.name);
        if (edited === 'cancel') return undefined;
        // After a change, Enter applies; after Back, the same filter stays focused.
        focus = edited === 'back' ? action.key : action.key === 'hideSkipped' || action.key === 'changesOnly' ? action.key : 'apply';
        if (edited !== 'back') draft = edited;
        break;
      }
    }
  }
}

async function editFilter(model: LoadedLog, draft: EventFilter, key: FilterKey, name: string): Promise<EventFilter | 'back' | 'cancel'> {
  const title = `Filter ${name}`;
  switch (key) {
    case 'hideSkipped':
      return { ...draft, hideSkipped: !draft.hideSkipped };
    case 'changesOnly':
      return { ...draft, changesOnly: !draft.changesOnly };
    case 'status':
    case 'action':
    case 'identityType': {
      const step = await pickMany<ValueItem>({ title, placeholder: 'Pick the values to show (none: any)', items: choiceItems(model, key, draft), back: true });
      if (step.kind !== 'value') return step.kind;
      const values = step.value.map((i) => i.value!).filter((v) => v !== undefined);
      if (key === 'status') return { ...draft, status: values as Status[] };
      if (key === 'action') return { ...draft, action: values as Action[] };
      return { ...draft, identityType: values };
    }
    case 'date':
      return editDate(model, draft, title);
    case 'text': {
      const step = await inputText({ title, prompt: 'Events with this text in any field (names, IDs, systems, codes, reasons)', value: draft.text ?? '', back: true, validate: () => undefined });
      return step.kind === 'value' ? { ...draft, text: step.value.trim() } : step.kind;
    }
    default: {
      const items = valueItems(model, key, draft);
      const current = items.find((i) => i.value !== ANY_VALUE && i.value === draft[key]);
      const step = await pickOne<ValueItem>({
        title,
        placeholder: 'Pick a value, or type part of one',
        items,
        back: true,
        ...(current ? { active: current } : {}),
        freeEntry: (typed) => ({ label: `$(edit) Contains "${uiText(typed)}"`, description: 'what you typed', value: typed, typed: true, alwaysShow: true }),
      });
      if (step.kind !== 'value') return step.kind;
      // A value of the log's own list means that value; what was typed means "contains".
      const value = step.value.value ?? ANY_VALUE;
      return withText(draft, key, value, step.value.typed !== true && value !== ANY_VALUE);
    }
  }
}

async function editDate(model: LoadedLog, draft: EventFilter, title: string): Promise<EventFilter | 'back' | 'cancel'> {
  const from = config.dateWindowRelativeTo();
  const newest = model.query.newestTime;
  const anchor = from === 'now' || Number.isNaN(newest) ? 'before now' : `before the newest event, ${formatUtc(newest)}`;
  type DateItem = ValueItem & { window?: EventFilter['window'] | 'custom' };
  const items: DateItem[] = [
    { label: '$(circle-slash) Any time', value: ANY_VALUE },
    ...DATE_WINDOWS.map((w) => ({ label: w.label, description: anchor, window: w.window, picked: draft.window === w.window })),
    { label: '$(edit) Custom range…', description: 'from and until, in UTC', window: 'custom' },
  ];
  const step = await pickOne<DateItem>({ title, placeholder: 'Events of which time?', items, back: true, ...(draft.window ? { active: items.find((i) => i.window === draft.window)! } : {}) });
  if (step.kind !== 'value') return step.kind;
  const rest = withoutDate(draft);
  const picked = step.value.window;
  if (picked === undefined) return rest;
  if (picked !== 'custom') return { ...rest, window: picked, windowFrom: from };
  const range = await inputText({
    title,
    prompt: 'From .. until, in UTC: either side may be left empty',
    placeholder: '2026-03-01 08:00 .. 2026-03-02',
    value: draft.since !== undefined || draft.until !== undefined ? `${draft.since !== undefined ? formatUtc(draft.since) : ''} .. ${draft.until !== undefined ? formatUtc(draft.until) : ''}` : '',
    back: true,
    validate: (v) => parseRange(v).problem,
  });
  if (range.kind !== 'value') return range.kind;
  const parsed = parseRange(range.value);
  return { ...rest, ...(parsed.since !== undefined ? { since: parsed.since } : {}), ...(parsed.until !== undefined ? { until: parsed.until } : {}) };
}
