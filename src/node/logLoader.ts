/**
 * Reads a log in a worker thread and hands back a LoadedLog. Cancelling terminates the worker (the
 * reader is synchronous, so that is the only way to stop it). Failures become problems in the
 * result: nothing here throws into VS Code.
 */
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { fromMessageInSlices, type InputFile, type LogData } from '../core/model/logData';
import { LoadedLog } from '../core/log/loadedLog';
import { PRECOMPUTED_DIAGNOSTICS, type PrecomputedDiagnostics } from '../core/views/editor/logDiagnostics';
import { StoreBuilder } from '../core/model/store';
import type { DiagnosticSettings } from '../core/views/editor/logDiagnostics';
import type { WorkerReply, WorkerRequest } from './loadWorkerProtocol';
import { READER_THREAD } from './readerThreads';

/**
 * What the loader needs of a cancellation token: VS Code's CancellationToken has this shape. Not
 * importing `vscode` lets the benchmark drive the loader exactly as the extension does.
 */
export interface Cancellation {
  readonly isCancellationRequested: boolean;
  onCancellationRequested(listener: () => void): { dispose(): void };
}

export interface LoadOptions {
  onProgress?: (done: number, total: number) => void;
  token?: Cancellation;
  /** A folder or a set of files: read those that are logs, note the others. */
  selectLogs?: boolean;
  /** Compute the diagnostics of every file in the worker too (the model carries them). */
  diagnostics?: DiagnosticSettings;
  /** Threads to read with (the setting provlog.load.threads); 1 or absent: one. */
  threads?: number;
}

/** `ranges`: parts the file was read in at the same time (1: on one thread). */
export type LoadResult = { kind: 'loaded'; model: LoadedLog; ranges: number } | { kind: 'cancelled' };

export class LogLoader {
  /**
   * Smallest share of a file worth a helper thread (undefined: the reader's 32 MB). Integration tests
   * lower it, through the TestApi's services, so that a file of a few MB takes the parallel path.
   */
  minRangeBytes: number | undefined;

  constructor(private readonly workerPath: string) {}

  /** The loader of an extension installed at `extensionPath` (its worker is bundled in dist/). */
  static at(extensionPath: string): LogLoader {
    return new LogLoader(join(extensionPath, 'dist', 'loadWorker.js'));
  }

  load(files: InputFile[], options: LoadOptions = {}): Promise<LoadResult> {
    return new Promise<LoadResult>((resolve) => {
      if (options.token?.isCancellationRequested) return resolve({ kind: 'cancelled' });
      let worker: Worker;
      try {
        worker = new Worker(this.workerPath, READER_THREAD);
      } catch (e) {
        return resolve(loaded(failedLog(files, `The reader could not start: ${describe(e)}`)));
      }
      let settled = false;
      const finish = (r: LoadResult): void => {
        if (settled) return;
        settled = true;
        sub?.dispose();
        void worker.terminate();
        resolve(r);
      };
      const sub = options.token?.onCancellationRequested(() => finish({ kind: 'cancelled' }));
      worker.on('message', (reply: WorkerReply) => {
        switch (reply.type) {
          case 'progress':
            options.onProgress?.(reply.done, reply.total);
            break;
          case 'done': {
            const settings = options.diagnostics;
            const diagnostics = settings && reply.diagnostics ? { settings, items: reply.diagnostics } : undefined;
            // The worker's heap (its copy of every string, the interning table, its garbage) is let go
            // before the strings are unpacked here: otherwise both copies are resident at once.
            // Its exit is then expected, not a failure.
            worker.removeAllListeners('exit');
            worker.removeAllListeners('error');
            // The strings are unpacked a slice at a time: the host's main thread serves everything else in between.
            // A load cancelled meanwhile stops there (its answer is already given).
            const pause = (): Promise<void> => (settled ? Promise.reject(new Error('cancelled')) : nextTask());
            void worker
              .terminate()
              .catch(() => undefined)
              .then(() => fromMessageInSlices(reply.log, pause))
              .then(
                (log) => finish(loaded(log, diagnostics, reply.ranges)),
                (e: unknown) => finish(loaded(failedLog(files, `The reader's result could not be taken in: ${describe(e)}`))),
              );
            break;
          }
          case 'failed':
            finish(loaded(failedLog(files, `The file could not be read: ${reply.message}`)));
            break;
        }
      });
      worker.on('error', (e) => finish(loaded(failedLog(files, `The reader stopped: ${describe(e)}`))));
      worker.on('exit', (code) => {
        if (!settled) finish(loaded(failedLog(files, `The reader stopped unexpectedly (exit code ${code}); the file may be too large for the memory available.`)));
      });
      const request: WorkerRequest = {
        files: files.map((f) => ({ name: f.name, buffer: f.bytes.buffer as ArrayBuffer, byteOffset: f.bytes.byteOffset, byteLength: f.bytes.byteLength })),
        threads: options.threads ?? 1,
        ...(this.minRangeBytes !== undefined ? { minRangeBytes: this.minRangeBytes } : {}),
        ...(options.diagnostics ? { diagnostics: options.diagnostics } : {}),
        ...(options.selectLogs === true ? { selectLogs: true } : {}),
      };
      // Transfer, do not copy: the bytes move to the worker and come back inside the result (shared
      // bytes need neither: both sides see them).
      const transfer = [...new Set(request.files.map((f) => f.buffer))].filter((b): b is ArrayBuffer => !(b instanceof SharedArrayBuffer));
      worker.postMessage(request, transfer);
    });
  }
}

function loaded(log: LogData, diagnostics?: PrecomputedDiagnostics, ranges = 1): LoadResult {
  const model = new LoadedLog(log);
  // Handed over, not built: the worker worked them out for the settings it was asked for.
  if (diagnostics !== undefined) model.derived(PRECOMPUTED_DIAGNOSTICS, () => diagnostics);
  return { kind: 'loaded', model, ranges };
}

function failedLog(files: InputFile[], message: string): LogData {
  return {
    format: 'portalJson',
    formatDetail: '',
    files: files.map((f) => ({ name: f.name, size: f.bytes.byteLength, encoding: 'utf-8', role: 'json', bytes: new Uint8Array(0) })),
    store: new StoreBuilder(16).finish(),
    problems: [{ severity: 'error', code: 'readerFailed', message }],
  };
}

/** Lets the event loop run whatever is waiting (timers, messages, I/O) before going on. */
function nextTask(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

function describe(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
