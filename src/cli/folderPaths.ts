/**
 * A FOLDER argument → every file under it, recursively, in path order: a storage account's
 * diagnostic export downloaded with Storage Explorer or azcopy is a tree of one `PT1H.json` blob an
 * hour. Which of them are logs is the core's decision (folderLog.ts); this only lists.
 */
import { join } from 'node:path';
import { comparePaths, MAX_FOLDER_DEPTH, MAX_FOLDER_FILES } from '../core/read/folderLog';
import { CliFailure, EXIT, type CliIo } from './io';


export function filesUnder(io: CliIo, folder: string): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  const walk = (dir: string, depth: number): void => {
    const id = io.fs.stat(dir)?.identity ?? dir;
    if (depth > MAX_FOLDER_DEPTH || seen.has(id)) return;
    seen.add(id);
    for (const name of io.fs.list(dir).sort(comparePaths)) {
      const path = join(dir, name);
      const info = io.fs.stat(path);
      if (info?.isDirectory) walk(path, depth + 1);
      else if (info?.isFile) {
        out.push(path);
        if (out.length > MAX_FOLDER_FILES) {
          throw new CliFailure(`"${folder}" holds more than ${MAX_FOLDER_FILES} files; give a smaller folder (one day or month of the export).`, EXIT.unreadable);
        }
      }
    }
  };
  walk(folder, 0);
  return out;
}
