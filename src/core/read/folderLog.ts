/**
 * Many files read as one log: a storage account's diagnostic export (one `PT1H.json` blob an hour
 * under `insights-logs-provisioninglogs/resourceId=/tenants/…/y=/m=/d=/h=/m=/`), or several
 * downloads chosen together. Which of the files are logs is decided by their first bytes; the rest
 * (a README, a `.DS_Store`, an empty hour, a CSV among JSON exports) are skipped with one note that
 * says how many and which, so nothing is dropped silently.
 */
import { toUtf8 } from './encoding';
import { skipWhitespace } from './json/jsonScanner';
import type { InputFile } from '../model/logData';
import type { Problem } from '../common/record';
import { looksBinary, looksLikeProvisioningLog } from './sniff';

export type SkipWhy = 'empty' | 'binary' | 'notALog' | 'csvAmongJson';

export interface SkippedFile {
  name: string;
  why: SkipWhy;
}

export interface SelectedFiles {
  /** The files that are logs, in path order (hourly blobs then come in time order). */
  kept: InputFile[];
  skipped: SkippedFile[];
}

/** A year of hourly blobs is 8,760; past this a folder is surely not what was meant. */
export const MAX_FOLDER_FILES = 50_000;
/** Deeper than any export tree (`…/y=/m=/d=/h=/m=` is about a dozen levels); stops link loops. */
export const MAX_FOLDER_DEPTH = 40;

/** Enough of a file to see its first records and its CSV header. */
const HEAD_BYTES = 256 * 1024;

export function selectLogFiles(inputs: readonly InputFile[]): SelectedFiles {
  const json: InputFile[] = [];
  const csv: InputFile[] = [];
  const skipped: SkippedFile[] = [];
  for (const f of [...inputs].sort((a, b) => comparePaths(a.name, b.name))) {
    const kind = kindOf(f.bytes);
    if (kind === 'json') json.push(f);
    else if (kind === 'csv') csv.push(f);
    else skipped.push({ name: f.name, why: kind });
  }
  // One log is one format: JSON exports win; a CSV download among them is opened on its own.
  if (json.length > 0) {
    for (const f of csv) skipped.push({ name: f.name, why: 'csvAmongJson' });
    return { kept: json, skipped };
  }
  return { kept: csv, skipped };
}

function kindOf(bytes: Uint8Array): 'json' | 'csv' | Exclude<SkipWhy, 'csvAmongJson'> {
  const head = toUtf8(bytes.subarray(0, HEAD_BYTES & ~1)).bytes;
  const start = skipWhitespace(head, 0, head.length);
  if (start >= head.length) return 'empty';
  if (looksBinary(head, start)) return 'binary';
  const text = new TextDecoder().decode(head);
  if (!looksLikeProvisioningLog(text)) return 'notALog';
  return head[start] === 0x7b || head[start] === 0x5b ? 'json' : 'csv';
}

const WHY_WORDS: Readonly<Record<SkipWhy, string>> = {
  empty: 'empty',
  binary: 'not text',
  notALog: 'not a provisioning log',
  csvAmongJson: 'a CSV download among JSON exports; open it on its own',
};

/** How many names a note lists before "and N more". */
const NAMED = 5;

/** One note for every skipped file, or undefined when none was. */
export function skippedFilesNote(skipped: readonly SkippedFile[], kept: number): Problem | undefined {
  if (skipped.length === 0) return undefined;
  const named = skipped.slice(0, NAMED).map((s) => `${s.name} (${WHY_WORDS[s.why]})`);
  const more = skipped.length > NAMED ? `, and ${skipped.length - NAMED} more` : '';
  const files = skipped.length === 1 ? '1 file was' : `${skipped.length} files were`;
  if (kept === 0) {
    return {
      severity: 'error',
      code: 'notProvisioningLog',
      message: `None of the ${skipped.length === 1 ? 'file' : `${skipped.length} files`} is a provisioning log: ${named.join(', ')}${more}.`,
    };
  }
  return { severity: 'info', code: 'skippedFiles', message: `${files} skipped: ${named.join(', ')}${more}.` };
}

/** Path order with numbers compared as numbers (`h=9` before `h=10` when a tool dropped the zero). */
export function comparePaths(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}
