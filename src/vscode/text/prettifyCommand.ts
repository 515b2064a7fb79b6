/**
 * `provlog.prettify` (Prettify Provisioning Log). In a text editor: one undoable edit of the
 * document. From the viewer, or for a file given by URI that no editor shows as text: a pretty copy
 * beside it (the file may be too large to open as text), opened as text when done.
 */
import * as vscode from 'vscode';
import type { Deps } from '../deps';
import { baseName } from '../fileInputs';
import { isCsvFormat } from './logDocuments';
import { commandIndent, damageNote, isPrettifiable, prettifyEdit } from './prettifyDocument';
import { prettifyToFile } from './prettifyToFile';
import { notify } from '../uiText';

export function registerPrettifyCommand(deps: Pick<Deps, 'registry'>): vscode.Disposable {
  return vscode.commands.registerCommand('provlog.prettify', async (arg?: unknown) => {
    const uri = arg instanceof vscode.Uri ? arg : undefined;
    const active = vscode.window.activeTextEditor;
    if (uri === undefined && active !== undefined && isPrettifiable(deps, active.document)) return prettifyEditor(active);
    const target = uri ?? deps.registry.active?.uri;
    if (target === undefined) {
      void notify('info', 'Open a provisioning log (JSON) as text or in the viewer, then run Prettify Provisioning Log.');
      return undefined;
    }
    const shown = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === target.toString());
    if (shown !== undefined) return prettifyEditor(shown);
    const log = deps.registry.get(target);
    if (log !== undefined && isCsvFormat(log.model.data.format)) {
      void notify('info', `${log.name} is a CSV file: its rows are already one per line. Prettify is for JSON logs.`);
      return undefined;
    }
    return prettifyCopy(target);
  });
}

async function prettifyEditor(editor: vscode.TextEditor): Promise<boolean> {
  const { document } = editor;
  const { edit, problems } = prettifyEdit(document, commandIndent(editor));
  const damage = damageNote(problems);
  if (edit === undefined) {
    vscode.window.setStatusBarMessage('$(check) The log is already pretty', 3000);
    return false;
  }
  const applied = await editor.edit((b) => b.replace(edit.range, edit.newText), { undoStopBefore: true, undoStopAfter: true });
  if (applied && damage !== undefined) {
    void notify('warning', `Prettified, but the JSON is damaged at ${damage} Nothing was lost: every byte is still there.`);
  }
  return applied;
}

async function prettifyCopy(source: vscode.Uri): Promise<vscode.Uri | undefined> {
  let result;
  try {
    result = await prettifyToFile(source);
  } catch (e) {
    void notify('error', `Could not prettify ${baseName(source)}: ${e instanceof Error ? e.message : String(e)}`);
    return undefined;
  }
  if (result === undefined) return undefined;
  // As text: a name with "provisioning" in it would otherwise open in the viewer again.
  await vscode.commands.executeCommand('vscode.openWith', result.target, 'default');
  const notes: string[] = [];
  const damage = damageNote(result.problems);
  if (damage !== undefined) notes.push(`The JSON is damaged at ${damage} Every byte was still copied.`);
  if (result.transcoded) notes.push('The original is UTF-16 (PowerShell); the copy is UTF-8.');
  // Say where the new file went (beside the log, never over it), with a way to find it.
  const where = `Wrote a pretty copy of ${baseName(source)} to ${baseName(result.target)}, in the same folder.`;
  const reveal = 'Reveal in Explorer';
  void notify(notes.length > 0 ? 'warning' : 'info', [where, ...notes].join(' '), reveal).then((picked) => {
    if (picked === reveal) void vscode.commands.executeCommand('revealInExplorer', result.target);
  });
  return result.target;
}
