/**
 * For a log open in a text editor, choosing an event in the tree also selects its record in the
 * editor, as choosing it selects the row in the viewer. The store keeps each record's byte range in
 * the text it was read from (the document's text as UTF-8); PositionMapper turns it into a range.
 */
import * as vscode from 'vscode';
import type { OpenLog } from '../logRegistry';

/** Selects event `index`'s record in a visible editor of its document; false when none shows it. */
export function revealInTextEditor(log: OpenLog, index: number): boolean {
  if (log.source !== 'text') return false;
  const editor = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === log.uri.toString());
  const { store } = log.model;
  // Only the document's own file: a CSV's sibling files are not in this editor.
  if (editor === undefined || store.file[index] !== 0 || !(store.start[index]! >= 0)) return false;
  const mapper = log.model.positions.of(0);
  if (mapper === undefined) return false;
  const from = mapper.positionAt(store.start[index]!);
  const to = mapper.positionAt(store.end[index]!);
  const range = new vscode.Range(from.line - 1, from.column - 1, to.line - 1, to.column - 1);
  // The cursor at the record's start: a minified record is one very long selection otherwise.
  editor.selection = new vscode.Selection(range.start, range.start);
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return true;
}
