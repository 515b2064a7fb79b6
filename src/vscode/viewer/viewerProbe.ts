/**
 * What the integration tests may see of the viewer, and nothing more: the messages each document's
 * editors really posted to their pages and received from them (recorded at the postMessage and
 * onDidReceiveMessage boundary, so a test passes only if the page got it), with timestamps, and a
 * way to cancel a load as the notification's Cancel does. Created only when the extension runs under
 * tests and handed to them in the TestApi (../testSeams.ts); a user's VS Code never has one.
 */
import type * as vscode from 'vscode';
import type { FromViewer, ToViewer } from '../../shared/viewerProtocol';

const KEEP = 200;

export interface ProbeRecord<T> {
  at: number;
  message: T;
}

export interface ProbeEntry {
  posted: ProbeRecord<ToViewer>[];
  received: ProbeRecord<FromViewer>[];
  /** Phases of reading the file: opened, bytes read, preview ready, all read, … */
  marks: ProbeRecord<string>[];
}

export interface ViewerProbeApi {
  /** Records of one file (by uri string), undefined before its viewer opened. */
  entry(uri: string): ProbeEntry | undefined;
  /** The last message of that type posted to a page of the file. */
  lastPosted<T extends ToViewer['type']>(uri: string, type: T): Extract<ToViewer, { type: T }> | undefined;
  /** Cancels the load under way, exactly as the progress notification's Cancel button does. */
  cancelLoad(uri: string): boolean;
  /** Whether the file is being read right now. */
  isLoading(uri: string): boolean;
  /** Forgets everything recorded (between tests). */
  clear(): void;
}

export class ViewerProbe implements ViewerProbeApi {
  private readonly entries = new Map<string, ProbeEntry>();
  private readonly docs = new Map<string, { cancel(): void; readonly isLoading: boolean }>();

  posted(uri: vscode.Uri, message: ToViewer): void {
    push(this.at(uri).posted, { at: Date.now(), message });
  }

  received(uri: vscode.Uri, message: FromViewer): void {
    push(this.at(uri).received, { at: Date.now(), message });
  }

  mark(uri: vscode.Uri, phase: string): void {
    push(this.at(uri).marks, { at: Date.now(), message: phase });
  }

  /** The document of `uri` (undefined when it is disposed). */
  setDocument(uri: vscode.Uri, doc: { cancel(): void; readonly isLoading: boolean } | undefined): void {
    if (doc) this.docs.set(uri.toString(), doc);
    else this.docs.delete(uri.toString());
  }

  entry(uri: string): ProbeEntry | undefined {
    return this.entries.get(uri);
  }

  lastPosted<T extends ToViewer['type']>(uri: string, type: T): Extract<ToViewer, { type: T }> | undefined {
    const list = this.entries.get(uri)?.posted ?? [];
    for (let k = list.length - 1; k >= 0; k--) {
      const m = list[k]!.message;
      if (m.type === type) return m as Extract<ToViewer, { type: T }>;
    }
    return undefined;
  }

  cancelLoad(uri: string): boolean {
    const doc = this.docs.get(uri);
    if (!doc?.isLoading) return false;
    doc.cancel();
    return true;
  }

  isLoading(uri: string): boolean {
    return this.docs.get(uri)?.isLoading === true;
  }

  clear(): void {
    this.entries.clear();
  }

  private at(uri: vscode.Uri): ProbeEntry {
    const key = uri.toString();
    let e = this.entries.get(key);
    if (e === undefined) this.entries.set(key, (e = { posted: [], received: [], marks: [] }));
    return e;
  }
}

function push<T>(list: T[], item: T): void {
  list.push(item);
  if (list.length > KEEP) list.splice(0, list.length - KEEP);
}
