/**
 * FILE arguments → one LogData → the events the filter options select. Several files are read
 * together as one log (a folder of PT1H.json blobs); a portal CSV file brings its
 * _ProvisioningSteps/_ModifiedProperties siblings from its folder. Big inputs show progress on
 * stderr when a person is watching.
 */
import { basename, dirname, join } from 'node:path';
import { formatMegabytes } from '../core/common/displayText';
import { findCsvSiblings } from '../core/read/csv/csvSiblings';
import type { InputFile, LogData } from '../core/model/logData';
import { QueryEngine } from '../core/query/engine';
import { readLogParallel, threadsFor } from '../core/read/readParallel';
import type { CommandRequest } from './args';
import { filesUnder } from './folderPaths';
import { resolveFilter } from './filters';
import { reportProblems } from './format';
import { CliFailure, EXIT, statInput, type CliIo, type ExitCode, type OutputSink } from './io';

/** Below this, reading takes under a second: no progress line. */
export const PROGRESS_THRESHOLD = 20 << 20;

export interface LoadResult {
  log: LogData;
  /** The paths read, siblings included, in the order given to readLog. */
  paths: string[];
  /** 0 read cleanly, 1 read with errors, 3 nothing could be read. */
  status: ExitCode;
}

export async function loadLog(files: readonly string[], io: CliIo): Promise<LoadResult> {
  // A folder is read as one log of the files under it that are logs (the others are named in a note).
  const folders = files.filter((f) => io.fs.stat(f)?.isDirectory === true);
  const given = folders.length === 0 ? files : files.flatMap((f) => (folders.includes(f) ? filesUnder(io, f) : [f]));
  const paths = folders.length === 0 ? withCsvSiblings(given, io) : unique(given, io);
  let total = 0;
  for (const path of paths) {
    total += statInput(io, path).size;
  }
  const progress = total >= PROGRESS_THRESHOLD && io.stderr.isTTY ? new Progress(io.stderr, total) : undefined;
  const workers = io.parallel?.workers ?? 1;
  // Helper threads start while the file is read from disk, so their start-up costs nothing.
  const runner = paths.length === 1 && threadsFor(total, workers) >= 2 ? io.parallel?.runner() : undefined;
  runner?.warm(workers - 1);
  try {
    return await readAll(paths, io, progress, workers, runner, folders.length > 0);
  } finally {
    runner?.dispose();
  }
}

async function readAll(
  paths: string[],
  io: CliIo,
  progress: Progress | undefined,
  workers: number,
  runner: ReturnType<NonNullable<CliIo['parallel']>['runner']> | undefined,
  selectLogs: boolean,
): Promise<LoadResult> {
  const inputs: InputFile[] = [];
  let before = 0;
  for (const path of paths) {
    let bytes: Uint8Array;
    try {
      bytes = await io.fs.readFile(path, (done) => progress?.show('Reading', before + done));
    } catch (e) {
      throw new CliFailure(`cannot read "${path}": ${(e as Error).message}`, EXIT.unreadable);
    }
    before += bytes.length;
    inputs.push({ name: path, bytes });
  }
  const { log } = await readLogParallel(inputs, {
    workers,
    ...(runner ? { runner } : {}),
    ...(progress ? { onProgress: (done: number) => progress.show('Parsing', done) } : {}),
    ...(selectLogs ? { selectLogs: true } : {}),
  });
  progress?.clear();
  return { log, paths, status: statusOf(log) };
}

/**
 * What a reading command works on: the log and the events its filter options select. When nothing
 * could be read (status 3) only summary prints anything (its JSON carries the problems); the
 * others print nothing to stdout, the reason being on stderr already.
 */
export interface Selection {
  log: LogData;
  paths: string[];
  /** Matching events, in file order. */
  indices: Uint32Array;
  /** The exit code the read earned (0, 1 or 3). */
  status: ExitCode;
}

/** Reads the FILEs and applies the filters; the readers' problems go to stderr unless `quiet`. */
export async function select(req: CommandRequest, io: CliIo, options: { quiet?: boolean } = {}): Promise<Selection> {
  const { log, paths, status } = await loadLog(req.files, io);
  // summary prints the problems in its own output; the others keep stdout clean for their data.
  if (!options.quiet) reportProblems(io.stderr, log.problems);
  const engine = new QueryEngine(log.store);
  const now = io.now?.() ?? Date.now();
  const indices = status === EXIT.unreadable ? new Uint32Array(0) : engine.run(resolveFilter(req.filter, engine, now), undefined, now);
  return { log, paths, indices, status };
}

/** The file names to show with positions: only needed when several files were read. */
export function fileLabel(sel: Selection, fileIndex: number): string | undefined {
  return sel.log.files.length > 1 ? sel.log.files[fileIndex]?.name : undefined;
}

/** 3 when no event could be read, 1 when something was damaged, else 0 (warnings are fine). */
export function statusOf(log: LogData): ExitCode {
  if (log.store.size === 0) return EXIT.unreadable;
  return log.problems.some((p) => p.severity === 'error') ? EXIT.readErrors : EXIT.ok;
}

/** Each path once (a file given beside its folder). */
function unique(paths: readonly string[], io: CliIo): string[] {
  const seen = new Set<string>();
  return paths.filter((p) => {
    const key = io.fs.resolve(p);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Given paths, plus the CSV siblings of any portal CSV among them (main file first, as the reader
 * expects); a path named twice is read once.
 */
function withCsvSiblings(files: readonly string[], io: CliIo): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  const add = (p: string): void => {
    const key = io.fs.resolve(p);
    if (seen.has(key)) return;
    seen.add(key);
    out.push(p);
  };
  for (const file of files) {
    if (!/\.csv$/i.test(file) || io.fs.stat(file) === undefined) {
      add(file);
      continue;
    }
    const dir = dirname(file);
    const trio = findCsvSiblings(basename(file), io.fs.list(dir));
    // Keep the path as typed for the file asked for; siblings sit in the same folder.
    const at = (name: string | undefined): string | undefined => (name === undefined ? undefined : name === basename(file) ? file : join(dir, name));
    const main = at(trio.main);
    if (main === undefined) add(file);
    for (const p of [main, at(trio.steps), at(trio.modified)]) if (p !== undefined) add(p);
  }
  return out;
}

/**
 * One self-overwriting progress line on stderr, for inputs big enough that a silent pause would
 * look like a hang. Redrawn only when the text changes (once per MB at most).
 */
export class Progress {
  private lastText = '';

  constructor(
    private readonly out: OutputSink,
    private readonly total: number,
  ) {}

  show(phase: string, done: number): void {
    const pct = this.total > 0 ? Math.min(100, Math.floor((done / this.total) * 100)) : 100;
    this.line(`${phase} ${formatMegabytes(done)} of ${formatMegabytes(this.total)} (${pct}%)`);
  }

  /** Any one-line status (a fetch counts records and requests, not bytes). */
  line(text: string): void {
    if (text === this.lastText) return;
    this.lastText = text;
    // \r returns to the line start, ESC[K clears what a longer previous line left behind.
    this.out.write(`\r\x1b[K${text}`);
  }

  clear(): void {
    if (this.lastText !== '') this.out.write('\r\x1b[K');
    this.lastText = '';
  }
}
