/**
 * The detail panel: one reusable webview beside the editor that reads one change in the portal's
 * four tabs. `show` reuses and reveals it; it follows the selection of the viewer and tree while
 * visible; it survives a window reload (serializer + the page's state) and waits for its log when
 * that is not open yet; it says so when the log closes and refreshes when the log is read again.
 */
import * as vscode from 'vscode';
import type { DetailTab, PageMessage } from '../../shared/detailProtocol';
import { parseDetailState } from '../../shared/detailProtocol';
import { notify, uiText } from '../uiText';
import { WORKBENCH_LIMITS } from '../../core/common/safeText';
import type { EventSelection, LogRegistry } from '../logRegistry';
import { webviewOptions } from '../webviewHtml';
import { goToRecord, openRawJson, runButton, targetIndex, type Shown } from './detailActions';
import { NOTHING, resolveTarget, stateFor, targetOf, type DetailTarget } from './detailContent';
import { DetailPage, type PageSnapshot } from './detailPage';
import { eventToShow } from './eventAtCursor';
import { config } from '../config';

export const DETAIL_VIEW_TYPE = 'provlog.detail';
const FOLLOW_DELAY_MS = 120;

export interface ShowOptions {
  /** Keep the keyboard where it is (default: opened from a list). Commands pass false. */
  preserveFocus?: boolean;
  /** Open on this tab instead of the one the user last chose. */
  tab?: DetailTab;
}

export interface RenderedEvent {
  uri: string;
  index: number;
  tab: DetailTab;
}

export class DetailPanel implements vscode.Disposable {
  private page: DetailPage | undefined;
  private pageDisposables: vscode.Disposable[] = [];
  private target: DetailTarget | undefined;
  private shown: Shown | undefined;
  /** Whether the target's log was open at some point: a missing log is then "closed", not "not open yet". */
  private wasLoaded = false;
  private tab: DetailTab = 'steps';
  /** The user picked `tab` (the page then keeps it for every change it shows). */
  private tabChosen = false;
  private lastSelection: EventSelection | undefined;
  private followTimer: NodeJS.Timeout | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly _onDidRender = new vscode.EventEmitter<RenderedEvent>();
  /** The page has drawn an event (tests wait on it; it proves the page got and rendered the message). */
  readonly onDidRender = this._onDidRender.event;

  private constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly registry: LogRegistry,
  ) {
    this.disposables.push(
      this._onDidRender,
      registry.onDidSelectEvent((s) => this.follow(s)),
      registry.onDidChangeLogs(() => this.onLogsChanged()),
    );
  }

  /** What VS Code calls after a window reload to give back the panel (tests call it the same way). */
  readonly serializer: vscode.WebviewPanelSerializer<unknown> = {
    deserializeWebviewPanel: (panel, state) => {
      this.restore(panel, state);
      return Promise.resolve();
    },
  };

  static register(context: vscode.ExtensionContext, registry: LogRegistry): DetailPanel {
    const detail = new DetailPanel(context.extensionUri, registry);
    detail.disposables.push(vscode.window.registerWebviewPanelSerializer(DETAIL_VIEW_TYPE, detail.serializer));
    return detail;
  }

  /** Shows event `index` of the log at `uri`, in the one panel (created beside the editor, else revealed). */
  show(uri: vscode.Uri, index: number, options: ShowOptions = {}): void {
    const preserveFocus = options.preserveFocus ?? true;
    this.setTarget({ uri, index });
    if (this.page !== undefined) {
      try {
        this.page.panel.reveal(this.page.panel.viewColumn, preserveFocus);
      } catch {
        // Closed a moment ago and VS Code has not told us yet: start a new panel.
        this.forgetPanel(this.page);
        this.setTarget({ uri, index });
      }
    }
    if (this.page === undefined) this.adopt(this.createPanel(preserveFocus));
    this.render(options.tab, !preserveFocus);
  }

  /** "Show Change Details" without arguments: the event at the cursor of a log open as text, else the last selected one. */
  showFromContext(): boolean {
    const ref = eventToShow(this.registry, this.lastSelection);
    if (ref === undefined) {
      void notify('info', 
        'Put the cursor inside a record of a provisioning log open as text, or select a change in the viewer or tree, then run Show Change Details.',
      );
      return false;
    }
    this.show(ref.uri, ref.index, { preserveFocus: false });
    this.registry.selectEvent({ uri: ref.uri, index: ref.index, origin: 'detail' });
    return true;
  }

  /** Opens the shown record as JSON beside the panel ("Show raw JSON"). */
  /** The page's "Go to record": the shown record's own file, as text, at the record. */
  async goToRecord(): Promise<void> {
    if (this.shown) await goToRecord(this.shown);
  }

  async openRawJson(): Promise<vscode.TextDocument | undefined> {
    return this.shown ? openRawJson(this.shown, this.page?.panel.viewColumn) : undefined;
  }

  // ── For tests and diagnostics: what the panel is and shows ──

  get panel(): vscode.WebviewPanel | undefined {
    return this.page?.panel;
  }

  get lastPosted(): DetailPage['lastPosted'] {
    return this.page?.lastPosted;
  }

  get currentTab(): DetailTab {
    return this.tab;
  }

  snapshot(): Promise<PageSnapshot | undefined> {
    return this.page?.snapshot() ?? Promise.resolve(undefined);
  }

  /** Handles `raw` exactly as if the page had sent it (validated the same way): integration tests drive the host with it. */
  fromPage(raw: unknown): Promise<void> {
    return this.page?.inject(raw) ?? Promise.resolve();
  }

  // ── Panel lifecycle ──

  private createPanel(preserveFocus: boolean): vscode.WebviewPanel {
    const panel = vscode.window.createWebviewPanel(
      DETAIL_VIEW_TYPE,
      'Change details',
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus },
      { ...webviewOptions(this.extensionUri), enableFindWidget: true },
    );
    return panel;
  }

  private adopt(panel: vscode.WebviewPanel): void {
    panel.iconPath = vscode.Uri.joinPath(this.extensionUri, 'media', 'provlog.svg');
    const page = new DetailPage(panel, this.extensionUri, (m) => this.receive(m));
    this.page = page;
    this.pageDisposables = [page, panel.onDidDispose(() => this.forgetPanel(page))];
  }

  /** After a window reload VS Code hands back the panel with the state the page saved. */
  private restore(panel: vscode.WebviewPanel, state: unknown): void {
    if (this.page !== undefined) {
      // A `show` got here first: keep one panel.
      panel.dispose();
      return;
    }
    this.adopt(panel);
    const s = parseDetailState(state);
    if (s !== undefined) {
      this.tab = s.tab;
      this.tabChosen = s.tabChosen === true;
      this.target = targetOf(s);
      this.wasLoaded = false;
    }
    // The page has its own copy of the state; forcing the chosen tab makes sure both agree.
    this.render(s?.tabChosen ? s.tab : undefined);
  }

  private forgetPanel(page: DetailPage): void {
    if (this.page !== page) return;
    for (const d of this.pageDisposables) d.dispose();
    this.pageDisposables = [];
    this.page = undefined;
    this.shown = undefined;
    this.target = undefined;
  }

  private setTarget(ref: { uri: vscode.Uri; index: number }): void {
    this.target = { uri: ref.uri, index: ref.index };
    this.wasLoaded = this.registry.get(ref.uri) !== undefined;
  }

  /** Puts the target on the page: its event, or why it cannot be shown. */
  private render(tab?: DetailTab, focus = false): void {
    const page = this.page;
    if (page === undefined) return;
    if (this.target === undefined) {
      this.shown = undefined;
      page.post({ type: 'empty', empty: NOTHING });
      page.panel.title = 'Change details';
      return;
    }
    const r = resolveTarget(this.registry, this.target, this.wasLoaded);
    if (r.kind === 'empty') {
      this.shown = undefined;
      page.post({ type: 'empty', empty: r.empty, state: stateFor(this.target, this.tab, this.tabChosen) });
      page.panel.title = 'Change details';
      return;
    }
    this.wasLoaded = true;
    this.target = { uri: this.target.uri, index: r.index, id: r.view.id, changeId: r.view.changeId, source: r.log.source };
    this.shown = { log: r.log, index: r.index, view: r.view };
    page.post({ type: 'show', view: r.view, source: r.log.source, timeZone: config.timeZone(), ...(tab ? { tab } : {}), ...(focus ? { focus } : {}) });
    page.panel.title = `Change: ${uiText(r.view.header.identity || 'details', WORKBENCH_LIMITS.panelTitle)}`;
  }

  // ── Events ──

  private follow(selection: EventSelection): void {
    if (selection.origin !== 'detail') this.lastSelection = selection;
    if (selection.origin === 'detail' || this.page === undefined || !this.page.panel.visible) return;
    clearTimeout(this.followTimer);
    this.followTimer = setTimeout(() => {
      const same = this.shown && this.shown.log.uri.toString() === selection.uri.toString() && this.shown.index === selection.index;
      if (same || this.page === undefined) return;
      this.setTarget(selection);
      this.render();
    }, FOLLOW_DELAY_MS);
  }

  private onLogsChanged(): void {
    if (this.target === undefined || this.page === undefined) return;
    const log = this.registry.get(this.target.uri);
    // The same OpenLog object means the same reading of the file: nothing to redraw.
    if (log !== undefined && log === this.shown?.log) return;
    if (log === undefined && this.shown === undefined && !this.wasLoaded) return;
    this.render();
  }

  private async receive(m: PageMessage): Promise<void> {
    switch (m.type) {
      case 'ready':
        // A page rebuilt after hiding gets the current content from DetailPage; a restored one may know more.
        if (this.target === undefined && m.state !== null) {
          this.target = targetOf(m.state);
          this.tab = m.state.tab;
          this.tabChosen = m.state.tabChosen === true;
          this.render();
        } else if (this.page?.lastPosted === undefined) this.render();
        return;
      case 'rendered':
        this.tab = m.tab;
        this._onDidRender.fire({ uri: m.uri, index: m.index, tab: m.tab });
        return;
      case 'tab':
        this.tab = m.tab;
        this.tabChosen = true;
        return;
      case 'navigate':
      case 'goTo':
        return this.navigate(m);
      case 'openRaw':
        await this.openRawJson();
        return;
      case 'goToRecord':
        await this.goToRecord();
        return;
      case 'openLog':
      case 'copy':
      case 'openLink':
      case 'filter':
        return runButton(m, this.shown, this.target, this.page?.panel.viewColumn);
      case 'snapshot':
        return;
      case 'error':
        console.error(`[provlog] detail page: ${m.message}`);
        return;
    }
  }

  private navigate(m: Extract<PageMessage, { type: 'navigate' | 'goTo' }>): void {
    const shown = this.shown;
    const index = shown && targetIndex(shown, m);
    if (shown === undefined || index === undefined) return;
    this.setTarget({ uri: shown.log.uri, index });
    this.render();
    this.registry.selectEvent({ uri: shown.log.uri, index, origin: 'detail' });
  }

  dispose(): void {
    clearTimeout(this.followTimer);
    this.page?.panel.dispose();
    for (const d of this.pageDisposables) d.dispose();
    for (const d of this.disposables) d.dispose();
  }
}
