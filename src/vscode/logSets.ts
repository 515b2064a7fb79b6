/**
 * A log made of several files, opened in one viewer: a folder (a storage account's diagnostic
 * export, one PT1H.json blob an hour) or files chosen together in the Explorer. The viewer needs
 * one stable URI per such log, so it gets one of this extension's scheme, `provlog-set:/LABEL?SPEC`,
 * naming the folder or the files; the same folder gives the same URI, so opening it again finds its
 * tab. A read-only file system answers for the scheme (Reopen as Text shows the list of files).
 */
import * as vscode from 'vscode';
import { comparePaths, MAX_FOLDER_DEPTH, MAX_FOLDER_FILES } from '../core/read/folderLog';
import type { InputFile } from '../core/model/logData';
import { baseName } from './fileInputs';
import { uiText } from './uiText';

export const SET_SCHEME = 'provlog-set';

export type SetSpec = { kind: 'folder'; folder: vscode.Uri } | { kind: 'files'; files: vscode.Uri[] };

interface WireSpec {
  folder?: string;
  files?: string[];
}

export function isSetUri(uri: vscode.Uri): boolean {
  return uri.scheme === SET_SCHEME;
}

export function setUri(spec: SetSpec): vscode.Uri {
  const wire: WireSpec = spec.kind === 'folder' ? { folder: spec.folder.toString() } : { files: spec.files.map((u) => u.toString()).sort() };
  return vscode.Uri.from({ scheme: SET_SCHEME, path: `/${labelOf(spec)}`, query: JSON.stringify(wire) });
}

/** The folder or files a set URI names; undefined for any other URI or a damaged query. */
export function specOf(uri: vscode.Uri): SetSpec | undefined {
  if (!isSetUri(uri)) return undefined;
  try {
    const wire = JSON.parse(uri.query) as WireSpec;
    if (typeof wire.folder === 'string') return { kind: 'folder', folder: vscode.Uri.parse(wire.folder, true) };
    if (Array.isArray(wire.files) && wire.files.every((f) => typeof f === 'string')) return { kind: 'files', files: wire.files.map((f) => vscode.Uri.parse(f, true)) };
  } catch {
    // A hand-made or damaged URI: not a set.
  }
  return undefined;
}

/**
 * The tab title: the folder's name, or the first file's and how many more. Names are hostile text
 * (a folder called "…\u202Egnp.json"): controls and direction marks are shown, slashes replaced.
 */
function labelOf(spec: SetSpec): string {
  const clean = (s: string): string => uiText(s, 80).replace(/[/\\]/g, '∕');
  if (spec.kind === 'folder') return `${clean(baseName(spec.folder) || spec.folder.path)} (folder)`;
  const first = spec.files[0];
  const more = spec.files.length - 1;
  return first === undefined ? 'no files' : `${clean(baseName(first))}${more > 0 ? ` + ${more} more` : ''}`;
}

/** Where files of a set live: the folder, or the first file's folder (save dialogs start there). */
export function homeFolder(uri: vscode.Uri): vscode.Uri {
  const spec = specOf(uri);
  if (spec === undefined) return vscode.Uri.joinPath(uri, '..');
  if (spec.kind === 'folder') return spec.folder;
  return spec.files[0] ? vscode.Uri.joinPath(spec.files[0], '..') : vscode.Uri.file('/');
}

export interface GatheredSet {
  files: InputFile[];
  uris: vscode.Uri[];
  totalBytes: number;
}

/** Every file of the set, read: a folder recursively, named by their path under it. */
export async function gatherSet(spec: SetSpec): Promise<GatheredSet> {
  const listed = spec.kind === 'folder' ? await filesUnder(spec.folder) : namedFiles(spec.files);
  const files: InputFile[] = [];
  const uris: vscode.Uri[] = [];
  for (const { name, uri } of listed) {
    try {
      files.push({ name, bytes: await vscode.workspace.fs.readFile(uri) });
      uris.push(uri);
    } catch {
      // Gone between listing and reading: nothing to read, nothing to lose.
    }
  }
  return { files, uris, totalBytes: files.reduce((n, f) => n + f.bytes.byteLength, 0) };
}

interface Named {
  name: string;
  uri: vscode.Uri;
}

async function filesUnder(folder: vscode.Uri): Promise<Named[]> {
  const out: Named[] = [];
  const walk = async (dir: vscode.Uri, prefix: string, depth: number): Promise<void> => {
    if (depth > MAX_FOLDER_DEPTH || out.length > MAX_FOLDER_FILES) return;
    let entries: [string, vscode.FileType][];
    try {
      entries = await vscode.workspace.fs.readDirectory(dir);
    } catch {
      return;
    }
    for (const [name, type] of entries.sort((a, b) => comparePaths(a[0], b[0]))) {
      const uri = vscode.Uri.joinPath(dir, name);
      // Symbolic links to folders are not followed: an export tree has none, and they can loop.
      if (type === vscode.FileType.Directory) await walk(uri, `${prefix}${name}/`, depth + 1);
      else if ((type & vscode.FileType.File) !== 0 && (type & vscode.FileType.SymbolicLink) === 0) out.push({ name: `${prefix}${name}`, uri });
    }
  };
  await walk(folder, '', 0);
  return out.slice(0, MAX_FOLDER_FILES);
}

/**
 * Base names, with as many parent folders in front as it takes to tell files apart (two hourly
 * blobs are both `PT1H.json`, under `h=13/m=00/` and `h=15/m=00/`).
 */
function namedFiles(files: readonly vscode.Uri[]): Named[] {
  const parts = files.map((u) => u.path.split('/').filter((x) => x !== ''));
  const depth = parts.map(() => 1);
  const nameAt = (k: number): string => parts[k]!.slice(-depth[k]!).join('/');
  for (let round = 0; round < 64; round++) {
    const counts = new Map<string, number>();
    files.forEach((_, k) => counts.set(nameAt(k), (counts.get(nameAt(k)) ?? 0) + 1));
    let grew = false;
    files.forEach((_, k) => {
      if ((counts.get(nameAt(k)) ?? 0) > 1 && depth[k]! < parts[k]!.length) {
        depth[k]!++;
        grew = true;
      }
    });
    if (!grew) break;
  }
  return files.map((uri, k) => ({ name: nameAt(k), uri }));
}

/** Answers for the scheme: a set "file" is a short text listing what it is made of. */
export class LogSetFileSystem implements vscode.FileSystemProvider {
  private readonly emitter = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.emitter.event;

  static register(): vscode.Disposable {
    return vscode.workspace.registerFileSystemProvider(SET_SCHEME, new LogSetFileSystem(), { isReadonly: true, isCaseSensitive: true });
  }

  /** The size is that of the files together, so the viewer asks before reading a huge folder. */
  async stat(uri: vscode.Uri): Promise<vscode.FileStat> {
    const spec = specOf(uri);
    if (spec === undefined) throw vscode.FileSystemError.FileNotFound(uri);
    const listed = spec.kind === 'folder' ? await filesUnder(spec.folder) : namedFiles(spec.files);
    let size = 0;
    let mtime = 0;
    for (const { uri: file } of listed) {
      try {
        const st = await vscode.workspace.fs.stat(file);
        size += st.size;
        mtime = Math.max(mtime, st.mtime);
      } catch {
        // Gone since listing: it adds nothing.
      }
    }
    return { type: vscode.FileType.File, ctime: 0, mtime, size, permissions: vscode.FilePermission.Readonly };
  }

  readFile(uri: vscode.Uri): Uint8Array {
    const spec = specOf(uri);
    if (spec === undefined) throw vscode.FileSystemError.FileNotFound(uri);
    const lines =
      spec.kind === 'folder'
        ? ['A provisioning log made of every log file under this folder:', spec.folder.toString(true)]
        : ['A provisioning log made of these files:', ...spec.files.map((f) => f.toString(true))];
    return new TextEncoder().encode(lines.join('\n') + '\n');
  }

  watch(): vscode.Disposable {
    return new vscode.Disposable(() => undefined);
  }

  readDirectory(): [string, vscode.FileType][] {
    return [];
  }

  createDirectory(uri: vscode.Uri): void {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  writeFile(uri: vscode.Uri): void {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  delete(uri: vscode.Uri): void {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  rename(uri: vscode.Uri): void {
    throw vscode.FileSystemError.NoPermissions(uri);
  }
}
