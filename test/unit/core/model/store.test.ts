import { strict as assert } from 'node:assert';
import { StoreBuilder } from '../../../../src/core/model/store';
import { record } from '../../treeFixtures';

/** A builder sized for `capacity` events holding `count` of them. */
function filled(capacity: number, count: number): StoreBuilder {
  const b = new StoreBuilder(capacity);
  for (let k = 0; k < count; k++) b.add(record({ name: `user ${k}`, status: k % 3 === 0 ? 'failure' : 'success' }), { file: 0, start: k * 10, end: k * 10 + 9 });
  return b;
}

describe('event store: finishing a builder', () => {
  it('keeps nearly full columns where they are (no copy at the peak of a read), each the length of the store', () => {
    const store = filled(1000, 700).finish();
    const data = store.toData();
    assert.equal(store.size, 700);
    for (const col of [...data.str, data.time, data.start, data.end, data.status, data.flags, data.file]) {
      assert.equal(col.length, 700);
      assert.ok(col.buffer.byteLength > col.byteLength, 'a view over the builder’s column');
    }
    assert.equal(store.get('sourceName', 699), 'user 699');
    assert.equal(store.end[699], 6999);
  });

  it('copies mostly empty columns to size, so a small log does not keep a large buffer', () => {
    const data = filled(1000, 100).finish().toData();
    for (const col of [...data.str, data.time, data.start]) assert.equal(col.buffer.byteLength, col.byteLength);
  });
});

describe('event store: interning', () => {
  it('gives a string one number whichever field holds it, before and after a field has many values', () => {
    const b = new StoreBuilder(16);
    // sourceName takes 2,000 values (past what a field keeps to itself); the job name repeats a few.
    for (let k = 0; k < 2000; k++) {
      const rec = record({ name: `user ${k}`, status: 'success' });
      b.add({ ...rec, id: `id ${k}`, jobId: `job ${k % 3}`, targetIdentity: { ...rec.targetIdentity, displayName: `user ${(k * 7) % 2000}` } }, { file: 0, start: k, end: k + 1 });
    }
    const store = b.finish();
    const strings = store.strings;
    assert.equal(new Set(strings).size, strings.length, 'each string once in the table');
    const src = store.column('sourceName');
    const tgt = store.column('targetName');
    const job = store.column('jobId');
    for (let k = 0; k < 2000; k++) {
      assert.equal(strings[src[k]!], `user ${k}`);
      assert.equal(strings[tgt[k]!], `user ${(k * 7) % 2000}`);
      assert.equal(tgt[k], src[(k * 7) % 2000], 'the same name has the same number in both fields');
      assert.equal(job[k], job[k % 3]);
    }
  });
});
