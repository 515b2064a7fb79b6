/**
 * "Explain Error Code…": a Quick Pick over the catalog (title, category, retry), the active log's
 * own codes first with their counts, or any code typed in; the explanation opens as a Markdown
 * preview. For a code of the log, the newest event with it adds the time (hence when the service
 * retries) and the target system's own reason.
 */
import * as vscode from 'vscode';
import { allCatalogEntries, allSkipReasons, lookupErrorCode, type CatalogEntry } from '../../core/catalog/catalog';
import { explainMarkdown, type ExplainContext } from '../../core/output/explainMarkdown';
import { formatCount } from '../../core/common/displayText';
import { facetValues } from '../../core/query/facets';
import type { LoadedLog } from '../../core/log/loadedLog';
import type { Deps } from '../deps';
import type { OpenLog } from '../logRegistry';
import { targetLog } from './activeLog';
import { pickOne } from './quickInputs';
import { showReport } from './reportDocuments';
import { uiText } from '../uiText';

export interface CodeItem extends vscode.QuickPickItem {
  code?: string;
}

export function codeItems(log: OpenLog | undefined): CodeItem[] {
  const items: CodeItem[] = [];
  const inLog = log ? facetValues(log.model.store, 'errorCode') : [];
  if (inLog.length > 0) {
    items.push({ label: `In ${uiText(log!.name)}`, kind: vscode.QuickPickItemKind.Separator });
    for (const { value, count } of inLog) {
      const e = lookupErrorCode(value).entry;
      items.push({ label: `$(error) ${uiText(value)}`, description: `${formatCount(count)} × · ${e.title}`, detail: entryDetail(e), code: value });
    }
  }
  items.push({ label: 'Catalog', kind: vscode.QuickPickItemKind.Separator });
  for (const e of allCatalogEntries()) items.push({ label: e.code, description: e.title, detail: entryDetail(e), code: e.code });
  items.push({ label: 'Skip reasons (a step\'s SkipReason: not errors)', kind: vscode.QuickPickItemKind.Separator });
  for (const s of allSkipReasons()) items.push({ label: s.value, description: s.title, detail: s.actionNeeded ? 'action needed if the object should be provisioned' : 'expected, no action needed', code: s.value });
  return items;
}

function entryDetail(e: CatalogEntry): string {
  const retry = e.retry === 'automatic' ? (e.retryAfterMinutes !== undefined ? `retried after about ${e.retryAfterMinutes} min` : 'retried automatically') : 'not retried';
  return `${e.category} · ${retry}`;
}

/** The time and reason of the newest event with `code`, when the log has one. */
export function contextOf(log: OpenLog | undefined, code: string): ExplainContext {
  if (log === undefined) return {};
  const { store } = log.model;
  const col = store.column('errorCode');
  let newest = -1;
  for (let i = 0; i < store.size; i++) {
    if (store.strings[col[i]!] !== code) continue;
    if (newest < 0 || store.time[i]! > store.time[newest]!) newest = i;
  }
  return newest < 0 ? {} : eventContext(log.model, newest);
}

/** The time, reason and details of event `index` (nothing for an index the model does not have). */
export function eventContext(model: LoadedLog, index: number): ExplainContext {
  if (index < 0 || index >= model.store.size) return {};
  const rec = model.record(index);
  const context: ExplainContext = { eventTime: model.store.time[index]! };
  // `||`: an empty reason in the record says nothing, so the store's reason column is asked then.
  const reason = rec?.error?.reason || model.store.get('reason', index);
  if (reason !== '') context.reason = reason;
  const details = rec?.error?.additionalDetails ?? '';
  if (details !== '') context.additionalDetails = details;
  return context;
}

export function registerExplainCode(deps: Pick<Deps, 'registry'>): vscode.Disposable {
  return vscode.commands.registerCommand('provlog.explainCode', async (arg: unknown) => {
    const log = targetLog(deps.registry);
    let code = typeof arg === 'string' ? arg : typeof arg === 'object' && arg !== null && typeof (arg as { code?: unknown }).code === 'string' ? (arg as { code: string }).code : undefined;
    if (code === undefined) {
      const items = codeItems(log);
      const offered = new Set(items.map((i) => i.code?.toLowerCase()).filter((c): c is string => c !== undefined));
      const step = await pickOne<CodeItem>({
        title: 'Explain Error Code',
        placeholder: 'Pick a code, or type any code (app-prefixed codes like ContosoEntryConflict too)',
        items,
        // What was typed, unless it is already offered (then the offered item, with its count, says it).
        freeEntry: (typed) => (offered.has(typed.toLowerCase()) ? undefined : { label: `$(question) ${uiText(typed)}`, description: 'explain what you typed', code: typed, alwaysShow: true }),
      });
      if (step.kind !== 'value' || step.value.code === undefined) return;
      code = step.value.code;
    }
    const trimmed = code.trim().slice(0, 500);
    if (trimmed === '') return;
    const kind = lookupErrorCode(trimmed).skipReason === true ? 'Skip reason' : 'Error code';
    await showReport(`${kind} ${trimmed}`, explainMarkdown(trimmed, contextOf(log, trimmed)));
  });
}
