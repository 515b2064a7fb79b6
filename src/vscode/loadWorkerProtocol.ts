/** Messages between the extension host and the load worker. */
import type { LogMessage } from '../core/model/logData';
import type { DiagnosticSettings, LogDiagnostic } from '../core/views/editor/logDiagnostics';

export interface WorkerFile {
  name: string;
  buffer: ArrayBuffer;
  byteOffset: number;
  byteLength: number;
}

export interface WorkerRequest {
  files: WorkerFile[];
  /** The files are a folder or a set chosen together: read those that are logs (ReadOptions.selectLogs). */
  selectLogs?: boolean;
  /** Also compute the diagnostics of every file, with these settings. */
  diagnostics?: DiagnosticSettings;
}

export type WorkerReply =
  | { type: 'progress'; done: number; total: number }
  | { type: 'done'; log: LogMessage; diagnostics?: LogDiagnostic[] }
  | { type: 'failed'; message: string };
