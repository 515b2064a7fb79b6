/** Messages between the extension host and the load worker. */
import type { LogMessage } from '../core/logData';

export interface WorkerFile {
  name: string;
  buffer: ArrayBuffer;
  byteOffset: number;
  byteLength: number;
}

export interface WorkerRequest {
  files: WorkerFile[];
}

export type WorkerReply =
  | { type: 'progress'; done: number; total: number }
  | { type: 'done'; log: LogMessage }
  | { type: 'failed'; message: string };
