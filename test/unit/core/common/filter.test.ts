import { strict as assert } from 'node:assert';
import { cleanFilter } from '../../../../src/core/common/filter';

describe('filter model', () => {
  it('cleans empty parts of a filter', () => {
    assert.deepEqual(cleanFilter({ status: [], identity: ' ann ', hideSkipped: false, changesOnly: true, windowFrom: 'now' }), { identity: 'ann', changesOnly: true });
    assert.deepEqual(cleanFilter({ window: '7d', windowFrom: 'now', text: '  ' }), { window: '7d', windowFrom: 'now' });
  });
});
