/**
 * The host's end of one detail webview: its HTML (from the one builder), the ready handshake,
 * validated messages from the page, and snapshot requests. The page is rebuilt whenever the panel
 * is hidden and shown again or moved (no retainContextWhenHidden), so `ready` can come many times;
 * each time it gets the newest content again. Content posted before that simply waits.
 */
import type * as vscode from 'vscode';
import { parsePageMessage, type ContentMessage, type DetailTab, type HostMessage, type PageMessage } from '../../shared/detailProtocol';
import { buildWebviewHtml, webviewOptions } from '../webviewHtml';
import { notify } from '../uiText';

export interface PageSnapshot {
  tab: DetailTab | null;
  text: string;
}

export class DetailPage implements vscode.Disposable {
  private ready = false;
  /** Whether the page has received `_lastPosted`: a page rebuilt later gets it without its one-off tab and focus. */
  private delivered = false;
  private requests = 0;
  private readonly snapshots = new Map<number, (s: PageSnapshot | undefined) => void>();
  private readonly disposables: vscode.Disposable[] = [];
  private _lastPosted: ContentMessage | undefined;
  /**
   * @param handle receives every valid message from the page except snapshot replies (taken here).
   */
  constructor(
    readonly panel: vscode.WebviewPanel,
    extensionUri: vscode.Uri,
    private readonly handle: (message: PageMessage) => Promise<void>,
  ) {
    const webview = panel.webview;
    webview.options = webviewOptions(extensionUri);
    webview.html = buildWebviewHtml(webview, extensionUri, {
      script: 'detail.js',
      styles: ['codicon.css', 'detail.css'],
      title: 'Change details',
    });
    this.disposables.push(
      webview.onDidReceiveMessage((raw: unknown) => void this.receive(raw)),
      // A hidden panel loses its page; it says `ready` again when shown.
      panel.onDidChangeViewState(() => {
        if (!panel.visible) this.ready = false;
      }),
    );
  }

  /** The last message posted (or waiting to be): a narrow hook for tests. */
  get lastPosted(): ContentMessage | undefined {
    return this._lastPosted;
  }

  get isReady(): boolean {
    return this.ready;
  }

  /** Shows content; before the page is ready it waits (only the newest is kept: older is obsolete). */
  post(message: ContentMessage): void {
    this._lastPosted = message;
    this.delivered = this.ready;
    if (this.ready) void this.panel.webview.postMessage(message);
  }

  /** What the page shows: its active tab and the visible text; undefined when it does not answer in time. */
  snapshot(timeoutMs = 5000): Promise<PageSnapshot | undefined> {
    const requestId = ++this.requests;
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.snapshots.delete(requestId);
        resolve(undefined);
      }, timeoutMs);
      this.snapshots.set(requestId, (s) => {
        clearTimeout(timer);
        resolve(s);
      });
      if (this.ready) void this.panel.webview.postMessage({ type: 'snapshot', requestId } satisfies HostMessage);
    });
  }

  /** A message as if the page had sent it; resolves when the owner has handled it. */
  inject(raw: unknown): Promise<void> {
    return this.receive(raw);
  }

  private async receive(raw: unknown): Promise<void> {
    const message = parsePageMessage(raw);
    if (message === undefined) return;
    switch (message.type) {
      case 'ready':
        this.ready = true;
        this.flush();
        break;
      case 'snapshot':
        this.snapshots.get(message.requestId)?.({ tab: message.tab, text: message.text });
        this.snapshots.delete(message.requestId);
        return;
      default:
        break;
    }
    try {
      await this.handle(message);
    } catch (e) {
      // A button's action failed: say so rather than leaving an unhandled rejection.
      void notify('error', `Provisioning Logs: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  private flush(): void {
    const message = this._lastPosted;
    if (message) {
      // The rebuilt page restores the user's tab itself; focus is not taken again.
      const again = this.delivered && message.type === 'show' ? { ...message, tab: undefined, focus: undefined } : message;
      void this.panel.webview.postMessage(again);
      this.delivered = true;
    }
    // Snapshot requests made while the page was loading.
    for (const requestId of this.snapshots.keys()) void this.panel.webview.postMessage({ type: 'snapshot', requestId } satisfies HostMessage);
  }

  dispose(): void {
    for (const resolve of this.snapshots.values()) resolve(undefined);
    this.snapshots.clear();
    for (const d of this.disposables) d.dispose();
  }
}
