/**
 * The bytes to read for a log file: the file itself, and for a portal CSV file its siblings of the
 * trio from the same folder. Local files are read with Node in chunks into shared memory (no 2 GiB
 * limit, and the reader's threads share them); others through `workspace.fs`, so remote and
 * virtual file systems work.
 */
import * as vscode from 'vscode';
import { findCsvSiblings } from '../core/read/csv/csvSiblings';
import { toUtf8 } from '../core/read/encoding';
import type { InputFile } from '../core/model/logData';
import { readShared } from '../node/readShared';

export interface GatheredInputs {
  files: InputFile[];
  uris: vscode.Uri[];
  totalBytes: number;
}

/** `onHead` sees the start of the file (a view) as soon as its first chunk is read. */
export async function gatherInputs(uri: vscode.Uri, onHead?: (head: Uint8Array, size: number) => void): Promise<GatheredInputs> {
  const bytes = await readBytes(uri, onHead);
  const name = baseName(uri);
  if (!looksLikeCsv(bytes)) return { files: [{ name, bytes }], uris: [uri], totalBytes: bytes.byteLength };
  const folder = vscode.Uri.joinPath(uri, '..');
  let names: string[] = [];
  try {
    names = (await vscode.workspace.fs.readDirectory(folder)).filter(([, t]) => t === vscode.FileType.File).map(([n]) => n);
  } catch {
    // A folder we may not list (virtual file systems): read the one file.
  }
  const trio = findCsvSiblings(name, names);
  const files: InputFile[] = [{ name, bytes }];
  const uris = [uri];
  for (const sibling of [trio.main, trio.steps, trio.modified]) {
    if (sibling === undefined || sibling === name) continue;
    const u = vscode.Uri.joinPath(folder, sibling);
    try {
      files.push({ name: sibling, bytes: await readBytes(u) });
      uris.push(u);
    } catch {
      // A sibling that vanished between listing and reading: the reader says what is missing.
    }
  }
  return { files, uris, totalBytes: files.reduce((n, f) => n + f.bytes.byteLength, 0) };
}

async function readBytes(uri: vscode.Uri, onHead?: (head: Uint8Array, size: number) => void): Promise<Uint8Array> {
  if (uri.scheme !== 'file') {
    const bytes = await vscode.workspace.fs.readFile(uri);
    onHead?.(bytes, bytes.byteLength);
    return bytes;
  }
  let told = false;
  return readShared(uri.fsPath, (_done, size, head) => {
    if (told) return;
    told = true;
    onHead?.(head, size);
  });
}

/** JSON starts with `{` or `[`; anything else is treated as CSV (the reader decides for sure). */
function looksLikeCsv(bytes: Uint8Array): boolean {
  const head = toUtf8(bytes.subarray(0, 64)).bytes;
  for (const c of head) {
    if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) continue;
    return c !== 0x7b && c !== 0x5b;
  }
  return false;
}

export function baseName(uri: vscode.Uri): string {
  const path = uri.path;
  return path.slice(path.lastIndexOf('/') + 1);
}
