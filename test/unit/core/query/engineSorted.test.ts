import { strict as assert } from 'node:assert';
import { LoadedLog } from '../../../../src/core/log/loadedLog';
import { QueryEngine, positionOf } from '../../../../src/core/query/engine';
import { TextMatcher } from '../../../../src/core/query/textMatcher';
import { generateRecords } from '../../../fixtures/generator/records';
import { portalJson } from '../../../fixtures/generator/writers';
import { readText } from '../../helpers';
import { type EventFilter } from '../../../../src/core/common/filter';
import { STRING_FIELDS, type StringField } from '../../../../src/core/common/record';
import { FLAG_CHANGED } from '../../../../src/core/model/store';
import { type SortKey } from '../../../../src/core/common/columns';

const records = generateRecords({ seed: 4, count: 1500, perCycle: 30 });
const model = new LoadedLog(readText(portalJson(records)));
const NOW = Date.UTC(2026, 2, 2, 15, 0, 0);

const TEXT_FIELDS: Record<string, readonly StringField[]> = {
  identity: ['sourceName', 'sourceId', 'targetName', 'targetId'],
  application: ['appName', 'appId'],
  text: STRING_FIELDS.filter((f) => f !== 'activityDateTime'),
};

/** The filter written the slow, obvious way, event by event, to check the engine against. */
function reference(filter: EventFilter, now: number): Uint32Array {
  const { store } = model;
  const newest = Math.max(...[...store.time].filter((t) => !Number.isNaN(t)));
  let since = filter.since ?? -Infinity;
  let until = filter.until ?? Infinity;
  if (filter.window) {
    const days = { '24h': 1, '7d': 7, '30d': 30 }[filter.window];
    since = Math.max(since, (filter.windowFrom === 'now' ? now : newest) - days * 24 * 3600_000);
    if (filter.windowFrom === 'now') until = Math.min(until, now);
  }
  const keep = (i: number): boolean => {
    const has = (key: keyof typeof filter, fields: readonly StringField[]): boolean => {
      const needle = (filter[key] as string | undefined)?.trim().toLowerCase();
      return !needle || fields.some((f) => store.get(f, i).toLowerCase().includes(needle));
    };
    const type = (store.get('sourceType', i) || store.get('targetType', i)).trim().toLowerCase();
    const t = store.time[i]!;
    return (
      (!filter.status?.length || filter.status.includes(store.statusOf(i))) &&
      (!filter.hideSkipped || store.statusOf(i) !== 'skipped') &&
      (!filter.action?.length || filter.action.includes(store.actionOf(i))) &&
      (!filter.changesOnly || (store.flags[i]! & FLAG_CHANGED) !== 0) &&
      (!filter.identityType?.length || filter.identityType.some((w) => w.toLowerCase() === type.slice(type.lastIndexOf(':') + 1))) &&
      ((since === -Infinity && until === Infinity) || (t >= since && t <= until)) &&
      has('identity', TEXT_FIELDS['identity']!) &&
      has('jobId', ['jobId']) &&
      has('cycleId', ['cycleId']) &&
      has('changeId', ['changeId']) &&
      has('sourceSystem', ['sourceSystem']) &&
      has('targetSystem', ['targetSystem']) &&
      has('application', TEXT_FIELDS['application']!) &&
      has('errorCode', ['errorCode']) &&
      has('text', TEXT_FIELDS['text']!)
    );
  };
  return Uint32Array.from([...Array(store.size).keys()].filter(keep));
}

/** What the viewer must show: the reference answer, in Sorter's order. */
function expected(filter: EventFilter, key: SortKey, dir: 'asc' | 'desc'): number[] {
  return [...model.sorter.sort(reference(filter, NOW), key, dir)];
}

describe('query engine, sorted (the viewer)', () => {
  const view = new QueryEngine(model.store);
  const someName = model.store.get('sourceName', 17).split(' ')[0]!;
  const someCycle = model.store.get('cycleId', 300);
  const someCode = model.store.get('errorCode', [...Array(model.store.size).keys()].find((i) => model.store.get('errorCode', i) !== '')!);
  const filters: EventFilter[] = [
    {},
    { status: ['failure'] },
    { status: ['failure', 'warning'], action: ['create', 'update'] },
    { identity: someName.toUpperCase() },
    { identity: '  ' + someName.slice(0, 3) + ' ' },
    { text: 'conflict' },
    { text: 'Entry' },
    { text: 'zz-not-there' },
    { cycleId: someCycle.slice(4, 12) },
    { errorCode: someCode, status: ['failure'] },
    { application: 'servicenow' },
    { sourceSystem: 'Azure', targetSystem: 'a' },
    { identityType: ['group'] },
    { hideSkipped: true, changesOnly: true },
    { window: '24h' },
    { window: '7d', windowFrom: 'now' },
    { since: Date.UTC(2026, 2, 1), until: Date.UTC(2026, 2, 2, 6) },
    { text: 'a', identity: 'e', status: ['success'], jobId: 'delta' },
  ];

  for (const [k, f] of filters.entries()) {
    it(`matches the reference filter + Sorter for filter #${k} ${JSON.stringify(f)}`, () => {
      for (const [key, dir] of [['time', 'desc'], ['sourceName', 'asc'], ['status', 'desc'], ['duration', 'asc']] as const) {
        assert.deepEqual([...view.run(f, { key, dir }, NOW)], expected(f, key, dir), `${key} ${dir}`);
      }
      assert.deepEqual([...view.run(f, undefined, NOW)], [...reference(f, NOW)], 'file order');
    });
  }

  it('gives the same answers once prepared while idle (strings lower-cased, scopes joined)', () => {
    const warm = new QueryEngine(model.store);
    let slices = 0;
    while (!warm.warm()) slices++;
    assert.ok(slices >= 2, 'the preparation is cut in slices');
    for (const f of filters) {
      assert.deepEqual([...warm.run(f, { key: 'time', dir: 'desc' }, NOW)], expected(f, 'time', 'desc'), JSON.stringify(f));
    }
    for (const text of ['Ö', 'ü', '@', ' ', '-', '0', 'e.', 'İ']) {
      assert.deepEqual([...warm.run({ text }, { key: 'time', dir: 'asc' }, NOW)], expected({ text }, 'time', 'asc'), text);
    }
  });

  it('gives the same answers while typing forwards and backwards (narrowing never loses a match)', () => {
    const sort = { key: 'time', dir: 'desc' } as const;
    for (const text of ['e', 'en', 'ent', 'entr', 'entry', 'ent', 'e', 'ex', 'entryc', 'c', 'co', 'con']) {
      assert.deepEqual([...view.run({ text }, sort, NOW)], expected({ text }, 'time', 'desc'), text);
    }
  });

  it('returns the whole sort order, without copying it, when nothing is filtered', () => {
    const sort = { key: 'time', dir: 'desc' } as const;
    assert.equal(view.run({}, sort), view.order(sort));
    assert.equal(view.run({ windowFrom: 'now' }, sort).length, model.store.size);
  });

  it('finds where an event stands in a result', () => {
    const r = view.run({ status: ['failure'] }, { key: 'time', dir: 'asc' }, NOW);
    assert.equal(positionOf(r, r[5]!), 5);
    const notFailed = [...Array(model.store.size).keys()].find((i) => model.store.statusOf(i) !== 'failure')!;
    assert.equal(positionOf(r, notFailed), -1);
  });
});

describe('viewer text matcher', () => {
  it('marks every string containing the needle, whether warmed first or not', () => {
    const cold = new TextMatcher(model.store);
    const warm = new TextMatcher(model.store);
    while (!warm.warm(1000)) {
      // slices, as the host does while idle
    }
    for (const needle of ['con', 'conf', 'a', '@contoso.com']) {
      const a = cold.hits(needle);
      const b = warm.hits(needle);
      assert.deepEqual(a, b);
      model.store.strings.forEach((s, id) => assert.equal(a[id], id > 0 && s.toLowerCase().includes(needle) ? 1 : 0, `${needle} / ${s}`));
    }
  });
});
