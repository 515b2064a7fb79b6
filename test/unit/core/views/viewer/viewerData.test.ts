import { strict as assert } from 'node:assert';
import { LoadedLog } from '../../../../../src/core/log/loadedLog';
import { STATUSES } from '../../../../../src/core/common/record';
import { identityTypeKey } from '../../../../../src/core/query/idSets';
import { buildChart, bucketWidth } from '../../../../../src/core/views/viewer/chart';
import { DEFAULT_VIEW_COLUMNS, VIEW_COLUMN_IDS, VIEW_COLUMNS, sanitizeColumns, sanitizeWidths } from '../../../../../src/core/common/columns';
import { MAX_CYCLES, buildFacets } from '../../../../../src/core/query/facets';
import { formatBytes } from '../../../../../src/core/common/displayText';
import { TEXT_EDITOR_LIMIT, buildHeader } from '../../../../../src/core/views/viewer/header';
import { revealControls } from '../../../../../src/core/common/safeText';
import { MAX_CELL_TEXT, clip, rowView, rowsOf } from '../../../../../src/core/views/viewer/rows';
import { HOSTILE_NAMES, hostileRecords } from '../../../../fixtures/generator/hostile';
import { generateRecords } from '../../../../fixtures/generator/records';
import { portalJson } from '../../../../fixtures/generator/writers';
import { readText } from '../../../helpers';

const records = generateRecords({ seed: 21, count: 900, perCycle: 30 });
const log = readText(portalJson(records));
const model = new LoadedLog(log);
const { store } = model;
const all = Uint32Array.from(store.size === 0 ? [] : [...Array(store.size).keys()]);

describe('viewer rows', () => {
  it('carries every column of an event, in words', () => {
    const failed = [...all].find((i) => store.statusOf(i) === 'failure')!;
    const row = rowView(store, failed);
    const s = store.summary(failed);
    assert.equal(row.index, failed);
    assert.equal(row.time, s.time);
    assert.equal(row.identity, s.sourceName);
    assert.equal(row.identityId, s.sourceId);
    assert.equal(row.status, 'failure');
    assert.equal(row.errorCode, s.errorCode);
    assert.ok(row.errorTitle.length > 0 && row.errorTitle !== 'Unrecognized error code', row.errorTitle);
    assert.equal(row.cycleId, s.cycleId);
    assert.equal(row.application, s.appName);
    assert.equal(row.durationMs, s.durationMs);
    // JSON has no NaN: a row must survive a postMessage/JSON round trip unchanged.
    assert.deepEqual(JSON.parse(JSON.stringify(row)), row);
  });

  it('clips long values and says how long they were', () => {
    assert.equal(clip('abc'), 'abc');
    const long = clip('x'.repeat(100 * 1024));
    assert.ok(long.startsWith('x'.repeat(MAX_CELL_TEXT) + '…'));
    assert.match(long, /102,400 characters/);
    const hostile = new LoadedLog(readText(portalJson(hostileRecords())));
    const rows = rowsOf(hostile.store, Uint32Array.from([...Array(hostile.store.size).keys()]), 0, 100);
    assert.equal(rows.length, HOSTILE_NAMES.length);
    assert.equal(rows[0]!.identity, HOSTILE_NAMES[0]);
    assert.ok(rows.every((r) => r.identity.length <= MAX_CELL_TEXT + 40));
  });

  it('shows bidi overrides and invisible characters instead of obeying them', () => {
    assert.equal(revealControls('Evil \u202Egnp.exe\u202C admin'), 'Evil ⟨U+202E⟩gnp.exe⟨U+202C⟩ admin');
    assert.equal(revealControls('a\u200Bb\uFEFFc\u2066d'), 'a⟨U+200B⟩b⟨U+FEFF⟩c⟨U+2066⟩d');
    assert.equal(revealControls('Zoë Ŀ 名前 عربي'), 'Zoë Ŀ 名前 عربي', 'ordinary letters of any script are left alone');
    const hostile = new LoadedLog(readText(portalJson(hostileRecords())));
    const k = HOSTILE_NAMES.findIndex((n) => n.includes('\u202E'));
    assert.equal(rowView(hostile.store, k).identity, 'Evil ⟨U+202E⟩gnp.exe⟨U+202C⟩ admin');
  });

  it('clamps pages to the result', () => {
    assert.equal(rowsOf(store, all, store.size - 3, 200).length, 3);
    assert.equal(rowsOf(store, all, store.size + 5, 200).length, 0);
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

describe('viewer chart', () => {
  it('draws one bar per cycle, stacked by status, in time order', () => {
    const chart = buildChart(store, all);
    assert.equal(chart.bucketMs, 0);
    assert.equal(chart.bars.length, new Set([...all].map((i) => `${store.get('jobId', i)}|${store.get('cycleId', i)}`)).size);
    assert.equal(chart.bars.reduce((n, b) => n + b.total, 0) + chart.undated, store.size);
    for (const b of chart.bars) {
      assert.equal(STATUSES.reduce((n, s) => n + b.counts[s], 0), b.total);
      assert.ok(b.cycleId && b.jobId);
    }
    for (let k = 1; k < chart.bars.length; k++) assert.ok(chart.bars[k - 1]!.from <= chart.bars[k]!.from);
    assert.equal(chart.max, Math.max(...chart.bars.map((b) => b.total)));
  });

  it('ranks the top error codes and counts the rest', () => {
    const chart = buildChart(store, all, 150, 2);
    const codes = [...all].map((i) => store.get('errorCode', i)).filter((c) => c !== '');
    assert.ok(chart.codes.length <= 2);
    assert.equal(chart.codes.reduce((n, c) => n + c.count, 0) + chart.otherCodes, codes.length);
    assert.equal(chart.distinctCodes, new Set(codes).size);
    if (chart.codes.length === 2) assert.ok(chart.codes[0]!.count >= chart.codes[1]!.count);
  });

  it('buckets by time when there are more cycles than bars, never drawing more than the limit', () => {
    const many = new LoadedLog(readText(portalJson(generateRecords({ seed: 5, count: 4000, perCycle: 2 }))));
    const idx = Uint32Array.from([...Array(many.store.size).keys()]);
    const chart = buildChart(many.store, idx, 150);
    assert.ok(chart.bucketMs > 0);
    assert.ok(chart.bars.length <= 150, `${chart.bars.length} bars`);
    assert.equal(chart.bars.reduce((n, b) => n + b.total, 0) + chart.undated, many.store.size);
    const slots = (chart.bars[chart.bars.length - 1]!.from - chart.bars[0]!.from) / chart.bucketMs + 1;
    assert.ok(slots <= 150, `${slots} slots`);
    for (const b of chart.bars) assert.equal(b.to - b.from + 1, chart.bucketMs);
  });

  it('picks round bucket widths', () => {
    assert.equal(bucketWidth(0, 150), 60_000);
    assert.equal(bucketWidth(149 * 60_000, 150), 60_000);
    assert.equal(bucketWidth(150 * 60_000, 150), 2 * 60_000);
    assert.equal(bucketWidth(30 * 86_400_000, 150), 6 * 3_600_000);
  });

  it('draws nothing for nothing', () => {
    const chart = buildChart(store, new Uint32Array(0));
    assert.deepEqual(chart.bars, []);
    assert.equal(chart.max, 0);
  });
});

describe('viewer header', () => {
  it('states the format, encoding, counts and time span', () => {
    const h = buildHeader('ProvisioningLogs.json', log);
    assert.equal(h.format, 'Entra portal JSON download');
    assert.equal(h.encoding, 'UTF-8');
    assert.equal(h.events, store.size);
    assert.equal(STATUSES.reduce((n, s) => n + h.status[s], 0), store.size);
    assert.ok(h.first !== null && h.last !== null && h.first <= h.last);
    assert.equal(h.unreadable, false);
  });

  it('lists problems with their position and whether the text can be opened there', () => {
    const text = portalJson(records.slice(0, 10));
    const cut = readText(text.slice(0, Math.floor(text.length / 2)), 'cut.json');
    const h = buildHeader('cut.json', cut);
    const p = h.problems.find((x) => x.code === 'truncated')!;
    assert.ok(p.line !== undefined && p.column !== undefined);
    assert.equal(p.canGoTo, true);
    assert.equal(p.id, cut.problems.indexOf(cut.problems.find((x) => x.code === 'truncated')!));
    const huge = { ...cut, files: cut.files.map((f) => ({ ...f, size: TEXT_EDITOR_LIMIT + 1 })) };
    assert.equal(buildHeader('cut.json', huge).problems.find((x) => x.code === 'truncated')!.canGoTo, false);
  });

  it('marks a file with nothing readable', () => {
    const h = buildHeader('app-settings.json', readText('{"editor.fontSize": 14}', 'app-settings.json'));
    assert.equal(h.unreadable, true);
    assert.equal(h.events, 0);
    assert.ok(h.problems.length > 0);
  });

  it('formats sizes', () => {
    assert.equal(formatBytes(812), '812 bytes');
    assert.equal(formatBytes(1_634_571), '1.6 MB');
    assert.equal(formatBytes(271_419_873), '259 MB');
  });
});

describe('viewer columns', () => {
  it('declares every column once, with the portal defaults first', () => {
    assert.deepEqual(Object.keys(VIEW_COLUMNS).sort(), [...VIEW_COLUMN_IDS].sort());
    assert.deepEqual(DEFAULT_VIEW_COLUMNS, ['time', 'identity', 'action', 'sourceSystem', 'targetSystem', 'status']);
  });

  it('keeps only known, distinct columns and sane widths from untrusted input', () => {
    assert.deepEqual(sanitizeColumns(['status', 'nope', 'status', 'jobId', 3]), ['status', 'jobId']);
    assert.deepEqual(sanitizeColumns('x'), [...DEFAULT_VIEW_COLUMNS]);
    assert.deepEqual(sanitizeWidths({ time: 10, identity: 99999, jobId: 123.4, bad: 5, status: 'x' }), { time: 48, identity: 2000, jobId: 123 });
  });
});
