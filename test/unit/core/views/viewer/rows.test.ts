import { strict as assert } from 'node:assert';
import { LoadedLog } from '../../../../../src/core/log/loadedLog';
import { revealControls } from '../../../../../src/core/common/safeText';
import { MAX_CELL_TEXT, cellText as clip, rowView, rowsOf } from '../../../../../src/core/views/viewer/rows';
import { HOSTILE_NAMES, hostileRecords } from '../../../../fixtures/generator/hostile';
import { portalJson } from '../../../../fixtures/generator/writers';
import { readText } from '../../../helpers';
import { store, all } from '../../viewerSample';

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
