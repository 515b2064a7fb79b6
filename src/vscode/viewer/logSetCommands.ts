/**
 * "Open Folder as Provisioning Log" (a folder's context menu in the Explorer, or the palette, which
 * asks for a folder) and "Open Together in Provisioning Log Viewer" (several files selected in the
 * Explorer, or the palette, which asks for files): one viewer over all of them.
 */
import * as vscode from 'vscode';
import { setUri, SET_SCHEME, type SetSpec } from '../logSets';
import { VIEW_TYPE } from './viewType';

export function registerLogSetCommands(): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand('provlog.openFolder', async (arg: unknown) => {
      let folder = arg instanceof vscode.Uri ? arg : undefined;
      folder ??= (await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, canSelectMany: false, openLabel: 'Open as Provisioning Log', ...defaultUri() }))?.[0];
      if (folder === undefined) return;
      const stat = await statOf(folder);
      if (stat !== undefined && (stat.type & vscode.FileType.Directory) === 0) {
        // A file chosen from the Explorer: open it the usual way.
        await vscode.commands.executeCommand('vscode.openWith', folder, VIEW_TYPE);
        return;
      }
      await openSet({ kind: 'folder', folder });
    }),
    vscode.commands.registerCommand('provlog.openTogether', async (arg: unknown, all: unknown) => {
      let files = Array.isArray(all) ? all.filter((u): u is vscode.Uri => u instanceof vscode.Uri) : arg instanceof vscode.Uri ? [arg] : [];
      if (files.length === 0) {
        files = (await vscode.window.showOpenDialog({ canSelectMany: true, canSelectFiles: true, canSelectFolders: false, openLabel: 'Open Together', ...defaultUri() })) ?? [];
      }
      if (files.length === 0) return;
      if (files.length === 1) {
        await vscode.commands.executeCommand('vscode.openWith', files[0], VIEW_TYPE);
        return;
      }
      await openSet({ kind: 'files', files });
    }),
  );
}

export async function openSet(spec: SetSpec): Promise<vscode.Uri> {
  const uri = setUri(spec);
  await vscode.commands.executeCommand('vscode.openWith', uri, VIEW_TYPE);
  return uri;
}

async function statOf(uri: vscode.Uri): Promise<vscode.FileStat | undefined> {
  try {
    return await vscode.workspace.fs.stat(uri);
  } catch {
    return undefined;
  }
}

function defaultUri(): { defaultUri?: vscode.Uri } {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  return folder && folder.scheme !== SET_SCHEME ? { defaultUri: folder } : {};
}
