import { strict as assert } from 'node:assert';
import { Sorter } from '../../../../src/core/query/sort';
import { EventStore } from '../../../../src/core/model/store';
import { ACTION_LABELS, ACTIONS, STATUS_LABELS, STATUSES, STRING_FIELDS } from '../../../../src/core/common/record';
import type { SortKey } from '../../../../src/core/common/columns';
import { store, all } from '../sampleLog';

/** The order the sorter promises, by comparison: missing last in either direction, ties by index. */
function reference(s: EventStore, indices: readonly number[], key: SortKey, dir: 'asc' | 'desc'): number[] {
  const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });
  const labelRank = (labels: string[]): number[] => labels.map((l) => [...labels].sort((a, b) => a.localeCompare(b)).indexOf(l));
  const actionRank = labelRank(ACTIONS.map((a) => ACTION_LABELS[a]));
  const statusRank = labelRank(STATUSES.map((x) => STATUS_LABELS[x]));
  const sign = dir === 'asc' ? 1 : -1;
  const cmp = (a: number, b: number): number => {
    if (key === 'time' || key === 'duration') {
      const col = key === 'time' ? s.time : s.duration;
      const va = col[a]!;
      const vb = col[b]!;
      if (Number.isNaN(va)) return Number.isNaN(vb) ? a - b : 1;
      if (Number.isNaN(vb)) return -1;
      return (va - vb) * sign || a - b;
    }
    if (key === 'action') return (actionRank[s.action[a]!]! - actionRank[s.action[b]!]!) * sign || a - b;
    if (key === 'status') return (statusRank[s.status[a]!]! - statusRank[s.status[b]!]!) * sign || a - b;
    const va = s.get(key, a);
    const vb = s.get(key, b);
    if (va === '') return vb === '' ? a - b : 1;
    if (vb === '') return -1;
    return collator.compare(va, vb) * sign || a - b;
  };
  return [...indices].sort(cmp);
}

/** A small random generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 2 ** 32;
  };
}

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

  it('gives the comparison order for every column and direction, from any input order', () => {
    const next = random(7);
    // Shuffled, with some events left out: ties must still come out in file order.
    const subset = all.filter(() => next() < 0.8).sort(() => next() - 0.5);
    for (const key of ['time', 'duration', 'action', 'status', ...STRING_FIELDS] as const) {
      for (const dir of ['asc', 'desc'] as const) {
        assert.deepEqual([...sorter.sort(Uint32Array.from(subset), key, dir)], reference(store, subset, key, dir), `${key} ${dir}`);
      }
    }
  });

  it('orders numbers of every sign and size, ties and missing values as a comparison does', () => {
    const next = random(3);
    const special = [0, -0, 1, -1, 0.5, -0.5, Number.MIN_VALUE, -Number.MIN_VALUE, Number.MAX_VALUE, -Number.MAX_VALUE, Infinity, -Infinity, NaN, 1.7e12, 1.7e12 + 1, -1.7e12];
    const n = 3000;
    const time = new Float64Array(n);
    // Mostly few distinct values (many ties), some random ones across the whole range.
    for (let i = 0; i < n; i++) time[i] = next() < 0.6 ? special[Math.floor(next() * special.length)]! : (next() - 0.5) * 10 ** Math.floor(next() * 40 - 20);
    const duration = Float64Array.from(time).reverse();
    const data = store.toData();
    const size = Math.min(n, data.size);
    const s = new EventStore({ ...data, size, time: time.subarray(0, size), duration: duration.subarray(0, size) });
    const indices = [...Array(size).keys()];
    const sorted = new Sorter(s);
    for (const key of ['time', 'duration'] as const) {
      for (const dir of ['asc', 'desc'] as const) {
        assert.deepEqual([...sorted.sort(Uint32Array.from(indices), key, dir)], reference(s, indices, key, dir), `${key} ${dir}`);
      }
    }
    assert.deepEqual([...sorted.sort(new Uint32Array(0), 'time', 'asc')], []);
    assert.deepEqual([...sorted.orderOfAll('time', 'desc')], reference(s, indices, 'time', 'desc'));
  });
});
