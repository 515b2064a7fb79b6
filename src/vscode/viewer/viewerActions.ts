/**
 * What the viewer page's buttons do on the host: copy an event's id, export the shown events, open
 * the file as text at a problem, reopen the file as text. Values are read from the model by index,
 * never taken from the page.
 */
import * as vscode from 'vscode';
import type { LoadedLog } from '../../core/log/loadedLog';
import { formatUtc } from '../../core/common/time';
import { describeFilter } from '../../core/common/filter';
import { TEXT_EDITOR_LIMIT } from '../../core/views/viewer/header';
import type { IdField } from '../../shared/viewerProtocol';
import { exportEvents } from '../exportFlow';
import { baseName } from '../fileInputs';
import type { ViewerDocument } from './viewerDocument';
import type { ViewerSession } from './viewerSession';
import { notify } from '../uiText';
import { VIEW_TYPE } from './viewType';

const ID_LABELS: Readonly<Record<IdField, string>> = { jobId: 'Job ID', cycleId: 'Cycle ID', changeId: 'Change ID' };

export async function copyEventId(model: LoadedLog, index: number, field: IdField): Promise<void> {
  if (index >= model.store.size) return;
  const text = model.store.get(field, index);
  const label = ID_LABELS[field];
  if (text === '') {
    void notify('info', `This event has no ${label}.`);
    return;
  }
  await vscode.commands.executeCommand('provlog.copyText', { text, label });
}

export async function exportShown(model: LoadedLog, source: vscode.Uri, session: ViewerSession): Promise<void> {
  const indices = session.indices;
  if (indices.length === 0) {
    void notify('info', 'No events are shown: change the filters to export some.');
    return;
  }
  await exportEvents({ model, source, indices, selection: describeFilter(session.filter, (t) => formatUtc(t)) });
}

/** Opens the file a problem is in as text, at the problem's line and column. */
export async function goToProblem(model: LoadedLog, doc: ViewerDocument, id: number): Promise<void> {
  const p = model.data.problems[id];
  if (p === undefined || p.line === undefined) return;
  const k = p.file === undefined ? 0 : model.data.files.findIndex((f) => f.name === p.file);
  const name = p.file ?? baseName(doc.uri);
  const uri = doc.inputs[Math.max(0, k)] ?? doc.uri;
  const size = model.data.files.find((f) => f.name === name)?.size ?? model.data.files[0]?.size ?? 0;
  if (size > TEXT_EDITOR_LIMIT) {
    void notify('info', `${name} is too large to open as text (VS Code's limit for extensions is 50 MB).`);
    return;
  }
  const at = new vscode.Position(p.line - 1, Math.max(0, (p.column ?? 1) - 1));
  await vscode.window.showTextDocument(uri, { selection: new vscode.Range(at, at), preview: false });
}

/** Replaces the viewer's tab of `uri` with the text editor (opens it beside nothing else). */
export async function reopenAsText(uri: vscode.Uri): Promise<void> {
  const isViewer = (input: unknown): boolean => input instanceof vscode.TabInputCustom && input.viewType === VIEW_TYPE;
  const column = findTab(uri, isViewer)?.group.viewColumn;
  await vscode.commands.executeCommand('vscode.openWith', uri, 'default', column ?? vscode.ViewColumn.Active);
  // Tab objects go stale when tabs change: look the old one up again after opening the new one.
  const old = column === undefined ? undefined : findTab(uri, isViewer, column);
  if (old) await vscode.window.tabGroups.close(old, true);
}

/** Replaces the text editor's tab of `uri` (unless it has unsaved changes) with the viewer. */
export async function openInViewer(uri: vscode.Uri): Promise<void> {
  const isText = (input: unknown): boolean => input instanceof vscode.TabInputText;
  const column = findTab(uri, isText)?.group.viewColumn;
  await vscode.commands.executeCommand('vscode.openWith', uri, VIEW_TYPE, column ?? vscode.ViewColumn.Active);
  const old = column === undefined ? undefined : findTab(uri, isText, column);
  if (old && !old.isDirty) await vscode.window.tabGroups.close(old, true);
}

/** The tab of `uri` whose input `kind` accepts: in group `column`, else the active group first. */
function findTab(uri: vscode.Uri, kind: (input: unknown) => boolean, column?: vscode.ViewColumn): vscode.Tab | undefined {
  const active = vscode.window.tabGroups.activeTabGroup;
  const all = vscode.window.tabGroups.all;
  const groups = column !== undefined ? all.filter((g) => g.viewColumn === column) : [active, ...all.filter((g) => g !== active)];
  for (const g of groups) {
    for (const t of g.tabs) if (kind(t.input) && inputUri(t.input)?.toString() === uri.toString()) return t;
  }
  return undefined;
}

function inputUri(input: unknown): vscode.Uri | undefined {
  return input instanceof vscode.TabInputCustom || input instanceof vscode.TabInputText ? input.uri : undefined;
}
