/**
 * "Show Change Details" run without arguments (command palette, editor context menu): the event
 * under the cursor of the active text editor when it holds a log, else the event last selected in
 * the viewer or tree.
 */
import * as vscode from 'vscode';
import { eventAtOffset, utf8Length } from '../../core/views/detail/eventAtOffset';
import type { EventSelection, LogRegistry } from '../logRegistry';

export interface EventRef {
  uri: vscode.Uri;
  index: number;
}

/** The event whose text holds the cursor (or the nearest one before it) in `editor`. */
export function eventAtCursor(registry: Pick<LogRegistry, 'getFrom'>, editor: vscode.TextEditor | undefined): EventRef | undefined {
  if (editor === undefined) return undefined;
  const log = registry.getFrom(editor.document.uri, 'text');
  if (log === undefined) return undefined;
  const before = editor.document.getText(new vscode.Range(new vscode.Position(0, 0), editor.selection.active));
  const index = eventAtOffset(log.model.store, utf8Length(before));
  return index === undefined ? undefined : { uri: editor.document.uri, index };
}

export function eventToShow(registry: Pick<LogRegistry, 'getFrom' | 'get'>, lastSelection: EventSelection | undefined): EventRef | undefined {
  const atCursor = eventAtCursor(registry, vscode.window.activeTextEditor);
  if (atCursor) return atCursor;
  if (lastSelection && registry.get(lastSelection.uri)) return { uri: lastSelection.uri, index: lastSelection.index };
  return undefined;
}
