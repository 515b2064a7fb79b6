/**
 * Every provisioning log open in this window, from the viewer or from a text editor, and which one
 * is active. The tree, diagnostics, hovers, detail panel and commands read logs from here and talk to
 * the viewer through its events, so no adapter needs a reference to another.
 */
import * as vscode from 'vscode';
import type { LoadedLog } from '../core/log/loadedLog';
import type { ViewSort } from '../core/query/engine';
import { baseName } from './fileInputs';
import { type EventFilter } from '../core/common/filter';

export type LogSource = 'viewer' | 'text';

export interface OpenLog {
  readonly uri: vscode.Uri;
  readonly key: string;
  readonly source: LogSource;
  readonly model: LoadedLog;
  /** Increments each time the file is read again. */
  readonly version: number;
  readonly name: string;
  /** The file each loaded file (LogData.files) was read from, when the viewer knows them. */
  readonly files?: readonly vscode.Uri[];
}

/**
 * The file on disk of loaded file `file` (an index, or a name as problems give it): known for a
 * viewer's reading (a folder's blobs, a CSV's siblings); else a sibling of the log's file.
 */
export function fileUriOf(log: OpenLog, file: number | string | undefined): vscode.Uri {
  const files = log.model.data.files;
  const index = typeof file === 'number' ? file : file === undefined ? 0 : files.findIndex((f) => f.name === file);
  const known = log.files?.[index];
  if (known !== undefined) return known;
  if (index <= 0) return log.uri;
  const name = files[index]?.name ?? (typeof file === 'string' ? file : '');
  return vscode.Uri.joinPath(log.uri, '..', name);
}

export interface EventSelection {
  uri: vscode.Uri;
  index: number;
  /** Who selected it, so the origin does not react to its own selection. */
  origin: 'viewer' | 'tree' | 'detail' | 'command';
}

export interface FilterRequest {
  uri: vscode.Uri;
  filter: EventFilter;
  /** Replace the viewer's filters (true) or add to them (false). */
  replace: boolean;
}

/** The viewer's default order, the portal's: newest first. */
const NEWEST_FIRST: ViewSort = { key: 'time', dir: 'desc' };

export class LogRegistry implements vscode.Disposable {
  private readonly logs = new Map<string, OpenLog>();
  private versions = 0;
  private activeKey: string | undefined;
  private readonly pendingFilters = new Map<string, FilterRequest>();
  private readonly viewerFilters = new Map<string, { filter: EventFilter; sort: ViewSort }>();
  private readonly _onDidChangeLogs = new vscode.EventEmitter<void>();
  private readonly _onDidChangeActive = new vscode.EventEmitter<OpenLog | undefined>();
  private readonly _onDidSelectEvent = new vscode.EventEmitter<EventSelection>();
  private readonly _onDidRequestFilter = new vscode.EventEmitter<FilterRequest>();

  /** A log was added, read again or removed. */
  readonly onDidChangeLogs = this._onDidChangeLogs.event;
  readonly onDidChangeActive = this._onDidChangeActive.event;
  readonly onDidSelectEvent = this._onDidSelectEvent.event;
  readonly onDidRequestFilter = this._onDidRequestFilter.event;

  set(uri: vscode.Uri, source: LogSource, model: LoadedLog, files?: readonly vscode.Uri[]): OpenLog {
    const log: OpenLog = { uri, key: keyOf(uri, source), source, model, version: ++this.versions, name: baseName(uri), ...(files ? { files } : {}) };
    this.logs.set(log.key, log);
    this._onDidChangeLogs.fire();
    if (this.activeKey === log.key) {
      // Made active before it finished loading: now it exists, commands that need it may show.
      this.updateContext();
      this._onDidChangeActive.fire(log);
    }
    return log;
  }

  remove(uri: vscode.Uri, source: LogSource): void {
    const key = keyOf(uri, source);
    if (!this.logs.delete(key)) return;
    if (this.activeKey === key) this.setActive(undefined);
    this._onDidChangeLogs.fire();
  }

  /** The log for a file: the viewer's when it is open there, else the text editor's. */
  get(uri: vscode.Uri): OpenLog | undefined {
    return this.logs.get(keyOf(uri, 'viewer')) ?? this.logs.get(keyOf(uri, 'text'));
  }

  getFrom(uri: vscode.Uri, source: LogSource): OpenLog | undefined {
    return this.logs.get(keyOf(uri, source));
  }

  /** One entry per file (the viewer's when both are open), in the order they were opened. */
  all(): OpenLog[] {
    const out: OpenLog[] = [];
    const seen = new Set<string>();
    for (const log of this.logs.values()) {
      const best = this.get(log.uri)!;
      if (!seen.has(best.key)) {
        seen.add(best.key);
        out.push(best);
      }
    }
    return out;
  }

  get active(): OpenLog | undefined {
    return this.activeKey === undefined ? undefined : this.logs.get(this.activeKey);
  }

  setActive(uri: vscode.Uri | undefined, source?: LogSource): void {
    const key = uri === undefined ? undefined : source ? keyOf(uri, source) : this.get(uri)?.key;
    if (key === this.activeKey) return;
    this.activeKey = key;
    this.updateContext();
    this._onDidChangeActive.fire(this.active);
  }

  private updateContext(): void {
    void vscode.commands.executeCommand('setContext', 'provlog.activeLog', this.activeKey !== undefined && this.logs.has(this.activeKey));
  }

  selectEvent(selection: EventSelection): void {
    this._onDidSelectEvent.fire(selection);
  }

  /** Asks the viewer of `uri` to filter; kept until a viewer for it is ready to take it. */
  requestFilter(request: FilterRequest): void {
    this.pendingFilters.set(request.uri.toString(), request);
    this._onDidRequestFilter.fire(request);
  }

  /** The viewer tells what it currently shows, for commands that act on "the filtered events". */
  setViewerFilter(uri: vscode.Uri, filter: EventFilter | undefined, sort: ViewSort = NEWEST_FIRST): void {
    if (filter === undefined) this.viewerFilters.delete(uri.toString());
    else this.viewerFilters.set(uri.toString(), { filter, sort });
  }

  /** The filter of the viewer showing `uri` (none: every event). */
  viewerFilter(uri: vscode.Uri): EventFilter {
    return this.viewerFilters.get(uri.toString())?.filter ?? {};
  }

  /** The order of the viewer showing `uri`: exports and copies list events as it does (newest first without one). */
  viewerSort(uri: vscode.Uri): ViewSort {
    return this.viewerFilters.get(uri.toString())?.sort ?? NEWEST_FIRST;
  }

  /** The viewer takes the filter asked for before it was ready. */
  takePendingFilter(uri: vscode.Uri): FilterRequest | undefined {
    const r = this.pendingFilters.get(uri.toString());
    this.pendingFilters.delete(uri.toString());
    return r;
  }

  dispose(): void {
    this._onDidChangeLogs.dispose();
    this._onDidChangeActive.dispose();
    this._onDidSelectEvent.dispose();
    this._onDidRequestFilter.dispose();
  }
}

function keyOf(uri: vscode.Uri, source: LogSource): string {
  return `${source}:${uri.toString()}`;
}
