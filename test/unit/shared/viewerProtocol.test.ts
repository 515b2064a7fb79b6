import { strict as assert } from 'node:assert';
import { chipWords, describeFilter, filterChips, isEmptyFilter, mergeFilters, parseEventFilter, removeChip, setListValue } from '../../../src/core/common/filter';
import { isToViewer, parseFromViewer } from '../../../src/shared/viewerProtocol';

const utc = (t: number): string => new Date(t).toISOString().slice(0, 16);

describe('viewer filters', () => {
  it('keeps only well-formed parts of an untrusted filter', () => {
    const f = parseEventFilter({
      identity: 'adele',
      text: '   ',
      status: ['failure', 'bogus', 7],
      action: 'create',
      window: '1y',
      since: Number.NaN,
      until: 5,
      hideSkipped: 'yes',
      changesOnly: true,
      identityType: ['user', 3],
      __proto__: { polluted: true },
      evil: '<script>',
    });
    assert.deepEqual(f, { identity: 'adele', status: ['failure'], until: 5, changesOnly: true, identityType: ['user'] });
    assert.equal(parseEventFilter(null), undefined);
    assert.equal(parseEventFilter([1]), undefined);
    assert.equal(parseEventFilter({ text: 'x'.repeat(10_000) })!.text!.length, 4096);
  });

  it('merges a requested filter into the current one, or replaces it', () => {
    const current = { status: ['failure' as const], window: '7d' as const };
    assert.deepEqual(mergeFilters(current, { cycleId: 'c1' }, false), { status: ['failure'], window: '7d', cycleId: 'c1' });
    assert.deepEqual(mergeFilters(current, { cycleId: 'c1' }, true), { cycleId: 'c1' });
    // An absolute range from a chart bar replaces the relative window.
    assert.deepEqual(mergeFilters(current, { since: 1, until: 2 }, false), { status: ['failure'], since: 1, until: 2 });
    assert.deepEqual(mergeFilters({ since: 1 }, { window: '24h' }, false), { window: '24h' });
  });

  it('shows one removable chip per filtered value, and removing each one undoes just that', () => {
    const f = { text: 'sam', status: ['failure' as const, 'warning' as const], action: ['create' as const], cycleId: 'abc', window: '24h' as const, since: 0, until: 3_600_000, hideSkipped: true, identityType: ['group'] };
    const chips = filterChips(f, utc);
    assert.deepEqual(
      chips.map((c) => `${c.label}: ${c.text}`),
      [
        'Text: sam',
        'Date: Last 24 hours of the log, 1970-01-01T00:00 – 1970-01-01T01:00',
        'Status: Failure',
        'Status: Warning',
        'Action: Create',
        'Cycle ID: abc',
        'Identity type: group',
        'Hide skipped: on',
      ],
    );
    let g: typeof f | ReturnType<typeof removeChip> = f;
    for (const c of filterChips(g, utc)) g = removeChip(g, c);
    assert.deepEqual(g, {});
    assert.ok(isEmptyFilter(g));
    assert.deepEqual(removeChip(f, chips[2]!).status, ['warning']);
    assert.equal(isEmptyFilter({ windowFrom: 'now' }), true);
  });

  it('describes a filter in words for a report', () => {
    assert.equal(describeFilter({}, utc), 'all events');
    assert.equal(describeFilter({ status: ['failure'], changesOnly: true }, utc), 'Status: Failure; Changes only');
    assert.deepEqual(filterChips({ cycleId: 'c1', hideSkipped: true }, utc).map(chipWords), ['Cycle ID: c1', 'Hide skipped']);
  });

  it('adds a value at the end of a list filter, removes it, and drops an emptied list', () => {
    const f = { status: ['failure' as const], cycleId: 'c1' };
    assert.deepEqual(setListValue(f, 'status', 'warning', true), { status: ['failure', 'warning'], cycleId: 'c1' });
    assert.deepEqual(setListValue(f, 'status', 'failure', true), { status: ['failure'], cycleId: 'c1' });
    assert.deepEqual(setListValue(f, 'status', 'failure', false), { cycleId: 'c1' });
    assert.deepEqual(setListValue({ action: ['create', 'update'] }, 'action', 'create', true), { action: ['update', 'create'] });
    assert.deepEqual(setListValue({}, 'identityType', 'group', false), {});
    assert.deepEqual(f, { status: ['failure'], cycleId: 'c1' });
  });
});

describe('viewer protocol', () => {
  it('accepts well-formed messages from the page and rebuilds them from known fields', () => {
    assert.deepEqual(parseFromViewer({ type: 'ready', extra: 1 }), { type: 'ready' });
    assert.deepEqual(
      parseFromViewer({ type: 'ready', query: { type: 'query', seq: 1, filter: { text: 'a', junk: 2 }, sort: { column: 'time', dir: 'desc' }, start: 400, count: 200, anchor: 7 } }),
      { type: 'ready', query: { type: 'query', seq: 1, filter: { text: 'a' }, sort: { column: 'time', dir: 'desc' }, start: 400, count: 200, anchor: 7 } },
    );
    // A malformed first query is dropped, not the page's ready.
    assert.deepEqual(parseFromViewer({ type: 'ready', query: { type: 'query', seq: -1, filter: {}, sort: { column: 'time', dir: 'desc' }, start: 0, count: 1 } }), { type: 'ready' });
    assert.deepEqual(parseFromViewer({ type: 'ready', query: { type: 'rows', seq: 1, start: 0, count: 1 } }), { type: 'ready' });
    assert.deepEqual(
      parseFromViewer({ type: 'query', seq: 3, filter: { status: ['failure'], junk: 1 }, sort: { column: 'status', dir: 'asc' }, start: 0, count: 99999, anchor: 12 }),
      { type: 'query', seq: 3, filter: { status: ['failure'] }, sort: { column: 'status', dir: 'asc' }, start: 0, count: 2000, anchor: 12 },
    );
    assert.deepEqual(parseFromViewer({ type: 'copyId', index: 4, field: 'cycleId' }), { type: 'copyId', index: 4, field: 'cycleId' });
    assert.deepEqual(parseFromViewer({ type: 'setColumns', columns: ['jobId', 'x'], widths: { jobId: 300 } }), { type: 'setColumns', columns: ['jobId'], widths: { jobId: 300 } });
  });

  it('rejects malformed or unknown messages', () => {
    for (const bad of [
      null,
      'ready',
      { type: 'nope' },
      { type: 'open', index: -1 },
      { type: 'open', index: 1.5 },
      { type: 'select', index: '3' },
      { type: 'copyId', index: 1, field: 'tenantId' },
      { type: 'query', seq: 1, filter: {}, sort: { column: 'evil', dir: 'asc' }, start: 0, count: 10 },
      { type: 'query', seq: 1, filter: 'x', sort: { column: 'time', dir: 'asc' }, start: 0, count: 10 },
      { type: 'goToProblem', id: 'x' },
    ]) {
      assert.equal(parseFromViewer(bad), undefined, JSON.stringify(bad));
    }
  });

  it('lets the page recognise host messages', () => {
    assert.equal(isToViewer({ type: 'result' }), true);
    assert.equal(isToViewer({ type: 'alert' }), false);
    assert.equal(isToViewer(undefined), false);
  });
});
