/**
 * The one entry point for reading logs: bytes of one or more files → LogData. Never throws: what
 * cannot be read becomes a Problem that says what and where.
 */
import { readCsvFiles } from './formats/csvReader';
import { toUtf8 } from './formats/encoding';
import { readJson } from './formats/jsonReader';
import { skipWhitespace } from './formats/jsonScanner';
import type { InputFile, LoadedFile, LogData, ReadOptions } from './logData';
import type { FormatId, Problem } from './model';
import { StoreBuilder } from './store';

export function readLog(inputs: readonly InputFile[], options: ReadOptions = {}): LogData {
  const problems: Problem[] = [];
  const files: LoadedFile[] = inputs.map((f) => {
    const t = toUtf8(f.bytes);
    for (const p of t.problems) problems.push(tagged(p, f.name, inputs.length));
    return { name: f.name, size: f.bytes.length, encoding: t.encoding, role: 'json', bytes: t.bytes };
  });
  const total = files.reduce((n, f) => n + f.bytes.length, 0);
  const builder = new StoreBuilder(estimateEvents(total));
  const empty = (): LogData => ({ format: 'portalJson', formatDetail: '', files, store: builder.finish(), problems });

  const first = files[0];
  if (first === undefined) {
    problems.push({ severity: 'error', code: 'noInput', message: 'No file was given.' });
    return empty();
  }
  const start = skipWhitespace(first.bytes, 0, first.bytes.length);
  if (start >= first.bytes.length) {
    problems.push({ severity: 'error', code: 'empty', message: `The file is empty${first.bytes.length > 0 ? ' (only white space)' : ''}.`, file: first.name });
    return empty();
  }
  const c = first.bytes[start];
  if (c !== 0x7b && c !== 0x5b) {
    const csv = readCsvFiles(files, builder, problems, options.onProgress);
    return { format: csv.format, formatDetail: csv.formatDetail, files, store: builder.finish(), problems, csv: csv.index };
  }

  let format: FormatId = 'portalJson';
  let formatDetail = '';
  let nextLink: string | undefined;
  let done = 0;
  files.forEach((f, index) => {
    const own: Problem[] = [];
    const r = readJson(f.bytes, index, builder, own, (d) => options.onProgress?.(done + d, total));
    done += f.bytes.length;
    for (const p of own) problems.push(tagged(p, f.name, files.length));
    if (index === 0) {
      format = r.format;
      formatDetail = r.formatDetail;
    }
    nextLink ??= r.nextLink;
  });
  const log: LogData = { format, formatDetail, files, store: builder.finish(), problems };
  if (nextLink !== undefined) log.nextLink = nextLink;
  return log;
}

/** Problems name their file only when several files were read together. */
function tagged(p: Problem, name: string, fileCount: number): Problem {
  return fileCount > 1 ? { ...p, file: name } : p;
}

/** Portal records are ~2.5 KB minified; start the columns near the right size to avoid regrowth. */
function estimateEvents(bytes: number): number {
  return Math.min(1 << 22, Math.max(1024, Math.ceil(bytes / 2000)));
}
