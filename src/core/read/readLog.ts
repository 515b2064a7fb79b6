/**
 * The one entry point for reading logs: bytes of one or more files → LogData. Never throws: what
 * cannot be read becomes a Problem that says what and where.
 */
import { readCsvFiles } from './csv/csvReader';
import { toUtf8 } from './encoding';
import { readJson } from './json/jsonReader';
import { skipWhitespace } from './json/jsonScanner';
import { NOT_A_LOG } from './json/recordParser';
import { repeatedIdProblems, rereadJson } from './json/repeatedIds';
import type { InputFile, LoadedFile, LogData, ReadOptions } from '../model/logData';
import type { FormatId, Problem } from '../common/record';
import { StoreBuilder } from '../model/store';
import { looksBinary } from './sniff';
import { selectLogFiles, skippedFilesNote } from './folderLog';

export function readLog(given: readonly InputFile[], options: ReadOptions = {}): LogData {
  const problems: Problem[] = [];
  let inputs = given;
  if (options.selectLogs === true) {
    const picked = selectLogFiles(given);
    inputs = picked.kept;
    const note = skippedFilesNote(picked.skipped, picked.kept.length);
    if (note) problems.push(note);
    if (inputs.length === 0) return { format: 'notALog', formatDetail: '', files: [], store: new StoreBuilder(16).finish(), problems };
  }
  const files: LoadedFile[] = inputs.map((f) => {
    const t = toUtf8(f.bytes);
    for (const p of t.problems) problems.push(tagged(p, f.name, inputs.length));
    return { name: f.name, size: f.bytes.length, encoding: t.encoding, role: 'json', bytes: t.bytes };
  });
  const total = files.reduce((n, f) => n + f.bytes.length, 0);
  const builder = new StoreBuilder(estimateEvents(total));
  builder.reread = rereadJson(files);
  const empty = (): LogData => ({ format: 'notALog', formatDetail: '', files, store: builder.finish(), problems });

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
  if (looksBinary(first.bytes, start)) {
    const name = inputs.length > 1 ? `${first.name} is` : 'This is';
    problems.push({ severity: 'error', code: 'binary', message: `${name} not a provisioning log: it is a binary file, not text (its first bytes include control characters that no JSON or CSV file holds).`, file: first.name });
    return empty();
  }
  const c = first.bytes[start];
  if (c !== 0x7b && c !== 0x5b) {
    const csv = readCsvFiles(files, builder, problems, options.onProgress);
    problems.push(...repeatedIdProblems(builder.repeats, files, false));
    const store = builder.finish();
    const format = store.size === 0 && problems.some((p) => p.code === 'notProvisioningLog') ? 'notALog' : csv.format;
    return { format, formatDetail: format === 'notALog' ? '' : csv.formatDetail, files, store, problems, csv: csv.index };
  }

  let format: FormatId = 'portalJson';
  let formatDetail = '';
  let nextLink: string | undefined;
  let done = 0;
  let provisioningPage = false;
  files.forEach((f, index) => {
    const own: Problem[] = [];
    const r = readJson(f.bytes, index, builder, own, (d) => options.onProgress?.(done + d, total));
    done += f.bytes.length;
    for (const p of own) problems.push(tagged(p, f.name, files.length));
    // Several files: the first that is more than one lone record names the format (a folder of
    // hourly blobs may start with an hour that holds a single record).
    if (index === 0 || (format === 'singleRecord' && r.format !== 'singleRecord')) {
      format = r.format;
      formatDetail = r.formatDetail;
    } else if (format === 'singleRecord' && formatDetail !== '' && r.formatDetail === formatDetail) {
      // Blobs of one diagnostic record each are still an Azure Monitor export, one record per line.
      format = 'diagnosticJsonLines';
      formatDetail = '';
    }
    provisioningPage ||= r.provisioningContext === true;
    nextLink ??= r.nextLink;
  });
  const read = format as FormatId;
  problems.push(...repeatedIdProblems(builder.repeats, files, read === 'diagnosticJsonLines' || read === 'diagnosticRecords' || formatDetail.includes('Azure Monitor')));
  const store = builder.finish();
  if (store.size === 0 && !provisioningPage && !problems.some((p) => DAMAGE.has(p.code ?? ''))) {
    // Nothing here is a provisioning record and nothing was damaged: another kind of JSON (a settings
    // file with a "value" array, a list of strings). One verdict, not a format and warnings about it.
    const kept = problems.filter((p) => p.code === 'notProvisioningLog' || p.severity === 'info');
    problems.length = 0;
    problems.push(...kept);
    if (!kept.some((p) => p.code === 'notProvisioningLog')) problems.push({ severity: 'error', code: 'notProvisioningLog', message: NOT_A_LOG });
    return { format: 'notALog', formatDetail: '', files, store, problems };
  }
  const log: LogData = { format, formatDetail, files, store, problems };
  if (nextLink !== undefined) log.nextLink = nextLink;
  return log;
}

/** Problems that mean a log was there but damaged: it is still a log, with what could be read. */
const DAMAGE = new Set(['truncated', 'invalidRecord', 'lenientJson', 'depthTruncated', 'diagnosticWithoutProperties']);

/** Problems name their file only when several files were read together. */
function tagged(p: Problem, name: string, fileCount: number): Problem {
  return fileCount > 1 ? { ...p, file: name } : p;
}

/** Portal records are ~2.5 KB minified; start the columns near the right size to avoid regrowth. */
export function estimateEvents(bytes: number): number {
  return Math.min(1 << 22, Math.max(1024, Math.ceil(bytes / 2000)));
}
