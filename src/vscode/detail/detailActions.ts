/**
 * What the panel's buttons do on the host. Each acts on the event the host is showing, never on
 * values from the page's message: the page says "copy the change ID", the host copies the change
 * ID of its own record; the page says "open this link", the host opens it only if the catalog gave
 * that exact link for this event and it is https on learn.microsoft.com.
 */
import * as vscode from 'vscode';
import { isLearnUrl, linksOf } from '../../core/views/detail/learnLinks';
import { rawRecord } from '../../core/views/detail/rawRecord';
import type { CopyField, DetailView, FilterKind, PageMessage } from '../../shared/detailProtocol';
import type { FilterToArgs } from '../commands/coreCommands';
import { baseName } from '../fileInputs';
import { fileUriOf, type OpenLog } from '../logRegistry';
import type { DetailTarget } from './detailContent';
import { notify } from '../uiText';
import { rawTitle, showRawJson } from '../rawJsonDocument';
import { exactFilter, type EventFilter } from '../../core/common/filter';
import { VIEW_TYPE } from '../viewer/viewType';

export interface Shown {
  log: OpenLog;
  index: number;
  view: DetailView;
}

export async function copyField(shown: Shown, field: CopyField): Promise<string | undefined> {
  const id = shown.view.summary.ids.find((x) => x.field === field);
  if (id === undefined || id.value === '') {
    vscode.window.setStatusBarMessage(`$(info) This record has no ${labelOf(field)}`, 3000);
    return undefined;
  }
  await vscode.commands.executeCommand('provlog.copyText', { text: id.value, label: id.label });
  return id.value;
}

function labelOf(field: CopyField): string {
  return field === 'id' ? 'record ID' : field.replace(/Id$/, ' ID').replace(/^app/, 'service principal');
}

/**
 * Opens the record as a read-only JSON document beside the panel (the group to its right, so that
 * the panel stays in view); returns it (tests read it).
 */
export async function openRawJson(shown: Shown, panelColumn: vscode.ViewColumn | undefined): Promise<vscode.TextDocument | undefined> {
  const raw = rawRecord(shown.log.model, shown.index);
  if (raw === undefined) {
    void notify('warning', `The text of this record could not be read again from ${shown.log.name}.`);
    return undefined;
  }
  const viewColumn = panelColumn === undefined ? vscode.ViewColumn.Beside : ((panelColumn + 1) as vscode.ViewColumn);
  const doc = await showRawJson(rawTitle(shown.log.name, shown.view.changeId), raw.text, { viewColumn, preview: false });
  if (raw.kind === 'graphShape') {
    vscode.window.setStatusBarMessage('$(info) CSV rows have no JSON of their own: shown in the Graph shape of the JSON download', 6000);
  }
  return doc;
}

/** Opens a documentation link of the shown event; false when the URL is not one it offers. */
export async function openLink(shown: Shown, url: string): Promise<boolean> {
  if (!isLearnUrl(url) || !linksOf(shown.view).some((l) => l.url === url)) return false;
  return vscode.env.openExternal(vscode.Uri.parse(url, true));
}

export function filterFor(view: DetailView, by: FilterKind): EventFilter | undefined {
  const ids = (field: CopyField): string => view.summary.ids.find((x) => x.field === field)?.value ?? '';
  switch (by) {
    case 'errorCode': {
      const code = view.troubleshooting.error?.code.trim() ?? '';
      return code === '' ? undefined : exactFilter('errorCode', code);
    }
    case 'cycle':
      return ids('cycleId') === '' ? undefined : { jobId: ids('jobId'), cycleId: ids('cycleId') };
    case 'job':
      return ids('jobId') === '' ? undefined : { jobId: ids('jobId') };
    case 'identity': {
      const who = view.summary.source.id || view.summary.source.name || view.summary.target.id;
      return who.trim() === '' ? undefined : exactFilter('identity', who);
    }
  }
}

export async function filterViewer(shown: Shown, by: FilterKind): Promise<EventFilter | undefined> {
  const filter = filterFor(shown.view, by);
  if (filter === undefined) return undefined;
  const args: FilterToArgs = { uri: shown.log.uri.toString(), filter, replace: true };
  try {
    await vscode.commands.executeCommand('provlog.filterTo', args);
  } catch (e) {
    void notify('warning', `The viewer could not be opened: ${e instanceof Error ? e.message : String(e)}`);
  }
  return filter;
}

/** Opens the file the shown record was read from (a folder's blob, one of several files) at the record. */
export async function goToRecord(shown: Shown): Promise<void> {
  const source = shown.view.source;
  if (source === undefined) return;
  if (!source.canGoTo) {
    void notify('info', "The record's file is too large to open as text (VS Code's limit for extensions is 50 MB); Open Raw JSON shows the record.");
    return;
  }
  const uri = fileUriOf(shown.log, shown.log.model.store.file[shown.index]!);
  const at = new vscode.Position(source.line - 1, source.column - 1);
  try {
    await vscode.commands.executeCommand('vscode.openWith', uri, 'default', { selection: new vscode.Range(at, at), preview: false, viewColumn: vscode.ViewColumn.One });
  } catch (e) {
    void notify('error', `${baseName(uri)} could not be opened: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/** Opens the log the way it was open before (viewer or text editor), beside the panel's group. */
export async function openLog(uri: vscode.Uri, source: OpenLog['source'] | undefined, panelColumn: vscode.ViewColumn | undefined): Promise<void> {
  const viewColumn = panelColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Beside : vscode.ViewColumn.One;
  try {
    if (source === 'text') await vscode.window.showTextDocument(uri, { viewColumn, preview: false, preserveFocus: true });
    else if (source === 'viewer') await vscode.commands.executeCommand('vscode.openWith', uri, VIEW_TYPE, { viewColumn, preserveFocus: true });
    // Unknown: let the editor associations decide (the viewer for provisioning downloads).
    else await vscode.commands.executeCommand('vscode.open', uri, { viewColumn, preserveFocus: true });
  } catch (e) {
    void notify('error', `${baseName(uri)} could not be opened: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/** The event a navigation asks for: the previous/next in the cycle, or one of the same log; undefined when there is none. */
export function targetIndex(shown: Shown, m: Extract<PageMessage, { type: 'navigate' | 'goTo' }>): number | undefined {
  if (m.type === 'goTo') return m.index < shown.log.model.store.size ? m.index : undefined;
  return shown.log.model.neighbours(shown.index)[m.to];
}

/** The page's buttons that act on the shown event (or, for "open the log", on the awaited one). */
export async function runButton(
  m: Extract<PageMessage, { type: 'openLog' | 'copy' | 'openLink' | 'filter' }>,
  shown: Shown | undefined,
  target: DetailTarget | undefined,
  panelColumn: vscode.ViewColumn | undefined,
): Promise<void> {
  switch (m.type) {
    case 'openLog':
      if (target) await openLog(target.uri, target.source, panelColumn);
      return;
    case 'copy':
      if (shown) await copyField(shown, m.field);
      return;
    case 'openLink':
      if (shown) await openLink(shown, m.url);
      return;
    case 'filter':
      if (shown) await filterViewer(shown, m.by);
      return;
  }
}
