/**
 * The bytes to read for a log file, through `workspace.fs` (so remote and virtual file systems
 * work): the file itself, and for a portal CSV file its siblings of the trio from the same folder.
 */
import * as vscode from 'vscode';
import { findCsvSiblings } from '../core/read/csv/csvSiblings';
import { toUtf8 } from '../core/read/encoding';
import type { InputFile } from '../core/model/logData';

export interface GatheredInputs {
  files: InputFile[];
  uris: vscode.Uri[];
  totalBytes: number;
}

export async function gatherInputs(uri: vscode.Uri): Promise<GatheredInputs> {
  const bytes = await vscode.workspace.fs.readFile(uri);
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
      files.push({ name: sibling, bytes: await vscode.workspace.fs.readFile(u) });
      uris.push(u);
    } catch {
      // A sibling that vanished between listing and reading: the reader says what is missing.
    }
  }
  return { files, uris, totalBytes: files.reduce((n, f) => n + f.bytes.byteLength, 0) };
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
