/** Messages between the extension host and the load worker. */
import type { LogMessage } from '../core/model/logData';
import type { DiagnosticSettings, LogDiagnostic } from '../core/views/editor/logDiagnostics';

export interface WorkerFile {
  name: string;
  /** Shared when the host read the file into shared memory (then neither moved nor copied). */
  buffer: ArrayBuffer | SharedArrayBuffer;
  byteOffset: number;
  byteLength: number;
}

export interface WorkerRequest {
  files: WorkerFile[];
  /** The files are a folder or a set chosen together: read those that are logs (ReadOptions.selectLogs). */
  selectLogs?: boolean;
  /** Threads to read a large JSON file with, the worker's own included (1: no helpers). */
  threads: number;
  /** Smallest share of a file worth a thread (absent: the reader's own); tests lower it to split a small file. */
  minRangeBytes?: number;
  /** Also compute the diagnostics of every file, with these settings. */
  diagnostics?: DiagnosticSettings;
}

export type WorkerReply =
  | { type: 'progress'; done: number; total: number }
  | { type: 'done'; log: LogMessage; diagnostics?: LogDiagnostic[]; ranges: number }
  | { type: 'failed'; message: string };
