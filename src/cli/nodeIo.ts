/**
 * The real process behind CliIo: Node's file system and the process's stdout/stderr. Synchronous
 * writes keep memory flat when 250 MB of output goes to a file, and need no drain handling.
 */
import { closeSync, createReadStream, openSync, readdirSync, statSync, writeSync } from 'node:fs';
import { resolve } from 'node:path';
import { readShared } from '../node/readShared';
import { rangeWorkerScript, WorkerRangeRunner, workerCount } from '../node/rangeWorkers';
import type { CliFileSystem, CliIo, FileInfo, FileWriter, OutputSink } from './io';

const pause = new Int32Array(new SharedArrayBuffer(4));

class FdWriter implements FileWriter {
  private fd: number | undefined;

  constructor(fd: number) {
    this.fd = fd;
  }

  write(chunk: string | Uint8Array): void {
    if (this.fd === undefined) throw new Error('write after close');
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    // writeSync may write less than asked (pipes); loop until all of it is out.
    for (let at = 0; at < bytes.length; ) {
      try {
        at += writeSync(this.fd, bytes, at, bytes.length - at);
      } catch (e) {
        // A non-blocking pipe that is full: wait a moment for the reader instead of failing.
        if ((e as NodeJS.ErrnoException).code !== 'EAGAIN') throw e;
        Atomics.wait(pause, 0, 0, 2);
      }
    }
  }

  close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
  }
}

export const nodeFileSystem: CliFileSystem = {
  resolve: (path) => resolve(path),

  stat(path): FileInfo | undefined {
    try {
      const s = statSync(path, { bigint: true });
      return { size: Number(s.size), isFile: s.isFile(), isDirectory: s.isDirectory(), identity: `${s.dev}:${s.ino}` };
    } catch {
      return undefined;
    }
  },

  readFile(path, onProgress) {
    return readShared(path, onProgress);
  },

  readChunks(path) {
    return createReadStream(path, { highWaterMark: 1 << 20 }) as AsyncIterable<Uint8Array>;
  },

  list(dir) {
    try {
      return readdirSync(dir);
    } catch {
      return [];
    }
  },

  create(path) {
    return new FdWriter(openSync(path, 'w'));
  },
};

function processSink(stream: NodeJS.WriteStream, fd: number): OutputSink {
  const writer = new FdWriter(fd);
  return {
    isTTY: stream.isTTY === true,
    write: (chunk) => writer.write(chunk),
  };
}

/** stdout and stderr by file descriptor (1 and 2): synchronous whatever they point at. */
export function nodeIo(): CliIo {
  return {
    stdout: processSink(process.stdout, 1),
    stderr: processSink(process.stderr, 2),
    fs: nodeFileSystem,
    now: () => Date.now(),
    parallel: {
      workers: workerCount(Number(process.env['PROVLOG_WORKERS'] ?? 0)),
      runner: () => new WorkerRangeRunner(rangeWorkerScript(__dirname)),
    },
  };
}
