/**
 * One viewer editor (a webview showing a ViewerDocument): the page's HTML, its ready handshake,
 * its queries, and the links to the rest of the extension: selection sync and filter requests
 * through the registry, details through the detail panel, copy and export through their commands.
 */
import * as vscode from 'vscode';
import { DerivedKey, type LoadedLog } from '../../core/log/loadedLog';
import { mergeFilters } from '../../core/common/filter';
import { TEXT_EDITOR_LIMIT, buildHeader, type HeaderInfo } from '../../core/views/viewer/header';
import { DEFAULT_SORT, ROW_PAGE, parseFromViewer, type FromViewer, type InitMessage, type QueryMessage, type ToViewer } from '../../shared/viewerProtocol';
import { config } from '../config';
import type { Deps } from '../deps';
import type { EventSelection, FilterRequest } from '../logRegistry';
import { buildWebviewHtml, webviewOptions } from '../webviewHtml';
import { readTableLayout, writeTableLayout } from './tableLayout';
import { copyEventId, exportShown, goToProblem, reopenAsText } from './viewerActions';
import type { DocumentState, ViewerDocument } from './viewerDocument';
import type { ViewerProbe } from './viewerProbe';
import { ViewerSession } from './viewerSession';
import { notify } from '../uiText';

/** The viewer's header of a log (files, format, problems), built once per log. */
const HEADER = new DerivedKey<HeaderInfo>('viewer header');

/** Above this, a log's first answer is not prepared ahead of the page (see prepare). */
const PREPARE_MAX_EVENTS = 50_000;

export type EditorDeps = Pick<Deps, 'context' | 'registry' | 'detail'>;

export class ViewerEditor implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private readonly session = new ViewerSession();
  private ready = false;
  private pendingFilter: FilterRequest | undefined;
  /** An event selected elsewhere while the page was hidden (a hidden webview drops messages). */
  private pendingSelect: number | undefined;
  /** The model the page was last initialised with. */
  private shown: LoadedLog | undefined;
  /** The page's first query after an init restores its view; later ones are the person's doing. */
  private initialQuery = false;
  /** The query the page sent with ready, answered after the first init that leaves its view as it was. */
  private readyQuery: QueryMessage | undefined;
  private kept = false;

  constructor(
    private readonly doc: ViewerDocument,
    private readonly panel: vscode.WebviewPanel,
    private readonly deps: EditorDeps,
    private readonly probe: ViewerProbe | undefined,
  ) {
    const { webview } = panel;
    const extensionUri = deps.context.extensionUri;
    webview.options = webviewOptions(extensionUri);
    probe?.mark(doc.uri, 'page asked for');
    webview.html = buildWebviewHtml(webview, extensionUri, { script: 'viewer.js', styles: ['codicon.css', 'viewer.css'], title: 'Provisioning Log Viewer' });
    this.disposables.push(
      webview.onDidReceiveMessage((raw: unknown) => this.receive(raw)),
      doc.onDidChangeState((s) => this.stateChanged(s)),
      deps.registry.onDidSelectEvent((s) => this.selected(s)),
      deps.registry.onDidRequestFilter((r) => this.filterRequested(r)),
      panel.onDidChangeViewState(() => this.activate()),
    );
    this.activate();
  }

  private post(message: ToViewer): void {
    this.probe?.posted(this.doc.uri, message);
    void this.panel.webview.postMessage(message);
  }

  private receive(raw: unknown): void {
    const msg = parseFromViewer(raw);
    if (msg === undefined) return;
    this.probe?.received(this.doc.uri, msg);
    this.handleSafely(msg);
  }

  private handleSafely(msg: FromViewer): void {
    this.handle(msg).catch((e: unknown) => {
      void notify('error', `Provisioning Log Viewer: ${e instanceof Error ? e.message : String(e)}`);
    });
  }

  private async handle(msg: FromViewer): Promise<void> {
    const model = this.doc.model;
    switch (msg.type) {
      case 'ready':
        this.probe?.mark(this.doc.uri, 'page ready');
        this.ready = true;
        this.shown = undefined;
        this.readyQuery = msg.query;
        this.sendState(this.doc.state);
        return;
      case 'query': {
        if (!model) return;
        if (this.initialQuery) this.initialQuery = false;
        else this.keep();
        const result = this.session.run(model, msg, config.dateWindowRelativeTo());
        this.post(result);
        this.deps.registry.setViewerFilter(this.doc.uri, this.session.filter, this.session.sort);
        return;
      }
      case 'rows': {
        const page = model && this.session.rows(model, msg.seq, msg.start, msg.count);
        if (page) this.post(page);
        return;
      }
      case 'select':
        this.keep();
        if (model && msg.index < model.store.size) this.deps.registry.selectEvent({ uri: this.doc.uri, index: msg.index, origin: 'viewer' });
        return;
      case 'open':
        if (model && msg.index < model.store.size) this.deps.detail.show(this.doc.uri, msg.index);
        return;
      case 'copyId':
        if (model) await copyEventId(model, msg.index, msg.field);
        return;
      case 'export':
        if (model) await exportShown(model, this.doc.uri, this.session);
        return;
      case 'setColumns':
        this.keep();
        await writeTableLayout(this.deps.context, { columns: msg.columns, widths: msg.widths });
        return;
      case 'goToProblem':
        if (model) await goToProblem(model, this.doc, msg.id);
        return;
      case 'reopenAsText':
        await reopenAsText(this.doc.uri);
        return;
      case 'reload':
        await this.doc.load('retry');
        return;
      case 'rendered':
        return;
    }
  }

  private stateChanged(s: DocumentState): void {
    if (s.kind === 'ready' || s.kind === 'preview') {
      this.activate();
      if (!this.ready) this.prepare(s.model);
    }
    if (this.ready) this.sendState(s);
  }

  /**
   * The page takes 0.3 s or more to boot, and the first rows of a log are read well before: meanwhile
   * the host answers a fresh page's first query once, for nothing, so that what the real one needs is
   * built and kept (header, facets, the sort order) and its code is warm. The page's own query then
   * takes a few milliseconds instead of tens.
   */
  private prepare(model: LoadedLog): void {
    // A log read whole before the page is up is small; a large one has a preview by then.
    if (model.store.size > PREPARE_MAX_EVENTS) return;
    this.headerOf(model);
    void model.facets;
    new ViewerSession().run(model, { seq: 0, filter: {}, sort: DEFAULT_SORT, start: 0, count: ROW_PAGE }, config.dateWindowRelativeTo());
  }

  /** The log's header: the first viewer to show a log names it; another tab of the same log shows the same one. */
  private headerOf(model: LoadedLog): HeaderInfo {
    return model.derived(HEADER, (log) => buildHeader(this.doc.name, log.data));
  }

  private sendState(s: DocumentState): void {
    const fileName = this.doc.name;
    switch (s.kind) {
      case 'loading':
        this.post({ type: 'loading', fileName, done: s.done, total: s.total });
        return;
      case 'notOpened':
        this.shown = undefined;
        this.session.reset();
        this.post({ type: 'notOpened', fileName, reason: s.reason, message: s.message });
        return;
      case 'preview':
        // Progress while previewing only updates the page's banner.
        if (this.shown === s.model) this.post({ type: 'loading', fileName, done: s.done, total: s.total });
        else this.init(s.model, false, { percent: s.percent, fileSize: s.fileSize });
        return;
      case 'ready':
        this.init(s.model, s.reloaded);
        return;
    }
  }

  private init(model: LoadedLog, reloaded: boolean, preview?: { percent: number; fileSize: number }): void {
    const started = performance.now();
    this.shown = model;
    this.session.reset();
    let header = this.headerOf(model);
    if (preview) header = previewHeader(header, preview.fileSize);
    const layout = readTableLayout(this.deps.context);
    const newest = model.query.newestTime;
    const msg: InitMessage = {
      type: 'init',
      header,
      facets: model.facets,
      columns: layout.columns,
      widths: layout.widths,
      newest: Number.isNaN(newest) ? null : newest,
      windowFrom: config.dateWindowRelativeTo(),
      timeZone: config.timeZone(),
      reloaded,
      canOpenAsText: (header.files[0]?.size ?? 0) <= TEXT_EDITOR_LIMIT,
    };
    if (preview) msg.preview = { percent: preview.percent };
    const pending = this.pendingFilter ?? this.deps.registry.takePendingFilter(this.doc.uri);
    this.pendingFilter = undefined;
    if (pending) msg.pendingFilter = { filter: pending.filter, replace: pending.replace };
    if (this.pendingSelect !== undefined && this.pendingSelect < model.store.size) msg.select = this.pendingSelect;
    this.pendingSelect = undefined;
    this.initialQuery = true;
    // As the page does: an unreadable log shows no table, a pending filter or selection makes a new query.
    const answer = this.readyQuery !== undefined && !header.unreadable && msg.pendingFilter === undefined && msg.select === undefined ? this.readyQuery : undefined;
    this.readyQuery = undefined;
    if (answer) msg.answered = answer.seq;
    this.probe?.mark(this.doc.uri, `init built in ${Math.round(performance.now() - started)} ms (${model.store.size} events)`);
    this.post(msg);
    if (answer) this.handleSafely(answer);
    if (!preview) this.warmText(model);
  }

  /** Lower-cases the file's strings in slices while idle, so the first search keystroke is fast. */
  private warmText(model: LoadedLog): void {
    const step = (): void => {
      if (this.shown !== model) return;
      if (!model.query.warm()) setTimeout(step, 0);
    };
    setTimeout(step, 50);
  }

  private selected(s: EventSelection): void {
    if (s.origin === 'viewer' || s.uri.toString() !== this.doc.uri.toString()) return;
    if (!this.ready || !this.shown || !this.panel.visible) {
      this.pendingSelect = s.index;
      return;
    }
    this.post({ type: 'reveal', seq: this.session.currentSeq, index: s.index, position: this.session.positionOf(s.index) });
  }

  private filterRequested(r: FilterRequest): void {
    if (r.uri.toString() !== this.doc.uri.toString()) return;
    // Taken here so that it is not applied again when the file is next opened.
    this.deps.registry.takePendingFilter(this.doc.uri);
    // Queued requests merge as the page merges two in a row: a new date range replaces an older window (and back).
    if (this.ready && this.shown && this.panel.visible) this.post({ type: 'applyFilter', filter: r.filter, replace: r.replace });
    else this.pendingFilter = this.pendingFilter && !r.replace ? { ...r, filter: mergeFilters(this.pendingFilter.filter, r.filter, false), replace: this.pendingFilter.replace } : r;
  }

  /**
   * Once the person has filtered, sorted or selected, a preview tab (a single click in the Explorer)
   * becomes a kept tab, as a text editor does on the first edit: the next single click elsewhere must
   * not throw their work away.
   */
  private keep(): void {
    if (this.kept || !this.panel.active) return;
    this.kept = true;
    void vscode.commands.executeCommand('workbench.action.keepEditor');
  }

  private activate(): void {
    if (this.panel.active && this.deps.registry.getFrom(this.doc.uri, 'viewer')) this.deps.registry.setActive(this.doc.uri, 'viewer');
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

/** The header of a preview speaks of the whole file, and not of the cut the preview made at its end. */
function previewHeader(h: HeaderInfo, fileSize: number): HeaderInfo {
  return {
    ...h,
    totalBytes: fileSize,
    files: h.files.map((f) => ({ ...f, size: fileSize })),
    problems: h.problems.filter((p) => p.code !== 'truncated'),
  };
}
