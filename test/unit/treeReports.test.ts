import { strict as assert } from 'node:assert';
import { explainMarkdown } from '../../src/core/output/explainMarkdown';
import { searchEvents } from '../../src/core/index/changeSearch';
import { countsGlyphs, formatDuration } from '../../src/core/common/displayText';
import { EventIndex } from '../../src/core/index/eventIndex';
import { actionFacet, facetValues, identityTypeFacet, statusFacet } from '../../src/core/query/facets';
import { cleanFilter, parseRange } from '../../src/core/common/filterText';
import { collectIds } from '../../src/core/index/idLists';
import { QueryEngine } from '../../src/core/query/engine';
import { summaryMarkdown } from '../../src/core/output/summaryMarkdown';
import { generateRecords } from '../fixtures/generator/records';
import { portalJson } from '../fixtures/generator/writers';
import { readText } from './helpers';
import { logDataOf, storeOf } from './treeFixtures';

const HOSTILE = '<script>alert(1)</script> [x](command:workbench.action.terminal.new) | `tick` $(zap)';

/** The text outside code spans: inside one, Markdown shows `<script>` as text (and cannot escape it). */
function outsideCode(md: string): string {
  return md.replace(/`[^`\n]*`/g, '');
}

describe('explainMarkdown', () => {
  it('explains a catalog code: meaning, numbered steps, retry, docs', () => {
    const md = explainMarkdown('EntryConflict');
    assert.match(md, /^# `EntryConflict`: /);
    assert.match(md, /## What it means\n\n\S/);
    assert.match(md, /## What to do\n\n1\. .*\n2\. .*\n3\. /);
    assert.match(md, /\*\*Retry:\*\* not retried/);
    assert.match(explainMarkdown('TooManyRequests'), /\*\*Retry:\*\* automatic/);
    assert.match(md, /\[Microsoft's documentation of this code\]\(https:\/\/learn\.microsoft\.com\//);
  });

  it('names the catalog code behind an app-prefixed one', () => {
    const md = explainMarkdown('ServiceNowEntryConflict');
    assert.match(md, /The catalog's `EntryConflict`, with the target application's name `ServiceNow` in front\./);
  });

  it("adds the event: time, when the service retries, the target's reason quoted", () => {
    const t = Date.UTC(2026, 2, 2, 14, 0, 5);
    const md = explainMarkdown('TooManyRequests', { eventTime: t, reason: 'HTTP 429\nslow down', additionalDetails: 'more' });
    assert.match(md, /- Time: 2026-03-02 14:00:05\.000 UTC/);
    assert.match(md, /> HTTP 429\n> slow down/);
    assert.match(md, /\*\*Additional details:\*\*\n\n> more/);
  });

  it('escapes an unknown hostile code and hostile reasons', () => {
    const md = explainMarkdown(HOSTILE, { reason: HOSTILE });
    assert.ok(!outsideCode(md).includes('<script>'), 'no raw HTML');
    assert.match(md, /> &lt;script&gt;/);
    assert.ok(!/\]\(command:/.test(outsideCode(md)), 'no command link from log text');
    assert.match(md, /not in the catalog/);
    // Links only to the catalog's web pages.
    for (const m of outsideCode(md).matchAll(/\]\(([^)]*)\)/g)) assert.match(m[1]!, /^https:\/\//);
  });
});

describe('summaryMarkdown', () => {
  const log = readText(portalJson(generateRecords({ seed: 5, count: 400, perCycle: 20 })), 'ProvisioningLogs.json');
  const index = new EventIndex(log.store);

  it('reports counts, success rate, top codes with meanings, and per job the action × status tables', () => {
    const md = summaryMarkdown(log, index, 'ProvisioningLogs.json');
    assert.match(md, /^# Provisioning log summary: ProvisioningLogs\.json/);
    assert.match(md, /- Events: 400, from /);
    assert.match(md, /Success rate: \*\*\d+\.\d%\*\*/);
    assert.match(md, /## Top error codes\n\n\| Code \| Events \| Last seen \| Meaning \| First thing to do \| Retried \|/);
    assert.equal((md.match(/^### /gm) ?? []).length, index.jobs.length);
    assert.equal((md.match(/^Latest cycle `/gm) ?? []).length, index.jobs.length);
    assert.match(md, /\| Action \| Success \| Failure \| Skipped \| Warning \| Total \|/);
    const failures = index.jobs.reduce((n, j) => n + j.counts.failure, 0);
    assert.match(md, new RegExp(`\\| Failure \\| ${failures} \\|`));
  });

  it('lists problems and escapes hostile file and job names', () => {
    const store = storeOf([{ app: HOSTILE, status: 'failure', code: HOSTILE }]);
    const data = { ...logDataOf(store), problems: [{ severity: 'error' as const, message: HOSTILE, line: 3, column: 9 }] };
    const md = summaryMarkdown(data, new EventIndex(store), HOSTILE);
    assert.ok(!outsideCode(md).includes('<script>'));
    assert.ok(!/\]\(command:/.test(outsideCode(md)));
    assert.match(md, /## Problems reading the file\n\n- error: .*\(line 3, column 9\)/);
  });
});

describe('facets, IDs, filters in words, search', () => {
  const store = storeOf([
    { job: 'J1', cycle: 'C1', change: 'X1', action: 'create', status: 'failure', code: 'B', name: 'Ann', sourceId: 'a', type: 'User' },
    { job: 'J1', cycle: 'C1', change: 'X2', action: 'create', name: 'Ben', sourceId: 'b', type: 'urn:ietf:params:scim:schemas:core:2.0:User' },
    { job: 'J2', cycle: 'C2', change: 'X3', action: 'update', status: 'skipped', name: 'Sales', type: 'Group', time: 5 },
    { job: 'J1', cycle: 'C3', change: 'X1', action: 'delete', status: 'failure', code: 'B', name: 'Ann', sourceId: 'a', time: 9 },
  ]);

  it('offers the values of the file with counts, most frequent first', () => {
    assert.deepEqual(facetValues(store, 'jobId'), [{ value: 'J1', count: 3 }, { value: 'J2', count: 1 }]);
    assert.deepEqual(statusFacet(store), [{ value: 'success', count: 1 }, { value: 'failure', count: 2 }, { value: 'skipped', count: 1 }]);
    assert.deepEqual(actionFacet(store).map((f) => [f.value, f.count]), [['create', 2], ['delete', 1], ['update', 1]]);
    assert.deepEqual(identityTypeFacet(store), [{ value: 'user', count: 3 }, { value: 'group', count: 1 }]);
  });

  it('copies unique IDs in first-seen order (the PowerShell recipes)', () => {
    assert.deepEqual(collectIds(store, [0, 1, 2, 3], 'job'), ['J1', 'J2']);
    const creates = new QueryEngine(store).run({ action: ['create'] });
    assert.deepEqual(collectIds(store, creates, 'change'), ['X1', 'X2']);
    assert.deepEqual(collectIds(store, [3, 2, 1, 0], 'change'), ['X1', 'X3', 'X2']);
    assert.deepEqual(collectIds(store, [2], 'sourceId'), [], 'empty values are left out');
  });

  it('cleans empty parts of a filter', () => {
    assert.deepEqual(cleanFilter({ status: [], identity: ' ann ', hideSkipped: false, changesOnly: true, windowFrom: 'now' }), { identity: 'ann', changesOnly: true });
    assert.deepEqual(cleanFilter({ window: '7d', windowFrom: 'now', text: '  ' }), { window: '7d', windowFrom: 'now' });
  });

  it('reads typed date ranges', () => {
    assert.deepEqual(parseRange('2026-03-01 08:00 .. 2026-03-02'), { since: Date.UTC(2026, 2, 1, 8), until: Date.UTC(2026, 2, 3) - 1 });
    assert.deepEqual(parseRange(' .. 2026-03-02T10:00:00Z'), { until: Date.UTC(2026, 2, 2, 10) });
    assert.deepEqual(parseRange('2026-03-02 UTC'), { since: Date.UTC(2026, 2, 2) });
    assert.ok(parseRange('yesterday .. today').problem);
    assert.ok(parseRange('2026-03-02 .. 2026-03-01').problem);
  });

  it('finds events by name, ID, change ID or code, newest first', () => {
    assert.deepEqual(searchEvents(new QueryEngine(store), 'ann', 10), { indices: [3, 0], total: 2 });
    assert.deepEqual(searchEvents(new QueryEngine(store), 'x3', 10).indices, [2]);
    assert.deepEqual(searchEvents(new QueryEngine(store), 'b', 1), { indices: [3], total: 3 }, 'code B, Ben: capped at the limit, counted in full');
    assert.equal(searchEvents(new QueryEngine(store), '', 10).total, 4);
    assert.deepEqual(searchEvents(new QueryEngine(store), 'skip', 10).indices, [2], 'a status as the picker shows it');
    assert.deepEqual(searchEvents(new QueryEngine(store), 'delete', 10).indices, [3], 'an action as the picker shows it');
  });

  it('formats durations and status counts', () => {
    assert.equal(formatDuration(850), '850 ms');
    assert.equal(formatDuration(192_000), '3 min 12 s');
    assert.equal(formatDuration(3_900_000), '1 h 05 min');
    assert.equal(formatDuration(NaN), '');
    assert.equal(countsGlyphs({ total: 23, success: 20, failure: 2, skipped: 1, warning: 0 }), '✓ 20 ✗ 2 ⤼ 1');
  });
});
