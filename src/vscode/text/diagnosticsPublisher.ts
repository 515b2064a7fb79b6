/**
 * One DiagnosticCollection for every provisioning log open in the window. A file open as text gets
 * the problems of its text (updated as the tracker re-reads it after edits, gone when it closes); a
 * file only the viewer has read (too large for a text document, or simply not open as text) gets
 * them from the viewer's parse, so the Problems panel lists them all the same. Settings apply per
 * file and take effect at once.
 */
import * as vscode from 'vscode';
import { PRECOMPUTED_DIAGNOSTICS, logDiagnostics, type DiagnosticSettings, type LogDiagnostic } from '../../core/views/editor/logDiagnostics';
import { config } from '../config';
import type { Deps } from '../deps';
import { fileUriOf, type OpenLog } from '../logRegistry';
import { isSetUri } from '../logSets';
import { uiText } from '../uiText';
import { AfterThisTask } from '../afterThisTask';

export const DIAGNOSTIC_SOURCE = 'Provisioning logs';

/** A published diagnostic and what it was made from, for code actions and "select the event". */
export interface PublishedDiagnostic {
  diagnostic: vscode.Diagnostic;
  item: LogDiagnostic;
  /** The log the item indexes into. */
  log: OpenLog;
}

interface Planned {
  uri: vscode.Uri;
  log: OpenLog;
  file: number;
}

const SEVERITY: Readonly<Record<LogDiagnostic['severity'], vscode.DiagnosticSeverity>> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

export class DiagnosticsPublisher implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('provlog');
  private readonly published = new Map<string, PublishedDiagnostic[]>();
  /** Computed diagnostics per log reading and settings; a log read again gets a new key. */
  private readonly cache = new Map<string, { key: string; byFile: Map<number, LogDiagnostic[]> }>();
  private readonly disposables: vscode.Disposable[];
  /** Handing a log's diagnostics to VS Code takes ~90 ms at 100,000 events: not inside the change that brought the log. */
  private readonly due = new AfterThisTask(() => this.refresh());

  constructor(private readonly deps: Pick<Deps, 'registry'>) {
    const later = (): void => this.due.schedule();
    this.disposables = [
      this.collection,
      this.due,
      deps.registry.onDidChangeLogs(later),
      // Whether a viewer-read file shows the viewer's problems depends on a text document being open.
      vscode.workspace.onDidOpenTextDocument(later),
      vscode.workspace.onDidCloseTextDocument(later),
      vscode.workspace.onDidSaveTextDocument(later),
      // VS Code disposes a closed document only some time after its tab closes; the tab is what people see go.
      vscode.window.tabGroups.onDidChangeTabs(later),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('provlog.diagnostics')) later();
      }),
    ];
    this.refresh();
  }

  /** What was published for a file (brought up to date first, when a change is waiting). */
  entries(uri: vscode.Uri): readonly PublishedDiagnostic[] {
    this.due.flush();
    return this.published.get(uri.toString()) ?? [];
  }

  /** The published entry for a diagnostic handed back by VS Code (code actions get copies, not our objects). */
  find(uri: vscode.Uri, diagnostic: vscode.Diagnostic): PublishedDiagnostic | undefined {
    const code = typeof diagnostic.code === 'object' ? String(diagnostic.code.value) : String(diagnostic.code ?? '');
    return this.entries(uri).find((p) => p.diagnostic.range.isEqual(diagnostic.range) && p.item.code === code && p.diagnostic.message === diagnostic.message);
  }

  refresh(): void {
    const next = new Map<string, PublishedDiagnostic[]>();
    const liveKeys = new Set<string>();
    for (const planned of this.plan()) {
      const key = planned.uri.toString();
      const settings = config.diagnosticSettings(planned.uri);
      if (settings === undefined) continue;
      liveKeys.add(planned.log.key);
      const items = this.compute(planned.log, settings).get(planned.file) ?? [];
      const before = this.published.get(key);
      // Same log reading, same settings: keep the very objects, so VS Code sees no change.
      const reuse = before !== undefined && before.length === items.length && before.every((p, k) => p.item === items[k] && p.log === planned.log);
      next.set(key, reuse ? before : items.map((item) => ({ diagnostic: toDiagnostic(item), item, log: planned.log })));
    }
    for (const key of this.published.keys()) if (!next.has(key)) this.collection.delete(vscode.Uri.parse(key));
    for (const [key, entries] of next) {
      if (this.published.get(key) !== entries) this.collection.set(vscode.Uri.parse(key), entries.map((e) => e.diagnostic));
    }
    this.published.clear();
    for (const [key, entries] of next) this.published.set(key, entries);
    for (const key of this.cache.keys()) if (!liveKeys.has(key)) this.cache.delete(key);
  }

  /**
   * Which log speaks for which file: a text document's own reading while a tab shows it; else the
   * viewer's, for the file and its CSV siblings, unless that file is open as text with unsaved edits.
   */
  private plan(): Planned[] {
    const { registry } = this.deps;
    const docs = new Map(vscode.workspace.textDocuments.map((d) => [d.uri.toString(), d]));
    const tabs = textTabs();
    const out = new Map<string, Planned>();
    for (const log of registry.all()) {
      const text = registry.getFrom(log.uri, 'text');
      if (text !== undefined && tabs.has(text.uri.toString())) out.set(text.uri.toString(), { uri: text.uri, log: text, file: 0 });
      const viewer = registry.getFrom(log.uri, 'viewer');
      if (viewer === undefined) continue;
      viewer.model.data.files.forEach((_f, file) => {
        const uri = fileUriOf(viewer, file);
        // A set's own URI is no file anyone edits: its problems go to the files they are in.
        if (isSetUri(uri)) return;
        const key = uri.toString();
        if (out.has(key) || docs.get(key)?.isDirty === true) return;
        out.set(key, { uri, log: viewer, file });
      });
    }
    return [...out.values()];
  }

  private compute(log: OpenLog, settings: DiagnosticSettings): Map<number, LogDiagnostic[]> {
    const { minimum, maxPerFile } = settings;
    const key = `${log.version}|${minimum}|${maxPerFile}`;
    const hit = this.cache.get(log.key);
    if (hit?.key === key) return hit.byFile;
    const byFile = new Map<number, LogDiagnostic[]>();
    for (const item of this.itemsOf(log, settings)) {
      let list = byFile.get(item.file);
      if (list === undefined) byFile.set(item.file, (list = []));
      list.push(item);
    }
    this.cache.set(log.key, { key, byFile });
    return byFile;
  }

  /** A viewer's reading usually comes with its diagnostics, worked out in the load worker. */
  private itemsOf(log: OpenLog, settings: DiagnosticSettings): LogDiagnostic[] {
    if (log.source === 'text') return logDiagnostics(log.model.data, { ...settings, files: new Set([0]) }, log.model.positions);
    const pre = log.model.known(PRECOMPUTED_DIAGNOSTICS);
    if (pre !== undefined && pre.settings.minimum === settings.minimum && pre.settings.maxPerFile === settings.maxPerFile) return pre.items;
    return logDiagnostics(log.model.data, settings, log.model.positions);
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

/** Files shown as text in some tab (also as either side of a diff). */
function textTabs(): Set<string> {
  const out = new Set<string>();
  for (const group of vscode.window.tabGroups.all) {
    for (const tab of group.tabs) {
      const input = tab.input;
      if (input instanceof vscode.TabInputText) out.add(input.uri.toString());
      else if (input instanceof vscode.TabInputTextDiff) {
        out.add(input.original.toString());
        out.add(input.modified.toString());
      }
    }
  }
  return out;
}

function toDiagnostic(item: LogDiagnostic): vscode.Diagnostic {
  const range = new vscode.Range(item.line - 1, item.column - 1, item.endLine - 1, item.endColumn - 1);
  const d = new vscode.Diagnostic(range, item.message, SEVERITY[item.severity]);
  d.source = DIAGNOSTIC_SOURCE;
  // The code is log text: one line, revealed, cut (the Problems code column and its link show it as is).
  const code = uiText(item.code, 80);
  d.code = item.docs !== undefined ? { value: code, target: vscode.Uri.parse(item.docs) } : code;
  return d;
}
