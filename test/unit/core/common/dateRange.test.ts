import { strict as assert } from 'node:assert';
import { parseRange } from '../../../../src/core/common/dateRange';

describe('typed date ranges', () => {
  it('reads typed date ranges', () => {
    assert.deepEqual(parseRange('2026-03-01 08:00 .. 2026-03-02'), { since: Date.UTC(2026, 2, 1, 8), until: Date.UTC(2026, 2, 3) - 1 });
    assert.deepEqual(parseRange(' .. 2026-03-02T10:00:00Z'), { until: Date.UTC(2026, 2, 2, 10) });
    assert.deepEqual(parseRange('2026-03-02 UTC'), { since: Date.UTC(2026, 2, 2) });
    assert.ok(parseRange('yesterday .. today').problem);
    assert.ok(parseRange('2026-03-02 .. 2026-03-01').problem);
  });
});
