/**
 * "Show raw JSON" / "Open Raw JSON": a record's text as a read-only virtual document (scheme
 * `provlog-raw`), never an untitled file: nothing asks to be saved on close, and the text log tracker
 * skips the scheme, so the record adds nothing to Problems (its log already has its diagnostics).
 */
import * as vscode from 'vscode';

export const RAW_SCHEME = 'provlog-raw';
/** Records kept for the content provider (an editor asks again when its tab is reopened). */
const KEPT = 50;

const texts = new Map<string, string>();
let serial = 0;

export function registerRawJsonDocuments(): vscode.Disposable {
  return vscode.workspace.registerTextDocumentContentProvider(RAW_SCHEME, {
    provideTextDocumentContent: (uri) => texts.get(uri.toString()) ?? '// This record is no longer available: open it again from the log.\n',
  });
}

/** The raw record's tab: `ProvisioningLogs.json · change 1b2c….json`. */
export function rawTitle(logName: string, changeId: string): string {
  return `${logName} · ${changeId ? `change ${changeId}` : 'record'}`;
}

/** Shows `text` (a record's JSON) read-only in `viewColumn`; `title` names the tab (log text: made path-safe here). */
export async function showRawJson(title: string, text: string, options: { viewColumn: vscode.ViewColumn; preview: boolean }): Promise<vscode.TextDocument> {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what must not reach a path
  const safe = title.replace(/[\\/*?"<>|:\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]+/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 100) || 'record';
  const uri = vscode.Uri.from({ scheme: RAW_SCHEME, path: `/${safe}.json`, query: `n=${++serial}` });
  texts.set(uri.toString(), text);
  if (texts.size > KEPT) texts.delete(texts.keys().next().value!);
  const doc = await vscode.workspace.openTextDocument(uri);
  if (doc.languageId !== 'json') await vscode.languages.setTextDocumentLanguage(doc, 'json');
  await vscode.window.showTextDocument(doc, options);
  return doc;
}
