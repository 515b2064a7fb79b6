/**
 * Prettify for files too big to edit as text (VS Code gives extensions no document above 50 MB):
 * writes NAME.pretty.json beside the original, never over it (a free name is picked, and the file is
 * created exclusively), with a cancellable progress notification; cancelling removes the partial
 * file. Then opens the result as text.
 *
 * On `file:` URIs the bytes stream through Node's fs in 1 MB chunks, so neither the input nor the
 * output is ever whole in memory: workspace.fs can only read and write whole files, which for a
 * 250 MB download means 500 MB of buffers in the extension host. Other schemes (remote, virtual)
 * go through workspace.fs, chunked through the same prettifier so that cancel still answers.
 */
import { once } from 'node:events';
import { createReadStream, createWriteStream, promises as fsp } from 'node:fs';
import * as vscode from 'vscode';
import { concatBytes } from '../../core/read/bytes';
import { formatMegabytes } from '../../core/common/displayText';
import { toUtf8 } from '../../core/read/encoding';
import { createPrettifier, type PrettifyProblem } from '../../core/prettify/prettify';
import { baseName } from '../fileInputs';

const CHUNK = 1 << 20;

export interface PrettifyFileResult {
  target: vscode.Uri;
  problems: PrettifyProblem[];
  /** The input was UTF-16 (PowerShell) and the copy is UTF-8. */
  transcoded: boolean;
}

export type Step = (done: number, total: number) => void;

/** Writes the pretty copy and returns it, or undefined when cancelled. */
export async function prettifyToFile(source: vscode.Uri): Promise<PrettifyFileResult | undefined> {
  const size = (await vscode.workspace.fs.stat(source)).size;
  const target = await freeName(source);
  const name = baseName(target);
  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `Prettifying into ${name}`, cancellable: true },
    async (progress, token) => {
      let reported = 0;
      const step: Step = (done, total) => {
        const percent = total > 0 ? Math.min(100, (done / total) * 100) : 0;
        progress.report({ increment: percent - reported, message: `${formatMegabytes(done)} of ${formatMegabytes(total)}` });
        reported = percent;
      };
      const r = await writePrettyCopy(source, target, size, step, token);
      return r === undefined ? undefined : { target, ...r };
    },
  );
}

/**
 * Writes the pretty copy of `source` (of `size` bytes) to `target`, which must not exist; undefined
 * when cancelled. Each path removes only what it created itself, never a file that was there before.
 */
export async function writePrettyCopy(
  source: vscode.Uri,
  target: vscode.Uri,
  size: number,
  step: Step,
  token: vscode.CancellationToken,
): Promise<Omit<PrettifyFileResult, 'target'> | undefined> {
  return source.scheme === 'file' ? viaStreams(source.fsPath, target.fsPath, size, step, token) : viaWorkspaceFs(source, target, step, token);
}

/** `NAME.pretty.json`, else `NAME.pretty (2).json`, `(3)`, … whichever does not exist yet. */
export async function freeName(source: vscode.Uri): Promise<vscode.Uri> {
  const folder = vscode.Uri.joinPath(source, '..');
  const base = baseName(source).replace(/\.[^.]*$/, '');
  for (let k = 1; ; k++) {
    const candidate = vscode.Uri.joinPath(folder, `${base}.pretty${k === 1 ? '' : ` (${k})`}.json`);
    if (!(await exists(candidate))) return candidate;
  }
}

async function viaStreams(from: string, to: string, size: number, step: Step, token: vscode.CancellationToken): Promise<Omit<PrettifyFileResult, 'target'> | undefined> {
  const head = new Uint8Array(2);
  const fd = await fsp.open(from, 'r');
  try {
    await fd.read(head, 0, 2, 0);
  } finally {
    await fd.close();
  }
  // UTF-16 (Windows PowerShell's `>`) must be transcoded as a whole; such exports are small.
  const utf16 = (head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff);
  const whole = utf16 ? toUtf8(await fsp.readFile(from)).bytes : undefined;
  const input = whole !== undefined ? chunksOf(whole) : createReadStream(from, { highWaterMark: CHUNK });
  // `wx`: created here or not at all, so a file that appeared meanwhile is never overwritten.
  const out = createWriteStream(to, { flags: 'wx' });
  let created = false;
  out.once('open', () => (created = true));
  let r: { problems: PrettifyProblem[] } | undefined;
  try {
    r = await pump(input, whole?.length ?? size, out, step, token);
  } catch (e) {
    if (created) await fsp.rm(to, { force: true });
    throw e;
  } finally {
    if ('destroy' in input) input.destroy();
  }
  if (r === undefined) {
    if (created) await fsp.rm(to, { force: true });
    return undefined;
  }
  return { ...r, transcoded: utf16 };
}

/** Feeds chunks through the prettifier into `out`, waiting for the disk when it asks to. */
async function pump(
  chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  total: number,
  out: NodeJS.WritableStream & { destroy(): void },
  step: Step,
  token: vscode.CancellationToken,
): Promise<{ problems: PrettifyProblem[] } | undefined> {
  let pending: Uint8Array[] = [];
  const p = createPrettifier({ totalBytes: total, chunkSize: CHUNK, onProgress: step, shouldCancel: () => token.isCancellationRequested }, (c) => pending.push(c));
  const flush = async (): Promise<void> => {
    const parts = pending;
    pending = [];
    for (const c of parts) if (!out.write(c)) await once(out, 'drain');
  };
  try {
    await once(out, 'open');
    for await (const chunk of chunks) {
      if (!p.write(chunk) || token.isCancellationRequested) {
        out.destroy();
        return undefined;
      }
      await flush();
    }
    const r = p.end();
    if (r.cancelled) {
      out.destroy();
      return undefined;
    }
    await flush();
    out.end();
    await once(out, 'finish');
    return { problems: r.problems };
  } catch (e) {
    out.destroy();
    throw e;
  }
}

async function viaWorkspaceFs(from: vscode.Uri, to: vscode.Uri, step: Step, token: vscode.CancellationToken): Promise<Omit<PrettifyFileResult, 'target'> | undefined> {
  const utf8 = toUtf8(await vscode.workspace.fs.readFile(from));
  const parts: Uint8Array[] = [];
  const p = createPrettifier({ totalBytes: utf8.bytes.length, chunkSize: CHUNK, onProgress: step, shouldCancel: () => token.isCancellationRequested }, (c) => parts.push(c));
  for (const chunk of chunksOf(utf8.bytes)) {
    if (!p.write(chunk)) return undefined;
    // Let the progress notification and its Cancel button be served between chunks.
    await new Promise((resolve) => setImmediate(resolve));
  }
  const r = p.end();
  if (r.cancelled || token.isCancellationRequested) return undefined;
  if (await exists(to)) throw new Error(`${baseName(to)} appeared while prettifying; nothing was written.`);
  await vscode.workspace.fs.writeFile(to, concatBytes(parts));
  return { problems: r.problems, transcoded: utf8.encoding === 'utf-16le' || utf8.encoding === 'utf-16be' };
}

function* chunksOf(bytes: Uint8Array): Generator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += 4 * CHUNK) yield bytes.subarray(i, Math.min(bytes.length, i + 4 * CHUNK));
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}
