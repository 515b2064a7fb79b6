import type { RangeRunner } from '../core/read/readParallel';

/**
 * What the CLI touches outside itself: two text sinks and a small file-system facade. `run` takes
 * them as a parameter so tests drive every command in-process (capturing output, using a temp
 * folder) and only main.ts binds them to the real process.
 */

/** stdout or stderr. Writes are synchronous, as Node's are for files and pipes on Linux. */
export interface OutputSink {
  write(chunk: string | Uint8Array): void;
  /** Progress lines go to stderr only when a person is watching. */
  readonly isTTY: boolean;
}

/** An output file being written; `close` flushes it. */
export interface FileWriter {
  write(chunk: string | Uint8Array): void;
  close(): void;
}

export interface FileInfo {
  size: number;
  isFile: boolean;
  isDirectory: boolean;
  /** Device and inode: two paths with the same identity are the same file (links included). */
  identity: string;
}

export interface CliFileSystem {
  /** Absolute form of a path, relative to the working directory. */
  resolve(path: string): string;
  /** undefined when nothing is there. */
  stat(path: string): FileInfo | undefined;
  /** The whole file; `onProgress` is told how far reading got, now and then. */
  readFile(path: string, onProgress?: (done: number, total: number) => void): Promise<Uint8Array>;
  /** The file in chunks, for inputs that must never be held whole (prettify). */
  readChunks(path: string): AsyncIterable<Uint8Array>;
  /** Names of the entries of a folder ([] when it cannot be listed). */
  list(dir: string): string[];
  /** Creates or truncates a file; throws when it cannot be opened. */
  create(path: string): FileWriter;
}

/** Helper threads that read parts of a big file at the same time; `dispose` stops them. */
export interface ParallelReading {
  /** Threads to read with, this one included (1: this thread only). */
  workers: number;
  runner(): RangeRunner & { warm(count: number): void; dispose(): void };
}

export interface CliIo {
  stdout: OutputSink;
  stderr: OutputSink;
  fs: CliFileSystem;
  /** Absent (tests): every file is read on this thread. */
  parallel?: ParallelReading;
  /** Current time, for `--relative-to now`; injectable for tests. */
  now?: () => number;
}

/** The exit-code contract (see --help). */
export const EXIT = {
  /** Read cleanly (warnings allowed). */
  ok: 0,
  /** Read with errors: what was recovered was still printed. Also: an unexpected failure. */
  readErrors: 1,
  /** Bad command line. */
  usage: 2,
  /** Nothing could be read: missing file, not a provisioning log, empty. */
  unreadable: 3,
} as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** A bad command line: printed as one line plus a hint, exit 2. */
export class UsageError extends Error {
  constructor(
    message: string,
    /** Which help to point at ('' = general). */
    readonly command = '',
  ) {
    super(message);
  }
}

/** A user-facing failure with a chosen exit code (missing input, output that cannot be written). */
export class CliFailure extends Error {
  constructor(
    message: string,
    readonly exitCode: ExitCode,
  ) {
    super(message);
  }
}

/**
 * Opens an output file of prettify or export. One that cannot be opened (a missing folder, a folder
 * given as the file) is a mistake in the command line: a UsageError (exit 2) with the reason.
 */
export function openOutput(io: CliIo, path: string, command: string): FileWriter {
  try {
    return io.fs.create(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'its folder does not exist' : code === 'EISDIR' ? 'it is a folder' : code === 'EACCES' ? 'permission denied' : (e as Error).message;
    throw new UsageError(`cannot write "${path}": ${why}.`, command);
  }
}

/**
 * Where prettify or export writes: OUT when -o was given (refused when it is one of `inputs`), else
 * stdout, which belongs to the process and so is never closed here.
 */
export function outputOrStdout(io: CliIo, output: string | undefined, inputs: readonly string[], command: string): FileWriter {
  if (output === undefined) return { write: (c) => io.stdout.write(c), close: () => undefined };
  assertNotAnInput(io, output, inputs, command);
  return openOutput(io, output, command);
}

/** An input that is missing or not a file cannot be read at all: exit 3, before anything is read. */
export function statInput(io: CliIo, path: string): FileInfo {
  const info = io.fs.stat(path);
  if (info === undefined) throw new CliFailure(`cannot read "${path}": no such file.`, EXIT.unreadable);
  if (!info.isFile) throw new CliFailure(`cannot read "${path}": it is ${info.isDirectory ? 'a folder (summary, list, ids, errors and export read folders)' : 'not a file'}.`, EXIT.unreadable);
  return info;
}

/** Refuses output paths that are one of the inputs: an export must never destroy what it reads. */
export function assertNotAnInput(io: CliIo, output: string, inputs: readonly string[], command: string): void {
  const target = io.fs.stat(output);
  for (const input of inputs) {
    const same = io.fs.resolve(input) === io.fs.resolve(output) || (target !== undefined && target.identity === io.fs.stat(input)?.identity);
    if (same) {
      throw new UsageError(`"${output}" is an input file; ${command} never overwrites its input. Choose another output file.`, command);
    }
  }
}

/** Collects output in memory: the stdout and stderr of in-process tests. */
export class MemorySink implements OutputSink {
  private readonly parts: string[] = [];
  private readonly decoder = new TextDecoder();

  constructor(readonly isTTY = false) {}

  write(chunk: string | Uint8Array): void {
    this.parts.push(typeof chunk === 'string' ? chunk : this.decoder.decode(chunk, { stream: true }));
  }

  get text(): string {
    return this.parts.join('');
  }
}
