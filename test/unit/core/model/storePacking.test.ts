import { strict as assert } from 'node:assert';
import { StoreBuilder } from '../../../../src/core/model/store';
import { packStore, unpackStore } from '../../../../src/core/model/storePacking';

describe('store packing', () => {
  it('gives back every string in order, across several texts, empty and non-BMP ones included', () => {
    const store = new StoreBuilder(16).finish().toData();
    const strings = ['', 'a', '\u{1F600}x', 'x'.repeat(4000), '', 'y'.repeat(4000), 'z\u202E', ...Array.from({ length: 5000 }, (_, k) => `s${k}`)];
    const { packed } = packStore({ ...store, strings }, 5000);
    assert.ok(packed.texts.length >= 2, 'long tables are split into several texts');
    assert.deepEqual(unpackStore(packed).strings, strings);
  });
});
