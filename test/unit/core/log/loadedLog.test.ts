import { strict as assert } from 'node:assert';
import { DerivedKey, LoadedLog } from '../../../../src/core/log/loadedLog';
import { FOUR_EVENTS, logDataOf, storeOf } from '../../treeFixtures';

describe('LoadedLog', () => {
  it('builds a derived value once, per log, and finds it by the key’s name from another bundle’s copy of the key', () => {
    const log = new LoadedLog(logDataOf(storeOf(FOUR_EVENTS)));
    const key = new DerivedKey<{ n: number }>('test value');
    let built = 0;
    assert.equal(log.known(key), undefined);
    const first = log.derived(key, (l) => ({ n: (built++, l.store.size) }));
    assert.equal(log.derived(key, () => ({ n: -1 })), first);
    assert.equal(built, 1);
    // The extension and its tests are separate bundles: a second key object with the same name is the same key.
    assert.equal(log.known(new DerivedKey<{ n: number }>('test value')), first);
    // Another log has its own.
    assert.equal(new LoadedLog(logDataOf(storeOf(FOUR_EVENTS))).known(key), undefined);
  });

  it('owns one engine, sorter, matcher and index for its lifetime', () => {
    const log = new LoadedLog(logDataOf(storeOf(FOUR_EVENTS)));
    assert.equal(log.query, log.query);
    assert.equal(log.sorter, log.query.sorter);
    assert.equal(log.matcher, log.query.matcher);
    assert.equal(log.index, log.index);
  });
});
