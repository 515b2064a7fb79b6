/**
 * Reading a log for the viewer: ask before very large files, fetch the bytes (with CSV siblings),
 * parse in the worker behind a cancellable notification, and for large JSON files first parse just
 * their beginning, as soon as it is read from disk, so that rows are on screen while the rest is
 * read and parsed (a 2.5 GB file takes a minute). Never throws: every outcome is a LoadOutcome.
 */
import * as vscode from 'vscode';
import type { InputFile } from '../../core/model/logData';
import { LoadedLog } from '../../core/log/loadedLog';
import { readLog } from '../../core/read/readLog';
import { formatBytes } from '../../core/common/displayText';
import { config } from '../config';
import { baseName, gatherInputs } from '../fileInputs';
import { gatherSet, specOf } from '../logSets';
import type { LogLoader } from '../../node/logLoader';
import { askModal } from '../uiText';

/** Files above this get a preview of their start first. */
export const PREVIEW_ABOVE = 8 * 1024 * 1024;
/** How much of the start the preview reads (~400 portal records: more than a screenful). */
export const PREVIEW_BYTES = 1024 * 1024;
/** The notification appears only for loads that take longer than this. */
const NOTIFY_AFTER_MS = 400;

export type LoadOutcome =
  | { kind: 'loaded'; model: LoadedLog; uris: vscode.Uri[] }
  | { kind: 'notOpened'; reason: 'cancelled' | 'declined' | 'failed'; message: string; uris: vscode.Uri[] };

export interface LoadCallbacks {
  /** Bytes parsed so far (0/0 while the bytes are fetched). */
  progress(done: number, total: number): void;
  /** The start of the file is readable: show it while the rest is parsed. */
  preview(model: LoadedLog, percent: number, fileSize: number): void;
  /** A phase of the load was reached (for the test probe's timeline). */
  mark?(phase: string): void;
}

export interface LoadRequest {
  uri: vscode.Uri;
  loader: LogLoader;
  token: vscode.CancellationToken;
  /** Cancels the load (the notification's Cancel button calls it). */
  cancel(): void;
  /** Ask before files above the configured size (not when the person asked to reload). */
  confirm: boolean;
  callbacks: LoadCallbacks;
}

export async function loadForViewer(req: LoadRequest): Promise<LoadOutcome> {
  const name = baseName(req.uri);
  const uris = [req.uri];
  let size: number;
  try {
    size = (await vscode.workspace.fs.stat(req.uri)).size;
  } catch (e) {
    return { kind: 'notOpened', reason: 'failed', message: `${name} could not be read: ${describe(e)}`, uris };
  }
  const limit = config.confirmAboveBytes();
  if (req.confirm && limit > 0 && size > limit) {
    const open = 'Open';
    const choice = await askModal(
      `${name} is ${formatBytes(size)}. Reading it takes a while and needs about as much memory again. Open it in the Provisioning Log Viewer?`,
      'The limit is the setting provlog.viewer.confirmAboveMB.',
      open,
    );
    if (choice !== open) return { kind: 'notOpened', reason: 'declined', message: `${name} (${formatBytes(size)}) was not opened.`, uris };
  }
  if (req.token.isCancellationRequested) return cancelled(name, uris);
  req.callbacks.progress(0, 0);

  let finished = false;
  // The first rows come from the file's first chunk, read while the rest is still coming from disk.
  const onHead = (head: Uint8Array, total: number): void => {
    if (total > PREVIEW_ABOVE && startsLikeJson(head)) preview(req, name, head, total, () => finished);
  };
  let inputs: { files: InputFile[]; uris: vscode.Uri[]; totalBytes: number };
  const set = specOf(req.uri);
  try {
    inputs = set ? await gatherSet(set) : await gatherInputs(req.uri, onHead);
  } catch (e) {
    return { kind: 'notOpened', reason: 'failed', message: `${name} could not be read: ${describe(e)}`, uris };
  }
  if (req.token.isCancellationRequested) return cancelled(name, inputs.uris);
  req.callbacks.mark?.(`bytes read (${inputs.totalBytes})`);

  let notifyProgress: ((done: number, total: number) => void) | undefined;
  let finish: () => void = () => undefined;
  const done = new Promise<void>((resolve) => (finish = resolve));
  const notify = setTimeout(() => {
    const title = `Reading ${name} (${formatBytes(inputs.totalBytes)})`;
    void showProgress(title, req.cancel, done, (report) => (notifyProgress = report));
  }, NOTIFY_AFTER_MS);
  try {
    const settings = config.diagnosticSettings(req.uri);
    // The reader keeps the files of a set that are logs; say which file each of them is.
    const byName = new Map(inputs.files.map((f, k) => [f.name, inputs.uris[k]!]));
    const result = await req.loader.load(inputs.files, {
      token: req.token,
      ...(set ? { selectLogs: true } : {}),
      threads: config.loadThreads(),
      ...(settings ? { diagnostics: settings } : {}),
      onProgress: (d, t) => {
        req.callbacks.progress(d, t);
        notifyProgress?.(d, t);
      },
    });
    if (result.kind === 'cancelled') return cancelled(name, inputs.uris);
    req.callbacks.mark?.(`read in ${result.ranges} range(s)`);
    const uris = set ? result.model.data.files.map((f) => byName.get(f.name) ?? req.uri) : inputs.uris;
    return { kind: 'loaded', model: result.model, uris };
  } finally {
    finished = true;
    clearTimeout(notify);
    finish();
  }
}

/**
 * Parses the first PREVIEW_BYTES of `head` (the start of a file of `total` bytes) right here: a few
 * hundred records take milliseconds, less than starting a worker would.
 */
function preview(req: LoadRequest, name: string, head: Uint8Array, total: number, finished: () => boolean): void {
  // A copy (the model keeps its bytes: a view would keep the whole file), of even length so that a
  // UTF-16 file is not cut inside a code unit.
  const slice = new Uint8Array(head.subarray(0, PREVIEW_BYTES & ~1));
  let model: LoadedLog;
  try {
    model = new LoadedLog(readLog([{ name, bytes: slice }]));
  } catch {
    return; // readLog does not throw by design; without a preview the full read still follows
  }
  req.callbacks.mark?.(`preview parsed (${model.store.size} events)`);
  if (!finished() && !req.token.isCancellationRequested && model.store.size > 0) {
    req.callbacks.preview(model, Math.floor((slice.byteLength / total) * 100), total);
  }
}

/** A cancellable notification with a percentage, until `done` settles. */
async function showProgress(
  title: string,
  cancel: () => void,
  done: Promise<void>,
  attach: (report: (done: number, total: number) => void) => void,
): Promise<void> {
  await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, async (progress, token) => {
    const sub = token.onCancellationRequested(cancel);
    let reported = 0;
    attach((d, t) => {
      const percent = t > 0 ? Math.floor((d / t) * 100) : 0;
      if (percent > reported) {
        progress.report({ increment: percent - reported, message: `${percent}%` });
        reported = percent;
      }
    });
    try {
      await done;
    } finally {
      sub.dispose();
    }
  });
}

function cancelled(name: string, uris: vscode.Uri[]): LoadOutcome {
  return { kind: 'notOpened', reason: 'cancelled', message: `Reading ${name} was cancelled.`, uris };
}

function startsLikeJson(bytes: Uint8Array): boolean {
  for (let k = 0; k < Math.min(bytes.length, 64); k++) {
    const c = bytes[k]!;
    // Skip white space, a UTF-8 BOM and the zero bytes of UTF-16.
    if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09 || c === 0 || c === 0xef || c === 0xbb || c === 0xbf || c === 0xff || c === 0xfe) continue;
    return c === 0x7b || c === 0x5b;
  }
  return false;
}

function describe(e: unknown): string {
  if (e instanceof vscode.FileSystemError) return e.code === 'FileNotFound' ? 'the file does not exist (any more)' : e.message;
  return e instanceof Error ? e.message : String(e);
}
