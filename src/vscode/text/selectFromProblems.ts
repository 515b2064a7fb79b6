/**
 * A click on a Problems-panel entry of a file that is also open in the viewer selects that event in
 * the viewer (and the tree and detail panel, which follow the registry's selection).
 *
 * VS Code tells extensions nothing about clicks in the Problems panel; what it does is open the
 * file in a text editor with the cursor at the diagnostic's start. So: when a text editor becomes
 * active or its cursor moves by anything other than typing, and the cursor stands inside one of the
 * ranges the publisher set for that file, the event of that diagnostic is selected
 * (origin 'command'). The same happens for a click on a squiggle, which is the same gesture. Files
 * above 50 MB are the exception: VS Code opens them without giving extensions the editor, so no
 * cursor can be seen (their events are reached through the viewer, tree and detail panel).
 */
import * as vscode from 'vscode';
import { sameEvent } from '../../core/views/editor/sameEvent';
import type { Deps } from '../deps';
import type { DiagnosticsPublisher } from './diagnosticsPublisher';

export function selectFromProblems(deps: Pick<Deps, 'registry'>, publisher: DiagnosticsPublisher): vscode.Disposable {
  let last = '';
  const consider = (editor: vscode.TextEditor | undefined): void => {
    if (editor === undefined) return;
    const uri = editor.document.uri;
    const viewer = deps.registry.getFrom(uri, 'viewer');
    if (viewer === undefined) return;
    const at = editor.selection.start;
    const hit = publisher.entries(uri).find((p) => p.item.index !== undefined && p.diagnostic.range.contains(at));
    if (hit?.item.index === undefined) {
      last = '';
      return;
    }
    const index = sameEvent(hit.log.model, hit.item.index, viewer.model);
    const key = `${uri.toString()}#${index}`;
    // Moving within the same code again is not a new selection.
    if (index === undefined || key === last) return;
    last = key;
    deps.registry.selectEvent({ uri, index, origin: 'command' });
  };
  return vscode.Disposable.from(
    // Once something else is selected, coming back to the same diagnostic selects it again.
    deps.registry.onDidSelectEvent((s) => {
      if (s.origin !== 'command') last = '';
    }),
    vscode.window.onDidChangeActiveTextEditor(consider),
    vscode.window.onDidChangeTextEditorSelection((e) => {
      if (e.kind !== vscode.TextEditorSelectionChangeKind.Keyboard) consider(e.textEditor);
    }),
  );
}
