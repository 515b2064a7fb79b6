import { strict as assert } from 'node:assert';
import { searchEvents } from '../../../../src/core/index/changeSearch';
import { QueryEngine } from '../../../../src/core/query/engine';
import { FOUR_EVENTS, storeOf } from '../../treeFixtures';

describe('change search (Go to Change ID)', () => {
  const engine = new QueryEngine(storeOf(FOUR_EVENTS));

  it('finds events by name, ID, change ID or code, newest first', () => {
    assert.deepEqual(searchEvents(engine, 'ann', 10), { indices: [3, 0], total: 2 });
    assert.deepEqual(searchEvents(engine, 'x3', 10).indices, [2]);
    assert.deepEqual(searchEvents(engine, 'b', 1), { indices: [3], total: 3 }, 'code B, Ben: capped at the limit, counted in full');
    assert.equal(searchEvents(engine, '', 10).total, 4);
    assert.deepEqual(searchEvents(engine, 'skip', 10).indices, [2], 'a status as the picker shows it');
    assert.deepEqual(searchEvents(engine, 'delete', 10).indices, [3], 'an action as the picker shows it');
  });
});
