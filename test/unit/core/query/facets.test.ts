import { strict as assert } from 'node:assert';
import { FOUR_EVENTS, storeOf } from '../../treeFixtures';
import { identityTypeKey } from '../../../../src/core/query/idSets';
import { MAX_CYCLES, actionFacet, buildFacets, facetValues, identityTypeFacet, statusFacet } from '../../../../src/core/query/facets';
import { store, all } from '../viewerSample';

describe('facets (the pickers)', () => {
  const four = storeOf(FOUR_EVENTS);

  it('offers the values of the file with counts, most frequent first', () => {
    assert.deepEqual(facetValues(four, 'jobId'), [{ value: 'J1', count: 3 }, { value: 'J2', count: 1 }]);
    assert.deepEqual(statusFacet(four), [{ value: 'success', count: 1 }, { value: 'failure', count: 2 }, { value: 'skipped', count: 1 }]);
    assert.deepEqual(actionFacet(four).map((f) => [f.value, f.count]), [['create', 2], ['delete', 1], ['update', 1]]);
    assert.deepEqual(identityTypeFacet(four), [{ value: 'user', count: 3 }, { value: 'group', count: 1 }]);
  });
});

describe('viewer facets', () => {
  const facets = buildFacets(store);

  it('offers only the values present, with their counts', () => {
    assert.deepEqual(facets.status.map((f) => f.value).sort(), [...new Set([...all].map((i) => store.statusOf(i)))].sort());
    assert.equal(facets.status.reduce((n, f) => n + f.count, 0), store.size);
    assert.equal(facets.action.reduce((n, f) => n + f.count, 0), store.size);
    const jobs = new Set([...all].map((i) => store.get('jobId', i)));
    assert.deepEqual(new Set(facets.jobId.map((f) => f.value)), jobs);
    for (const j of facets.jobId) assert.ok(j.detail, 'a job is labelled with its application');
    const codes = [...all].map((i) => store.get('errorCode', i)).filter((c) => c !== '');
    assert.equal(facets.errorCode.reduce((n, f) => n + f.count, 0), codes.length);
    assert.ok(facets.errorCode.every((f) => f.detail), 'codes carry their catalog title');
    const types = new Set([...all].map((i) => identityTypeKey(store.get('sourceType', i) || store.get('targetType', i))));
    assert.deepEqual(new Set(facets.identityType.map((f) => f.value)), types);
  });

  it('lists cycles newest first', () => {
    assert.equal(facets.cyclesTotal, new Set([...all].map((i) => store.get('cycleId', i))).size);
    for (let k = 1; k < facets.cycleId.length; k++) assert.ok(facets.cycleId[k - 1]!.last! >= facets.cycleId[k]!.last!);
    assert.ok(MAX_CYCLES >= 100);
  });
});
