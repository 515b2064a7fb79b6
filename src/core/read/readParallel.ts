/**
 * readLog on several threads: one large JSON file is split at record boundaries; this thread reads
 * the first range straight into the final store while helper threads (a RangeRunner: worker
 * threads in Node) read the others from the same shared bytes, and each part is appended as soon
 * as it arrives, without parsing anything again. The result is the single-thread result, byte
 * offsets included: whenever a range cannot prove that it read exactly what one pass would have (a
 * doubtful seam, damage, a repeated id), the file is read on one thread instead.
 */
import { decodeSlice, toUtf8 } from './encoding';
import { pickFormat } from './json/jsonReader';
import { planRanges, readRange, type RangeJob, type RangeResult } from './json/jsonRanges';
import { looksLikeConvertToJson } from './json/powershell';
import type { InputFile, LogData, ReadOptions } from '../model/logData';
import { estimateEvents, readLog } from './readLog';
import { StoreBuilder, type StoreData } from '../model/store';

/**
 * Below this many bytes per thread a helper costs more than it saves: it starts with cold code
 * (its first 10 MB run several times slower than this thread's), and its part must be joined.
 */
export const MIN_RANGE_BYTES = 32 << 20;
/** Helpers hand their work back in pieces of about this size, so joining overlaps their reading. */
const PIECE_BYTES = 16 << 20;
/** This thread also joins the parts: it reads a little less than an equal share. */
const OWN_SHARE = 0.85;

/**
 * Threads worth reading `byteLength` bytes with, of `workers` (this one included): each must get at
 * least `minRangeBytes`. Below 2 the file is read on one thread, and no helper need be started.
 */
export function threadsFor(byteLength: number, workers: number, minRangeBytes = MIN_RANGE_BYTES): number {
  return Math.min(workers, Math.floor(byteLength / Math.max(1, minRangeBytes)));
}

export interface RangeReply {
  result: RangeResult;
  store: StoreData;
}

/**
 * Reads ranges of shared bytes on another thread. `read` hands `jobs` to one thread, which reads
 * them in order; each promise settles with its range's part (unclean when the thread failed).
 */
export interface RangeRunner {
  read(bytes: Uint8Array, jobs: readonly RangeJob[], onProgress: (job: number, done: number) => void): Promise<RangeReply>[];
  /** Stops reading: the file is being read on one thread instead. */
  stop(): void;
}

export interface ParallelOptions extends ReadOptions {
  /** Threads to use, this one included; 1 reads on this thread only. */
  workers: number;
  /** Where ranges after the first are read; without one, everything is read here. */
  runner?: RangeRunner;
  /** Smallest share worth a thread (tests lower it to split small files). */
  minRangeBytes?: number;
  /** Size of the pieces helpers hand back (tests lower it). */
  pieceBytes?: number;
}

export interface ParallelRead {
  log: LogData;
  /** Ranges the file was read in: 1 when it was read on one thread (small, unsplittable, or irregular). */
  ranges: number;
}

export async function readLogParallel(inputs: readonly InputFile[], options: ParallelOptions): Promise<ParallelRead> {
  const runner = options.runner;
  const single = (): ParallelRead => {
    runner?.stop();
    return { log: readLog(inputs, options), ranges: 1 };
  };
  const input = inputs[0];
  if (inputs.length !== 1 || input === undefined || runner === undefined) return single();
  // Helpers share the bytes: only bytes already in shared memory are read in parallel (no copy).
  if (!(input.bytes.buffer instanceof SharedArrayBuffer)) return single();
  const utf8 = toUtf8(input.bytes);
  if (utf8.problems.length > 0 || (utf8.encoding !== 'utf-8' && utf8.encoding !== 'utf-8-bom')) return single();
  const bytes = utf8.bytes;
  const threads = threadsFor(bytes.length, options.workers, options.minRangeBytes);
  if (threads < 2) return single();
  const plan = planRanges(bytes, cuts(bytes.length, threads, options.pieceBytes ?? PIECE_BYTES));
  if (plan === undefined) return single();

  const jobs = plan.jobs;
  const done = jobs.map(() => 0);
  const progress = (k: number, d: number): void => {
    done[k] = d;
    options.onProgress?.(done.reduce((a, b) => a + b, 0), bytes.length);
  };
  // Every helper gets its pieces now (interleaved, so they come back about in order): this thread
  // is busy with its own range until they are under way.
  const parts: Promise<RangeReply>[] = [];
  const lanes = threads - 1;
  for (let h = 0; h < lanes; h++) {
    const mine = jobs.map((_, k) => k).filter((k) => k > 0 && (k - 1) % lanes === h);
    const replies = runner.read(bytes, mine.map((k) => jobs[k]!), (j, d) => progress(mine[j]!, d));
    mine.forEach((k, j) => {
      parts[k] = replies[j]!;
    });
  }
  const builder = new StoreBuilder(estimateEvents(bytes.length));
  const own = readRange(bytes, jobs[0]!, 0, builder, (d) => progress(0, d));
  // A repeated id is for one pass to judge (re-delivery or not) and to report: a range holding one is irregular.
  if (!own.clean || builder.repeats.length > 0) return single();
  const kinds = { ...own.kinds };
  for (let k = 1; k < jobs.length; k++) {
    const part = await parts[k]!;
    if (!part.result.clean || !builder.append(part.store)) return single();
    for (const key of ['diagnostic', 'logAnalytics', 'graph'] as const) kinds[key] += part.result.kinds[key];
  }

  const head = decodeSlice(bytes, plan.first, Math.min(bytes.length, plan.first + 4096)).text;
  const lines = plan.kind === 'lines';
  const format = pickFormat(bytes[plan.first], lines, '', lines ? 2 : 1, looksLikeConvertToJson(head), kinds);
  const log: LogData = {
    format,
    formatDetail: '',
    files: [{ name: input.name, size: input.bytes.length, encoding: utf8.encoding, role: 'json', bytes }],
    store: builder.finish(),
    problems: [],
  };
  return { log, ranges: jobs.length };
}

/** Where ranges start, as fractions: this thread's share first, then the helpers' pieces. */
function cuts(size: number, threads: number, pieceBytes: number): number[] {
  const own = OWN_SHARE / threads;
  const pieces = Math.max(threads - 1, Math.ceil(((1 - own) * size) / Math.max(1, pieceBytes)));
  return Array.from({ length: pieces }, (_, k) => own + ((1 - own) * k) / pieces);
}

/** Reads one range into a store of its own: what a helper thread runs. */
export function readHere(bytes: Uint8Array, job: RangeJob, onProgress?: (done: number) => void): RangeReply {
  const builder = new StoreBuilder(estimateEvents(job.to - job.from));
  const read = readRange(bytes, job, 0, builder, onProgress);
  const result = builder.repeats.length > 0 ? { ...read, clean: false } : read;
  return { result, store: builder.finish().toData() };
}
