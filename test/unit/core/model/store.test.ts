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
