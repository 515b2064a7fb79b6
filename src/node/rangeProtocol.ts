/** Messages between the parallel reader and its helper threads. */
import type { RangeJob, RangeResult } from '../core/read/json/jsonRanges';
import type { PackedStore } from '../core/model/storePacking';

export interface RangeRequest {
  /** The file's bytes, shared by every thread (never copied). */
  buffer: SharedArrayBuffer;
  byteOffset: number;
  byteLength: number;
  /** Read in order; each one answered as soon as it is read. */
  jobs: RangeJob[];
}

export type RangeWorkerReply =
  | { type: 'progress'; job: number; done: number }
  | { type: 'done'; job: number; result: RangeResult; store: PackedStore }
  | { type: 'failed'; message: string };
