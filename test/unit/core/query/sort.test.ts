import { strict as assert } from 'node:assert';
import { Sorter } from '../../../../src/core/query/sort';
import { store, all } from '../sampleLog';

describe('Sorter', () => {
  const sorter = new Sorter(store);
  it('sorts by time, by text (collated, empty last) and by status, stable', () => {
    const byTime = [...sorter.sort(Uint32Array.from(all), 'time', 'desc')];
    for (let k = 1; k < byTime.length; k++) assert.ok(store.time[byTime[k - 1]!]! >= store.time[byTime[k]!]!);
    const byName = [...sorter.sort(Uint32Array.from(all), 'sourceName', 'asc')];
    const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });
    for (let k = 1; k < byName.length; k++) {
      assert.ok(collator.compare(store.get('sourceName', byName[k - 1]!), store.get('sourceName', byName[k]!)) <= 0);
    }
    const byCode = [...sorter.sort(Uint32Array.from(all), 'errorCode', 'asc')];
    const firstEmpty = byCode.findIndex((i) => store.get('errorCode', i) === '');
    assert.ok(byCode.slice(firstEmpty).every((i) => store.get('errorCode', i) === ''), 'empty values go last');
    const byStatus = [...sorter.sort(Uint32Array.from(all), 'status', 'asc')];
    const failuresFirst = byStatus.filter((i) => store.statusOf(i) === 'failure');
    assert.deepEqual(failuresFirst, [...failuresFirst].sort((a, b) => a - b), 'ties keep file order');
  });
});
