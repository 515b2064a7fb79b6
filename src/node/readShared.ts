/**
 * A whole file read into shared memory, in chunks: the parallel reader's helper threads read the
 * bytes where they are (no copy per thread, none between the extension host and its worker), and
 * chunks keep each read under Node's 2 GiB limit per call, so files beyond 2 GiB open too.
 */
import { open } from 'node:fs/promises';

const CHUNK = 16 << 20;
/** The first read is small: it is all a preview of the first rows needs. */
const FIRST_CHUNK = 1 << 20;

/**
 * The file's bytes in a SharedArrayBuffer. `onChunk` is told after each chunk how far reading got,
 * with the bytes read so far (a view: the first rows can be read before the rest arrives).
 */
export async function readShared(path: string, onChunk?: (done: number, total: number, bytes: Uint8Array) => void): Promise<Uint8Array> {
  const file = await open(path, 'r');
  try {
    const size = (await file.stat()).size;
    const out = Buffer.from(new SharedArrayBuffer(size));
    let done = 0;
    while (done < size) {
      const { bytesRead } = await file.read(out, done, Math.min(done === 0 ? FIRST_CHUNK : CHUNK, size - done), done);
      if (bytesRead <= 0) break;
      done += bytesRead;
      onChunk?.(done, size, out.subarray(0, done));
    }
    // A file that shrank while it was read: what is there.
    return done === size ? out : out.subarray(0, done);
  } finally {
    await file.close();
  }
}
