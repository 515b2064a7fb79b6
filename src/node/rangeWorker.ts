/**
 * A helper thread of the parallel reader: reads ranges of the shared bytes, each into a store of
 * its own, and hands each back as soon as it is read (transferred buffers, strings packed).
 */
import { parentPort } from 'node:worker_threads';
import { readHere } from '../core/read/readParallel';
import { packStore } from '../core/model/storePacking';
import type { RangeRequest, RangeWorkerReply } from './rangeProtocol';

const port = parentPort;
if (port) {
  port.on('message', (req: RangeRequest) => {
    try {
      const bytes = new Uint8Array(req.buffer, req.byteOffset, req.byteLength);
      req.jobs.forEach((job, k) => {
        const reply = readHere(bytes, job, (done) => port.postMessage({ type: 'progress', job: k, done } satisfies RangeWorkerReply));
        const { packed, transfer } = packStore(reply.store);
        port.postMessage({ type: 'done', job: k, result: reply.result, store: packed } satisfies RangeWorkerReply, transfer);
      });
    } catch (e) {
      // readRange does not throw by design; the reader treats what is missing as unclean and reads on one thread.
      port.postMessage({ type: 'failed', message: e instanceof Error ? e.message : String(e) } satisfies RangeWorkerReply);
    }
  });
}
