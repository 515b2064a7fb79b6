import { strict as assert } from 'node:assert';
import { STATUSES } from '../../../../../src/core/common/record';
import { formatBytes } from '../../../../../src/core/common/displayText';
import { TEXT_EDITOR_LIMIT, buildHeader } from '../../../../../src/core/views/viewer/header';
import { portalJson } from '../../../../fixtures/generator/writers';
import { readText } from '../../../helpers';
import { records, log, store } from '../../viewerSample';

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
