/**
 * Runs in a worker thread: reads a log off the extension host's main thread, so the editor stays
 * responsive while a 250 MB download is parsed. Bytes arrive and leave as transferred buffers.
 */
import { parentPort } from 'node:worker_threads';
import { toMessage, type InputFile } from '../core/model/logData';
import { readLog } from '../core/read/readLog';
import { logDiagnostics } from '../core/views/editor/logDiagnostics';
import type { WorkerReply, WorkerRequest } from './loadWorkerProtocol';

const port = parentPort;
if (port) {
  port.on('message', (req: WorkerRequest) => {
    const files: InputFile[] = req.files.map((f) => ({ name: f.name, bytes: new Uint8Array(f.buffer, f.byteOffset, f.byteLength) }));
    let last = 0;
    try {
      const log = readLog(files, {
        ...(req.selectLogs === true ? { selectLogs: true } : {}),
        onProgress(done, total) {
          // A message per ~2% is plenty for a progress bar.
          if (done - last >= total / 50 || done === total) {
            last = done;
            port.postMessage({ type: 'progress', done, total } satisfies WorkerReply);
          }
        },
      });
      // Here, before the bytes are handed back: locating error codes in a 250 MB file scans most of
      // it, which would otherwise stall the extension host's main thread.
      const diagnostics = req.diagnostics === undefined ? undefined : logDiagnostics(log, req.diagnostics);
      const { message, transfer } = toMessage(log);
      port.postMessage({ type: 'done', log: message, ...(diagnostics ? { diagnostics } : {}) } satisfies WorkerReply, transfer);
    } catch (e) {
      // readLog does not throw by design; this is the last guard so the host always gets an answer.
      port.postMessage({ type: 'failed', message: e instanceof Error ? e.message : String(e) } satisfies WorkerReply);
    }
  });
}
