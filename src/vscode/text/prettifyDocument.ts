/**
 * Prettify inside a text editor: one edit that replaces the document's text with its pretty form
 * (undoable like any edit), lossless (only the white space between tokens changes), indented as the
 * editor is set (tab size, spaces or tabs) and with the document's line ends.
 *
 * Also a DocumentFormattingEditProvider, so that Format Document does the same. It is registered for
 * each document the tracker found to be a log, never for JSON in general: a second formatter for
 * every JSON file would make VS Code ask ordinary users to pick one.
 */
import * as vscode from 'vscode';
import { prettifyText, type PrettifyProblem } from '../../core/prettify/prettify';
import type { Deps } from '../deps';
import { baseName } from '../fileInputs';
import { isCsvFormat, isJsonLanguage } from './logDocuments';

export interface PrettifyOutcome {
  /** Undefined when the text is already pretty. */
  edit: vscode.TextEdit | undefined;
  problems: PrettifyProblem[];
}

export function prettifyEdit(document: vscode.TextDocument, options: { tabSize: number; insertSpaces: boolean }): PrettifyOutcome {
  const text = document.getText();
  const indent = options.insertSpaces ? Math.max(0, Math.min(10, Math.floor(options.tabSize))) : '\t';
  const eol = document.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n';
  const r = prettifyText(text, { indent, eol });
  if (r.cancelled || r.text === text) return { edit: undefined, problems: r.problems };
  const all = new vscode.Range(document.positionAt(0), document.positionAt(text.length));
  return { edit: vscode.TextEdit.replace(all, r.text), problems: r.problems };
}

/**
 * Indentation for the Prettify command: 2 spaces (JSON.stringify's and Microsoft's samples'), unless
 * the user chose one: editor.tabSize / editor.insertSpaces set in any settings scope (also for the
 * language), or this editor's indentation changed from the settings (the status bar's "Indent
 * Using…", or detected from a file that is already indented). Then the editor's. Format Document
 * instead always uses the FormattingOptions VS Code passes.
 */
export function commandIndent(editor: vscode.TextEditor): { tabSize: number; insertSpaces: boolean } {
  const { document } = editor;
  const settings = vscode.workspace.getConfiguration('editor', { uri: document.uri, languageId: document.languageId });
  const chosen = (key: string): boolean => {
    const i = settings.inspect(key);
    return i !== undefined && [i.globalValue, i.workspaceValue, i.workspaceFolderValue, i.globalLanguageValue, i.workspaceLanguageValue, i.workspaceFolderLanguageValue].some((v) => v !== undefined);
  };
  const tab = Number(editor.options.tabSize);
  const own = { tabSize: Number.isFinite(tab) && tab > 0 ? tab : 2, insertSpaces: editor.options.insertSpaces !== false && editor.options.insertSpaces !== 'false' };
  const changed = own.tabSize !== settings.get<number>('tabSize') || own.insertSpaces !== settings.get<boolean>('insertSpaces');
  return chosen('tabSize') || chosen('insertSpaces') || changed || isIndented(document) ? own : { tabSize: 2, insertSpaces: true };
}

/** Whether any of the first lines starts with white space (a minified download has none). */
function isIndented(document: vscode.TextDocument): boolean {
  for (let line = 0; line < Math.min(document.lineCount, 1000); line++) {
    const c = document.lineAt(line).text.charCodeAt(0);
    if (c === 0x20 || c === 0x09) return true;
  }
  return false;
}

/** One line for a message: where the first damage is. */
export function damageNote(problems: readonly PrettifyProblem[]): string | undefined {
  const first = problems.find((p) => p.severity === 'error') ?? problems[0];
  return first === undefined ? undefined : `line ${first.line}, column ${first.column}: ${first.message}`;
}

/** Whether the text of `document` is JSON prettify should format (a JSON log, or JSON before the tracker decided). */
export function isPrettifiable(deps: Pick<Deps, 'registry'>, document: vscode.TextDocument): boolean {
  const log = deps.registry.getFrom(document.uri, 'text');
  return log !== undefined ? !isCsvFormat(log.model.data.format) : isJsonLanguage(document.languageId);
}

/** Registers the formatting provider for each open document that is a JSON provisioning log. */
export class LogFormatters implements vscode.Disposable {
  private readonly registered = new Map<string, vscode.Disposable>();
  private readonly subscriptions: vscode.Disposable[];
  private readonly provider: vscode.DocumentFormattingEditProvider = {
    provideDocumentFormattingEdits: (document, options) => {
      if (!this.isJsonLog(document)) return [];
      const { edit } = prettifyEdit(document, options);
      return edit === undefined ? [] : [edit];
    },
  };

  constructor(private readonly deps: Pick<Deps, 'registry'>) {
    this.subscriptions = [deps.registry.onDidChangeLogs(() => this.update()), vscode.workspace.onDidCloseTextDocument(() => this.update())];
    this.update();
  }

  private isJsonLog(document: vscode.TextDocument): boolean {
    const log = this.deps.registry.getFrom(document.uri, 'text');
    return log !== undefined && !isCsvFormat(log.model.data.format);
  }

  private update(): void {
    const wanted = new Map<string, vscode.TextDocument>();
    for (const d of vscode.workspace.textDocuments) if (this.isJsonLog(d)) wanted.set(d.uri.toString(), d);
    for (const [key, registration] of this.registered) {
      if (!wanted.has(key)) {
        registration.dispose();
        this.registered.delete(key);
      }
    }
    for (const [key, document] of wanted) {
      if (this.registered.has(key)) continue;
      const selector = selectorFor(document);
      if (selector !== undefined) this.registered.set(key, vscode.languages.registerDocumentFormattingEditProvider(selector, this.provider));
    }
  }

  dispose(): void {
    for (const r of this.registered.values()) r.dispose();
    for (const s of this.subscriptions) s.dispose();
  }
}

/** A selector matching this one document: its folder and its name, glob characters escaped. */
function selectorFor(document: vscode.TextDocument): vscode.DocumentFilter | undefined {
  const uri = document.uri;
  const name = baseName(uri);
  // An untitled document has no folder to anchor a pattern to: Prettify Provisioning Log still works there.
  if (name === '' || document.isUntitled) return undefined;
  const escaped = name.replace(/[[{*?]/g, (c) => `[${c}]`);
  return { language: document.languageId, scheme: uri.scheme, pattern: new vscode.RelativePattern(vscode.Uri.joinPath(uri, '..'), escaped) };
}
