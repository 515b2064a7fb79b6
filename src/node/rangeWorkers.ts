/**
 * Worker threads that read ranges of a file for the parallel reader. Threads can be started ahead
 * (while the file is still being read from disk) so that their start-up is not waited for; each
 * read takes an idle thread or starts one. A thread that fails or dies turns its range into an
 * unclean result: the reader then reads the file on one thread, so nothing is lost.
 */
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { RangeJob } from '../core/read/json/jsonRanges';
import type { RangeReply, RangeRunner } from '../core/read/readParallel';
import { StoreBuilder } from '../core/model/store';
import { unpackStore } from '../core/model/storePacking';
import type { RangeRequest, RangeWorkerReply } from './rangeProtocol';
import { READER_THREAD } from './readerThreads';

/** More threads than this rarely help: joining the parts and memory per thread grow with them. */
const MAX_WORKERS = 8;

/** Threads to read with: `setting` when it is a positive number, else one per core (at most 8). */
export function workerCount(setting?: number): number {
  if (setting !== undefined && Number.isInteger(setting) && setting > 0) return Math.min(setting, 64);
  return Math.max(1, Math.min(MAX_WORKERS, availableParallelism()));
}

/** The helper script next to a bundle in dist/ (or out/bench/). */
export function rangeWorkerScript(dir: string): string {
  return join(dir, 'rangeWorker.js');
}

export class WorkerRangeRunner implements RangeRunner {
  private readonly idle: Worker[] = [];
  private readonly all = new Set<Worker>();
  private readonly busy = new Set<Worker>();

  constructor(private readonly script: string) {}

  /** Starts `count` threads now, so a later read need not wait for one to start. */
  warm(count: number): void {
    for (let k = this.all.size; k < count; k++) {
      const w = this.start();
      if (w) this.idle.push(w);
    }
  }

  read(bytes: Uint8Array, jobs: readonly RangeJob[], onProgress: (job: number, done: number) => void): Promise<RangeReply>[] {
    const settle: ((r: RangeReply) => void)[] = [];
    const replies = jobs.map(() => new Promise<RangeReply>((resolve) => settle.push(resolve)));
    const worker = this.idle.pop() ?? this.start();
    if (worker === undefined) {
      for (const s of settle) s(unclean());
      return replies;
    }
    let pending = jobs.length;
    const finish = (reusable: boolean): void => {
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onError);
      worker.unref();
      this.busy.delete(worker);
      if (reusable) this.idle.push(worker);
      // Whatever was not answered (a failed or stopped thread) is unclean.
      for (const s of settle) s(unclean());
    };
    const onMessage = (m: RangeWorkerReply): void => {
      if (m.type === 'progress') onProgress(m.job, m.done);
      else if (m.type === 'failed') finish(true);
      else {
        settle[m.job]!({ result: m.result, store: unpackStore(m.store) });
        if (--pending === 0) finish(true);
      }
    };
    const onError = (): void => {
      this.all.delete(worker);
      finish(false);
    };
    // Busy threads keep the process alive (their replies are awaited); idle ones do not.
    worker.ref();
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onError);
    this.busy.add(worker);
    const request: RangeRequest = { buffer: bytes.buffer as SharedArrayBuffer, byteOffset: bytes.byteOffset, byteLength: bytes.byteLength, jobs: [...jobs] };
    worker.postMessage(request);
    return replies;
  }

  /** Stops the threads that are reading (their remaining replies come back unclean). */
  stop(): void {
    for (const w of this.busy) void w.terminate();
  }

  /** Stops every thread (reads under way come back unclean). */
  dispose(): void {
    for (const w of this.all) void w.terminate();
    this.all.clear();
    this.busy.clear();
    this.idle.length = 0;
  }

  private start(): Worker | undefined {
    try {
      const w = new Worker(this.script, READER_THREAD);
      // An idle helper must not keep a finished CLI process alive.
      w.unref();
      const gone = (): void => {
        this.all.delete(w);
        const k = this.idle.indexOf(w);
        if (k >= 0) this.idle.splice(k, 1);
      };
      w.on('error', gone);
      w.on('exit', gone);
      this.all.add(w);
      return w;
    } catch {
      return undefined;
    }
  }
}

function unclean(): RangeReply {
  return { result: { clean: false, kinds: { diagnostic: 0, logAnalytics: 0, graph: 0 }, records: 0 }, store: new StoreBuilder(16).finish().toData() };
}
