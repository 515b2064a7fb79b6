import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readShared } from '../../../src/node/readShared';

describe('reading a file into shared memory', () => {
  const dir = mkdtempSync(join(tmpdir(), 'provlog-shared-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('gives every byte in order, in shared memory, telling how far it got after each chunk', async () => {
    const path = join(dir, 'big.bin');
    const data = Buffer.alloc(40 << 20);
    for (let i = 0; i < data.length; i += 4093) data[i] = (i / 4093) & 0xff;
    writeFileSync(path, data);
    const seen: number[] = [];
    let head: Uint8Array | undefined;
    const bytes = await readShared(path, (done, total, sofar) => {
      assert.equal(total, data.length);
      assert.equal(sofar.length, done);
      head ??= sofar;
      seen.push(done);
    });
    assert.ok(bytes.buffer instanceof SharedArrayBuffer);
    assert.equal(Buffer.compare(Buffer.from(bytes), data), 0);
    // A small first chunk (the preview needs only the start), then bigger ones, up to the whole file.
    assert.equal(seen[0], 1 << 20);
    assert.equal(head!.length, 1 << 20);
    assert.ok(seen.length >= 3 && seen.every((d, k) => k === 0 || d > seen[k - 1]!));
    assert.equal(seen[seen.length - 1], data.length);
  });

  it('reads an empty file as no bytes', async () => {
    const path = join(dir, 'empty.json');
    writeFileSync(path, '');
    assert.equal((await readShared(path)).length, 0);
  });
});
