/**
 * Which registry log was read from exactly the text a document holds now. The tracker reads a
 * document a moment after each edit (debounced), so between an edit and that read the registry's
 * log describes older text: its byte ranges would point at the wrong places. Hovers and code
 * actions ask here, and read the document again when it is behind.
 */
import * as vscode from 'vscode';
import type { LoadedLog } from '../../core/log/loadedLog';
import type { Deps } from '../deps';
import type { OpenLog } from '../logRegistry';

export class CurrentTextLogs implements vscode.Disposable {
  /** Per document: the model the tracker last gave, and the document version it was read from. */
  private readonly seen = new Map<string, { model: LoadedLog; version: number }>();
  private readonly subscription: vscode.Disposable;

  constructor(private readonly deps: Pick<Deps, 'registry' | 'texts'>) {
    // The tracker sets a log right after checking the document is still at the version it read,
    // and the registry fires synchronously: here the document's version is the one the log is of.
    this.subscription = deps.registry.onDidChangeLogs(() => this.note());
    this.note();
  }

  /** The document's text log when it is of the document's current text. */
  current(document: vscode.TextDocument): OpenLog | undefined {
    const log = this.deps.registry.getFrom(document.uri, 'text');
    const seen = this.seen.get(document.uri.toString());
    return log !== undefined && seen?.model === log.model && seen.version === document.version ? log : undefined;
  }

  /** The current text log, reading the document again first when the registry's one is older. */
  async ensure(document: vscode.TextDocument): Promise<OpenLog | undefined> {
    const now = this.current(document);
    if (now !== undefined) return now;
    // Documents that are not logs are never read here: only a log that is behind its text.
    if (this.deps.registry.getFrom(document.uri, 'text') === undefined) return undefined;
    await this.deps.texts.refresh(document);
    return this.current(document);
  }

  private note(): void {
    const open = new Set<string>();
    for (const document of vscode.workspace.textDocuments) {
      const key = document.uri.toString();
      const log = this.deps.registry.getFrom(document.uri, 'text');
      if (log === undefined) continue;
      open.add(key);
      if (this.seen.get(key)?.model !== log.model) this.seen.set(key, { model: log.model, version: document.version });
    }
    for (const key of this.seen.keys()) if (!open.has(key)) this.seen.delete(key);
  }

  dispose(): void {
    this.subscription.dispose();
  }
}
