import { strict as assert } from 'node:assert';
import { StoreBuilder } from '../../../../src/core/model/store';
import { packStore, unpackStore, unpackStoreInSlices } from '../../../../src/core/model/storePacking';

describe('store packing', () => {
  it('gives back every string in order, across several texts, empty and non-BMP ones included', () => {
    const store = new StoreBuilder(16).finish().toData();
    const strings = ['', 'a', '\u{1F600}x', 'x'.repeat(4000), '', 'y'.repeat(4000), 'z\u202E', ...Array.from({ length: 5000 }, (_, k) => `s${k}`)];
    const { packed } = packStore({ ...store, strings }, 5000);
    assert.ok(packed.texts.length >= 2, 'long tables are split into several texts');
    assert.deepEqual(unpackStore(packed).strings, strings);
  });

  it('gives back the same strings a slice at a time, pausing between slices', async () => {
    const store = new StoreBuilder(16).finish().toData();
    const strings = ['', ...Array.from({ length: 3000 }, (_, k) => (k % 7 === 0 ? '' : `v${k}\u00e9`))];
    const { packed } = packStore({ ...store, strings }, 997);
    let pauses = 0;
    const data = await unpackStoreInSlices(packed, () => {
      pauses++;
      return Promise.resolve();
    }, 250);
    assert.deepEqual(data.strings, strings);
    assert.equal(pauses, Math.ceil(strings.length / 250) - 1, 'one pause between each two slices');
  });

  it('stops where a pause fails (a cancelled load), leaving the rest', async () => {
    const store = new StoreBuilder(16).finish().toData();
    const strings = Array.from({ length: 1000 }, (_, k) => `s${k}`);
    const { packed } = packStore({ ...store, strings });
    await assert.rejects(unpackStoreInSlices(packed, () => Promise.reject(new Error('cancelled')), 100), /cancelled/);
  });

  it('carries strings UTF-8 cannot (lone surrogates) exactly, wherever they fall among the texts', async () => {
    const store = new StoreBuilder(16).finish().toData();
    const strings = ['', '\uD800', 'a\uDC00b', ...Array.from({ length: 300 }, (_, k) => (k % 50 === 3 ? `x\uD83D${k}` : `w${k}\u{1F600}`)), '\uDBFF'];
    const { packed, transfer } = packStore({ ...store, strings }, 64);
    assert.ok(packed.texts.length >= 10, 'several texts');
    assert.equal(packed.odd.length, 3 + 6, "the three lone ones and every sixth of the 300 (k = 3, 53, …)");
    for (const t of packed.texts) assert.ok(transfer.includes(t.buffer as ArrayBuffer), 'each text is transferred, not copied');
    assert.deepEqual(unpackStore(packed).strings, strings);
    assert.deepEqual((await unpackStoreInSlices(packed, () => Promise.resolve(), 7)).strings, strings);
  });
});

