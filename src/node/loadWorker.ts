/**
 * Runs in a worker thread: reads a log off the extension host's main thread, so the editor stays
 * responsive while a 250 MB download is parsed. A large JSON file is read with helper threads too
 * (see readParallel). Bytes arrive shared or transferred and leave the same way: never copied.
 */
import { parentPort, type MessagePort } from 'node:worker_threads';
import { toMessage, type InputFile } from '../core/model/logData';
import { logDiagnostics } from '../core/views/editor/logDiagnostics';
import { MIN_RANGE_BYTES, readLogParallel, threadsFor } from '../core/read/readParallel';
import { rangeWorkerScript, WorkerRangeRunner } from './rangeWorkers';
import type { WorkerReply, WorkerRequest } from './loadWorkerProtocol';

const port = parentPort;
if (port) {
  port.on('message', (req: WorkerRequest) => void read(port, req));
}

async function read(port: MessagePort, req: WorkerRequest): Promise<void> {
  const files: InputFile[] = req.files.map((f) => ({ name: f.name, bytes: new Uint8Array(f.buffer, f.byteOffset, f.byteLength) }));
  const minRangeBytes = req.minRangeBytes ?? MIN_RANGE_BYTES;
  const big = files.length === 1 && threadsFor(files[0]!.bytes.byteLength, req.threads, minRangeBytes) >= 2;
  // Helper threads beside this one; terminating this worker (cancel) ends them too.
  const runner = big ? new WorkerRangeRunner(rangeWorkerScript(__dirname)) : undefined;
  runner?.warm(req.threads - 1);
  let last = 0;
  try {
    const { log, ranges } = await readLogParallel(files, {
      workers: req.threads,
      minRangeBytes,
      ...(req.selectLogs === true ? { selectLogs: true } : {}),
      ...(runner ? { runner } : {}),
      onProgress(done, total) {
        // A message per ~2% is plenty for a progress bar.
        if (done - last >= total / 50 || done === total) {
          last = done;
          port.postMessage({ type: 'progress', done, total } satisfies WorkerReply);
        }
      },
    });
    runner?.dispose();
    // Here, before the bytes are handed back: locating error codes in a 250 MB file scans most of
    // it, which would otherwise stall the extension host's main thread.
    const diagnostics = req.diagnostics === undefined ? undefined : logDiagnostics(log, req.diagnostics);
    const { message, transfer } = toMessage(log);
    port.postMessage({ type: 'done', log: message, ranges, ...(diagnostics ? { diagnostics } : {}) } satisfies WorkerReply, transfer);
  } catch (e) {
    // readLog does not throw by design; this is the last guard so the host always gets an answer.
    port.postMessage({ type: 'failed', message: e instanceof Error ? e.message : String(e) } satisfies WorkerReply);
  } finally {
    runner?.dispose();
  }
}
