import { strict as assert } from 'node:assert';
import {
  chipWords,
  cleanFilter,
  exactFilter,
  filterChips,
  mergeFilters,
  parseEventFilter,
  removeChip,
  withText,
  type EventFilter,
} from '../../../../src/core/common/filter';
import { LoadedLog } from '../../../../src/core/log/loadedLog';
import { filterToKql } from '../../../../src/core/sources/kql/filterToKql';
import { logDataOf, storeOf } from '../../treeFixtures';

// Codes that contain one another: a value picked from the list must find only itself.
const CODES = ['Timeout', 'ExportTimeout', 'TimeoutError', 'timeout', ''];
const log = new LoadedLog(logDataOf(storeOf(CODES.map((code, k) => ({ status: code ? 'failure' : 'success', code, change: `c${k}` })))));
const codesOf = (ids: Iterable<number>): string[] => [...ids].map((i) => log.store.get('errorCode', i));

describe('filter model', () => {
  it('cleans empty parts of a filter', () => {
    assert.deepEqual(cleanFilter({ status: [], identity: ' ann ', hideSkipped: false, changesOnly: true, windowFrom: 'now' }), { identity: 'ann', changesOnly: true });
    assert.deepEqual(cleanFilter({ window: '7d', windowFrom: 'now', text: '  ' }), { window: '7d', windowFrom: 'now' });
  });
});

describe('filter model: whole values picked from a list, parts typed', () => {
  it('matches a picked code as a whole value (any case) and a typed one as a part, in both engines', () => {
    const picked = withText({}, 'errorCode', 'Timeout', true);
    const typed = withText({}, 'errorCode', 'Timeout', false);
    assert.deepEqual(codesOf(log.query.run(picked)), ['Timeout', 'timeout']);
    assert.deepEqual(codesOf(log.query.run(typed)), ['Timeout', 'ExportTimeout', 'TimeoutError', 'timeout']);
    // The viewer's way (a kept sort order, scoped matchers) finds the same events.
    for (const f of [picked, typed]) {
      const viewed = [...log.query.run(f, { key: 'time', dir: 'asc' })].sort((a, b) => a - b);
      assert.deepEqual(viewed, [...log.query.run(f)], JSON.stringify(f));
    }
  });

  it('says which it is in the chips, the palette words and KQL', () => {
    const picked = withText({}, 'errorCode', 'Timeout', true);
    assert.equal(chipWords(filterChips(picked, String)[0]!), 'Error code: = Timeout');
    assert.equal(chipWords(filterChips({ errorCode: 'Timeout' }, String)[0]!), 'Error code: Timeout');
    assert.match(filterToKql(picked), /=~ "Timeout"/);
    assert.doesNotMatch(filterToKql(picked), /contains/);
    assert.match(filterToKql({ errorCode: 'Timeout' }), /contains "Timeout"/);
  });

  it('forgets exactness when the value is typed over, removed or cleaned away', () => {
    const picked = withText({ jobId: 'j' }, 'errorCode', 'Timeout', true);
    assert.deepEqual(picked.exact, ['errorCode']);
    assert.equal(withText(picked, 'errorCode', 'Time', false).exact, undefined);
    assert.equal(withText(picked, 'errorCode', '', true).exact, undefined);
    const chip = filterChips(picked, String).find((c) => c.field === 'errorCode')!;
    assert.deepEqual(removeChip(picked, chip), { jobId: 'j' });
    assert.deepEqual(cleanFilter({ exact: ['errorCode', 'jobId'], jobId: 'j' }), { jobId: 'j', exact: ['jobId'] });
    // Free text is always "contains".
    assert.equal(withText({}, 'text', 'Timeout', true).exact, undefined);
  });

  it('"filter to this code" from the tree, hovers, Problems, the detail panel and the chart asks for the whole value', () => {
    const f = exactFilter('errorCode', 'Timeout');
    assert.deepEqual(f, { errorCode: 'Timeout', exact: ['errorCode'] });
    assert.deepEqual(codesOf(log.query.run(f)), ['Timeout', 'timeout']);
    assert.equal(chipWords(filterChips(f, String)[0]!), 'Error code: = Timeout');
  });

  it('keeps a requested filter’s own exactness when merged, and the others of the current one', () => {
    const current: EventFilter = { errorCode: 'Timeout', jobId: 'j1', exact: ['errorCode', 'jobId'] };
    assert.deepEqual(mergeFilters(current, { errorCode: 'Export' }, false).exact, ['jobId']);
    assert.deepEqual(mergeFilters(current, { cycleId: 'c', exact: ['cycleId'] }, false).exact, ['errorCode', 'jobId', 'cycleId']);
    assert.equal(mergeFilters(current, { errorCode: 'x' }, true).exact, undefined);
  });

  it('accepts exactness from a message only for text filters that are set', () => {
    assert.deepEqual(parseEventFilter({ errorCode: 'Timeout', exact: ['errorCode', 'jobId', 'text', 'status', 42] }), { errorCode: 'Timeout', exact: ['errorCode'] });
    assert.deepEqual(parseEventFilter({ exact: 'errorCode' }), {});
  });
});
