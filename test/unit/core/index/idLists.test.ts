import { strict as assert } from 'node:assert';
import { collectIds } from '../../../../src/core/index/idLists';
import { QueryEngine } from '../../../../src/core/query/engine';
import { FOUR_EVENTS, storeOf } from '../../treeFixtures';

describe('id lists', () => {
  const store = storeOf(FOUR_EVENTS);

  it('copies unique IDs in first-seen order (the PowerShell recipes)', () => {
    assert.deepEqual(collectIds(store, [0, 1, 2, 3], 'job'), ['J1', 'J2']);
    const creates = new QueryEngine(store).run({ action: ['create'] });
    assert.deepEqual(collectIds(store, creates, 'change'), ['X1', 'X2']);
    assert.deepEqual(collectIds(store, [3, 2, 1, 0], 'change'), ['X1', 'X3', 'X2']);
    assert.deepEqual(collectIds(store, [2], 'sourceId'), [], 'empty values are left out');
  });
});
