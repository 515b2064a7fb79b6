/**
 * Watches text documents (JSON, JSON Lines, CSV): one whose first lines look like a provisioning
 * log is read (in the worker) into the registry, again after edits (debounced), and removed when it
 * closes. Ordinary JSON costs one regular-expression test on its first 256 KB.
 */
import * as vscode from 'vscode';
import type { InputFile } from '../core/model/logData';
import { looksLikeProvisioningLog } from '../core/read/sniff';
import { baseName, gatherInputs } from './fileInputs';
import type { LogLoader } from '../node/logLoader';
import type { LogRegistry } from './logRegistry';
import { RAW_SCHEME } from './rawJsonDocument';

const DEBOUNCE_MS = 400;
const EXTENSIONS = /\.(json|jsonl|ndjson|csv|log|txt)$/i;
const LANGUAGES = new Set(['json', 'jsonc', 'jsonl', 'csv', 'plaintext', 'log']);
// provlog-raw: a record shown by Show raw JSON belongs to a log that already has its diagnostics.
const SKIPPED_SCHEMES = new Set([RAW_SCHEME, 'output', 'git', 'vscode-userdata', 'vscode-settings', 'debug', 'vscode-notebook-cell']);

export class TextLogTracker implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** Per document: the read under way, of which version. A read of the same version is joined, never restarted. */
  private readonly pending = new Map<string, { version: number; cts: vscode.CancellationTokenSource; done: Promise<void> }>();

  constructor(
    private readonly registry: LogRegistry,
    private readonly loader: LogLoader,
  ) {
    this.disposables.push(
      vscode.workspace.onDidOpenTextDocument((d) => this.schedule(d, 0)),
      vscode.workspace.onDidChangeTextDocument((e) => this.schedule(e.document, DEBOUNCE_MS)),
      vscode.workspace.onDidCloseTextDocument((d) => this.forget(d.uri)),
      // VS Code closes a document only some time after its last tab (or never, while an extension
      // holds it): the tabs say when the user closed the log, and when it was shown again.
      vscode.window.tabGroups.onDidChangeTabs((e) => this.tabsChanged(e)),
      vscode.window.onDidChangeActiveTextEditor(() => this.updateActive()),
      vscode.window.onDidChangeVisibleTextEditors(() => this.updateActive()),
    );
    for (const d of vscode.workspace.textDocuments) this.schedule(d, 0);
    this.updateActive();
  }

  /**
   * Reads a document now (hovers, code actions, tests): joins a read of the same text already under
   * way. (Restarting it let the debounced read that follows an edit cancel the hover's own read, and
   * the hover came back empty: the race of a loaded machine.)
   */
  async refresh(document: vscode.TextDocument): Promise<void> {
    await this.read(document);
  }

  private schedule(document: vscode.TextDocument, delay: number): void {
    if (!eligible(document)) return;
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        void this.read(document);
      }, delay),
    );
  }

  private read(document: vscode.TextDocument): Promise<void> {
    const key = document.uri.toString();
    const under = this.pending.get(key);
    if (under !== undefined && under.version === document.version && !document.isClosed) return under.done;
    under?.cts.cancel();
    if (document.isClosed) return Promise.resolve();
    const cts = new vscode.CancellationTokenSource();
    const entry = { version: document.version, cts, done: Promise.resolve() };
    entry.done = this.readOnce(document, cts).finally(() => {
      if (this.pending.get(key) === entry) this.pending.delete(key);
      cts.dispose();
    });
    this.pending.set(key, entry);
    return entry.done;
  }

  private async readOnce(document: vscode.TextDocument, cts: vscode.CancellationTokenSource): Promise<void> {
    const text = document.getText();
    if (!looksLikeProvisioningLog(text)) {
      this.registry.remove(document.uri, 'text');
      this.updateActive();
      return;
    }
    const version = document.version;
    const files = await inputsFor(document, text);
    const result = await this.loader.load(files, { token: cts.token });
    if (result.kind === 'cancelled' || document.isClosed || document.version !== version) return;
    if (result.model.store.size > 0 || result.model.data.problems.some((p) => p.code === 'truncated')) {
      this.registry.set(document.uri, 'text', result.model);
    } else {
      this.registry.remove(document.uri, 'text');
    }
    this.updateActive();
  }

  private forget(uri: vscode.Uri): void {
    const key = uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    this.pending.get(key)?.cts.cancel();
    this.registry.remove(uri, 'text');
    this.updateActive();
  }

  private tabsChanged(e: vscode.TabChangeEvent): void {
    const shown = new Set(vscode.window.tabGroups.all.flatMap((g) => g.tabs.map(textUriOf)).filter((u) => u !== undefined));
    for (const tab of e.closed) {
      const uri = textUriOf(tab);
      if (uri !== undefined && !shown.has(uri)) this.forget(vscode.Uri.parse(uri));
    }
    for (const tab of e.opened) {
      const uri = textUriOf(tab);
      const doc = uri === undefined ? undefined : vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri);
      if (doc !== undefined && this.registry.getFrom(doc.uri, 'text') === undefined) this.schedule(doc, 0);
    }
  }

  private updateActive(): void {
    const doc = vscode.window.activeTextEditor?.document;
    const isLog = doc !== undefined && this.registry.getFrom(doc.uri, 'text') !== undefined;
    void vscode.commands.executeCommand('setContext', 'provlog.activeTextIsLog', isLog);
    if (isLog) {
      this.registry.setActive(doc.uri, 'text');
      return;
    }
    // Focus in a webview (viewer, detail panel) leaves no active text editor but the log is still on
    // screen; once its editor is gone or another file is active, it is no longer the active log.
    const active = this.registry.active;
    if (active?.source !== 'text') return;
    const visible = vscode.window.visibleTextEditors.some((e) => e.document.uri.toString() === active.uri.toString());
    if (doc !== undefined || !visible) this.registry.setActive(undefined);
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    for (const p of this.pending.values()) p.cts.cancel();
    for (const d of this.disposables) d.dispose();
  }
}

function eligible(d: vscode.TextDocument): boolean {
  if (SKIPPED_SCHEMES.has(d.uri.scheme)) return false;
  return LANGUAGES.has(d.languageId) && (EXTENSIONS.test(d.uri.path) || d.isUntitled);
}

/** The document's current text; for a CSV, its trio siblings as they are on disk. */
async function inputsFor(document: vscode.TextDocument, text: string): Promise<InputFile[]> {
  const own: InputFile = { name: baseName(document.uri), bytes: new TextEncoder().encode(text) };
  if (!/\.csv$/i.test(document.uri.path) || document.isUntitled) return [own];
  try {
    const gathered = await gatherInputs(document.uri);
    return [own, ...gathered.files.slice(1)];
  } catch {
    return [own];
  }
}

/** The document a text editor tab shows, as a URI string. */
function textUriOf(tab: vscode.Tab): string | undefined {
  return tab.input instanceof vscode.TabInputText ? tab.input.uri.toString() : undefined;
}
