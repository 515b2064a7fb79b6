import { strict as assert } from 'node:assert';
import { countsGlyphs, formatDuration } from '../../../../src/core/common/displayText';

describe('display text', () => {
  it('formats durations and status counts', () => {
    assert.equal(formatDuration(850), '850 ms');
    assert.equal(formatDuration(192_000), '3 min 12 s');
    assert.equal(formatDuration(3_900_000), '1 h 05 min');
    assert.equal(formatDuration(NaN), '');
    assert.equal(countsGlyphs({ total: 23, success: 20, failure: 2, skipped: 1, warning: 0 }), '✓ 20 ✗ 2 ⤼ 1');
  });
});
