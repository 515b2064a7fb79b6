/**
 * One log file open in the viewer (shared by every editor showing it): its load state, its model in
 * the registry while open, and watchers that read it again when it (or a CSV sibling) changes on
 * disk. The document lives from openCustomDocument until VS Code disposes it with its last editor.
 */
import * as vscode from 'vscode';
import type { LoadedLog } from '../../core/log/loadedLog';
import { baseName } from '../fileInputs';
import type { LogLoader } from '../../node/logLoader';
import type { LogRegistry } from '../logRegistry';
import { specOf } from '../logSets';
import { loadForViewer } from './viewerLoad';

export type DocumentState =
  | { kind: 'loading'; done: number; total: number }
  /** The start of a large file, while the rest is read. */
  | { kind: 'preview'; model: LoadedLog; percent: number; fileSize: number; done: number; total: number }
  | { kind: 'ready'; model: LoadedLog; reloaded: boolean }
  | { kind: 'notOpened'; reason: 'cancelled' | 'declined' | 'failed'; message: string };

const RELOAD_DEBOUNCE_MS = 300;
/**
 * A file that keeps growing (a query or a pull writing into it) changes more often than the debounce: it is
 * read again at least this often, so its rows show while it grows.
 */
const FOLLOW_MAX_WAIT_MS = 1500;

export class ViewerDocument implements vscode.CustomDocument {
  private _state: DocumentState = { kind: 'loading', done: 0, total: 0 };
  private readonly _onDidChangeState = new vscode.EventEmitter<DocumentState>();
  /** Load state changed: loading progress, preview, ready (again), not opened. */
  readonly onDidChangeState = this._onDidChangeState.event;
  private watchers: vscode.Disposable[] = [];
  private watched = '';
  private loading: vscode.CancellationTokenSource | undefined;
  private reloadTimer: NodeJS.Timeout | undefined;
  /** When the oldest change not yet read again happened (0: none pending). */
  private changedSince = 0;
  /** The file changed while it was being read again: read it once more when that read ends. */
  private changedWhileReloading = false;
  private disposed = false;
  /** The files read for this document (the file, and its CSV siblings). */
  inputs: vscode.Uri[];

  constructor(
    readonly uri: vscode.Uri,
    private readonly loader: LogLoader,
    private readonly registry: LogRegistry,
    private readonly onDispose?: () => void,
    private readonly mark?: (phase: string) => void,
  ) {
    this.inputs = [uri];
  }

  get state(): DocumentState {
    return this._state;
  }

  get name(): string {
    return baseName(this.uri);
  }

  /** The model to show: the full one, or the preview while the rest is read. */
  get model(): LoadedLog | undefined {
    return this._state.kind === 'ready' || this._state.kind === 'preview' ? this._state.model : undefined;
  }

  /** Reads the file; `why` decides whether to ask first (only on open) and whether to say "reloaded". */
  async load(why: 'open' | 'reload' | 'retry'): Promise<void> {
    this.loading?.cancel();
    const cts = new vscode.CancellationTokenSource();
    this.loading = cts;
    const wasReady = this._state.kind === 'ready';
    if (!wasReady) this.setState({ kind: 'loading', done: 0, total: 0 });
    // Watched before it is read: a file that grows during its first read (a query's output opens after its
    // first rows) is read again. A set of chosen files is watched once the read says which files they are.
    if (specOf(this.uri)?.kind !== 'files') this.watch();
    const outcome = await loadForViewer({
      uri: this.uri,
      loader: this.loader,
      token: cts.token,
      cancel: () => cts.cancel(),
      confirm: why === 'open',
      callbacks: {
        ...(this.mark ? { mark: this.mark } : {}),
        progress: (done, total) => {
          if (this.loading !== cts || wasReady) return;
          const s = this._state;
          this.setState(s.kind === 'preview' ? { ...s, done, total } : { kind: 'loading', done, total });
        },
        preview: (model, percent, fileSize) => {
          if (this.loading !== cts || wasReady) return;
          const s = this._state;
          const done = s.kind === 'loading' ? s.done : 0;
          const total = s.kind === 'loading' ? s.total : 0;
          this.registry.set(this.uri, 'viewer', model);
          this.setState({ kind: 'preview', model, percent, fileSize, done, total });
        },
      },
    });
    if (this.loading !== cts || this.disposed) return;
    this.loading = undefined;
    cts.dispose();
    this.inputs = outcome.uris;
    this.mark?.(`read: ${outcome.kind}`);
    this.watch();
    if (outcome.kind === 'loaded') {
      const before = performance.now();
      this.registry.set(this.uri, 'viewer', outcome.model, outcome.uris);
      this.mark?.(`in the registry (other views took ${Math.round(performance.now() - before)} ms to react)`);
      this.setState({ kind: 'ready', model: outcome.model, reloaded: why === 'reload' && wasReady });
      void this.noticeChangeDuringRead(outcome.uris, outcome.model);
    } else if (!(wasReady && outcome.reason === 'cancelled')) {
      // A cancelled reload keeps what is shown; anything else leaves nothing to show.
      this.registry.remove(this.uri, 'viewer');
      this.setState({ kind: 'notOpened', reason: outcome.reason, message: outcome.message });
    }
    // Changes during the read: read again, unless the person declined or cancelled it (the state says so now).
    if (this.changedWhileReloading) {
      this.changedWhileReloading = false;
      this.scheduleReload();
    }
  }

  /** Stops the load under way (the notification's Cancel, the page, tests). */
  cancel(): void {
    this.loading?.cancel();
  }

  get isLoading(): boolean {
    return this.loading !== undefined;
  }

  private setState(s: DocumentState): void {
    this._state = s;
    this._onDidChangeState.fire(s);
  }

  /** Watches the files read (and, for a CSV download, siblings that appear later). */
  private watch(): void {
    const key = this.inputs.map((u) => u.toString()).join('|');
    if (key === this.watched) return;
    this.disposeWatchers();
    this.watched = key;
    const spec = specOf(this.uri);
    if (spec?.kind === 'folder') {
      // Any file added, changed or removed under the folder (a new hourly blob) is read again.
      const w = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(spec.folder, '**/*'));
      const changed = (): void => this.scheduleReload();
      this.watchers.push(w, w.onDidChange(changed), w.onDidCreate(changed), w.onDidDelete(changed));
      return;
    }
    const folders = new Map<string, vscode.Uri>();
    for (const u of this.inputs) folders.set(vscode.Uri.joinPath(u, '..').toString(), vscode.Uri.joinPath(u, '..'));
    const csv = /\.csv$/i.test(this.uri.path);
    const names = new Set(this.inputs.map(baseName));
    for (const folder of folders.values()) {
      const pattern = new vscode.RelativePattern(folder, csv ? '*.csv' : spec ? '*' : this.name);
      const w = vscode.workspace.createFileSystemWatcher(pattern);
      const changed = (u: vscode.Uri): void => {
        const n = baseName(u);
        if (names.has(n) || (csv && /^ProvisioningLogs.*\.csv$/i.test(n))) this.scheduleReload();
      };
      this.watchers.push(w, w.onDidChange(changed), w.onDidCreate(changed));
    }
  }

  /**
   * A watcher starts listening a moment after it is created: a file that changed right after it was
   * opened (a query's output, written on) can change before that, unseen. Its size on disk now,
   * against the size that was read, tells. (Only a lone local file: a set's files are many, and their
   * folder watcher covers them.)
   */
  private async noticeChangeDuringRead(uris: readonly vscode.Uri[], model: LoadedLog): Promise<void> {
    const file = uris.length === 1 && uris[0]!.scheme === 'file' && model.data.files.length === 1 ? uris[0]! : undefined;
    if (file === undefined) return;
    try {
      const { size } = await vscode.workspace.fs.stat(file);
      if (size !== model.data.files[0]!.size && this.model === model) this.scheduleReload();
    } catch {
      // Gone or unreadable: the watcher reports a deletion, and the next read says what is wrong.
    }
  }

  /** A file the person chose not to read (declined, cancelled) is not read behind their back. */
  private mayReload(): boolean {
    return !this.disposed && !(this._state.kind === 'notOpened' && this._state.reason !== 'failed');
  }

  private scheduleReload(): void {
    if (!this.mayReload()) return;
    const now = Date.now();
    if (this.changedSince === 0) this.changedSince = now;
    clearTimeout(this.reloadTimer);
    // Debounced, but never put off beyond FOLLOW_MAX_WAIT_MS after the first change: a growing file shows its rows.
    const wait = Math.max(0, Math.min(RELOAD_DEBOUNCE_MS, this.changedSince + FOLLOW_MAX_WAIT_MS - now));
    this.reloadTimer = setTimeout(() => this.reloadNow(), wait);
  }

  private reloadNow(): void {
    // Checked again: the read under way when this was scheduled may have ended declined or cancelled since.
    if (!this.mayReload()) return;
    // A read under way finishes (it shows rows) and is followed by another, rather than being cancelled by
    // each append: otherwise a file that grows faster than it is read would never show.
    if (this.loading !== undefined) {
      this.changedWhileReloading = true;
      return;
    }
    this.changedSince = 0;
    void this.load('reload');
  }

  private disposeWatchers(): void {
    for (const d of this.watchers) d.dispose();
    this.watchers = [];
    this.watched = '';
  }

  dispose(): void {
    this.disposed = true;
    clearTimeout(this.reloadTimer);
    this.loading?.cancel();
    this.disposeWatchers();
    this.registry.remove(this.uri, 'viewer');
    this._onDidChangeState.dispose();
    this.onDispose?.();
  }
}
