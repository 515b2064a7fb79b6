// Narrow viewers (beside the detail panel): columns give way by importance, and long codes keep both ends.
import * as assert from 'node:assert/strict';
import { middleEllipsis } from '../../../../src/core/common/safeText';
import { DEFAULT_VIEW_COLUMNS, VIEW_COLUMN_IDS, VIEW_COLUMNS, fitColumnWidths, sanitizeColumns, sanitizeWidths, type ViewColumnId } from '../../../../src/core/common/columns';

const natural = (c: ViewColumnId): number => VIEW_COLUMNS[c].width;

describe('narrow layout', () => {
  it('keeps the chosen widths when they fit', () => {
    const cols = [...DEFAULT_VIEW_COLUMNS];
    const total = cols.reduce((n, c) => n + natural(c), 0);
    assert.deepEqual(fitColumnWidths(cols, natural, total + 10), Object.fromEntries(cols.map((c) => [c, natural(c)])));
  });

  it('lets IDs and systems give way before the status, the identity and the date', () => {
    const cols: ViewColumnId[] = ['time', 'identity', 'action', 'sourceSystem', 'targetSystem', 'status', 'changeId'];
    const total = cols.reduce((n, c) => n + natural(c), 0);
    const fitted = fitColumnWidths(cols, natural, total - 300);
    assert.equal(cols.reduce((n, c) => n + fitted[c]!, 0), total - 300, 'fits exactly');
    assert.ok(fitted['changeId']! < natural('changeId'), 'the ID gave way first');
    for (const c of ['status', 'identity', 'time'] as const) assert.equal(fitted[c], natural(c), `${c} kept its width`);
  });

  it('keeps the status, the date and the identity readable when nothing else fits (only then the table scrolls)', () => {
    const fitted = fitColumnWidths([...DEFAULT_VIEW_COLUMNS], natural, 200);
    assert.ok(fitted['status']! >= 92 && fitted['time']! >= 64 && fitted['identity']! >= 56);
    assert.equal(fitted['status']! + fitted['time']! + fitted['identity']!, 92 + 64 + 56, 'cut to the last resort, then it scrolls');
    for (const c of DEFAULT_VIEW_COLUMNS) if (!['status', 'time', 'identity'].includes(c)) assert.equal(fitted[c], 0, `${c} folded away`);
  });

  it('folds the least important columns away until the table fits (the viewer beside the panel at 900 px)', () => {
    const cols = [...DEFAULT_VIEW_COLUMNS];
    const narrowest = 92 + 120 + 100;
    for (const available of [240, narrowest, narrowest + 40, narrowest + 120, 520]) {
      const fitted = fitColumnWidths(cols, natural, available);
      const total = cols.reduce((n, c) => n + fitted[c]!, 0);
      assert.ok(total <= available, `${total} px of columns in ${available} px`);
      assert.ok(fitted['status']! >= 92 && fitted['time']! >= 64 && fitted['identity']! >= 56, `kept at ${available}`);
    }
    // By importance: systems fold before the action.
    const fitted = fitColumnWidths(cols, natural, narrowest + 40);
    if (cols.includes('action') && cols.includes('sourceSystem')) assert.ok(fitted['sourceSystem']! <= fitted['action']!);
  });

  it('cuts a long code in the middle so codes with one prefix stay apart', () => {
    const a = middleEllipsis('HybridSynchronizationActiveDirectoryInsufficientAccessRights', 24);
    const b = middleEllipsis('HybridSynchronizationActiveDirectoryUserPrincipalNameNotUnique', 24);
    assert.equal(a.length, 24);
    assert.notEqual(a, b);
    assert.match(a, /^HybridSynchr.*….*Rights$/);
    assert.equal(middleEllipsis('Timeout', 24), 'Timeout');
    assert.equal(middleEllipsis('ab😀cd😀ef', 6).includes('\ufffd'), false);
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
