import { strict as assert } from 'node:assert';
import { exportJson } from '../../../../src/core/output/jsonExport';
import { exportMarkdown } from '../../../../src/core/output/markdownExport';
import { mdText } from '../../../../src/core/common/markdownText';
import { recordAt } from '../../../../src/core/read/recordAt';
import { hostileRecords } from '../../../fixtures/generator/hostile';
import { generateRecords } from '../../../fixtures/generator/records';
import { diagnosticJsonLines, logAnalyticsJson, portalJson } from '../../../fixtures/generator/writers';
import { readText } from '../../helpers';

const records = generateRecords({ seed: 21, count: 80 });

function collect(f: (w: (s: string) => void) => void): string {
  const parts: string[] = [];
  f((s) => parts.push(s));
  return parts.join('');
}

describe('JSON export', () => {
  it('copies Graph records byte for byte (numbers and escapes included)', () => {
    const text = '[{"id":"a","changeId":"c1","provisioningAction":"create","durationInMilliseconds":12345678901234567890,"x":1.50,"s":"\\u003cb\\u003e"}]';
    const log = readText(text);
    assert.equal(collect((w) => exportJson(log, [0], w)), text);
  });

  it('exports the chosen events only, in the given order, readable again', () => {
    const log = readText(portalJson(records));
    const out = collect((w) => exportJson(log, [5, 2, 9], w));
    const back = readText(out);
    assert.equal(back.format, 'portalJson');
    assert.deepEqual([0, 1, 2].map((i) => back.store.get('id', i)), [5, 2, 9].map((i) => log.store.get('id', i)));
  });

  for (const [name, text] of [
    ['diagnostic records', diagnosticJsonLines(records, 0)],
    ['Log Analytics rows', logAnalyticsJson(records)],
  ] as const) {
    it(`writes ${name} in the Graph shape with the same content`, () => {
      const log = readText(text);
      const all = [...Array(log.store.size).keys()];
      const back = readText(collect((w) => exportJson(log, all, w)));
      assert.equal(back.store.size, log.store.size);
      for (const i of all) {
        const a = recordAt(log, i)!;
        const b = recordAt(back, i)!;
        assert.deepEqual({ ...b, flavor: a.flavor }, a);
      }
    });
  }
});

describe('Markdown export', () => {
  it('summarises, explains the codes and lists the events', () => {
    const log = readText(portalJson(records));
    const failed = [...Array(log.store.size).keys()].filter((i) => log.store.statusOf(i) === 'failure');
    const out = collect((w) => exportMarkdown(log, failed, w, { selection: 'Status: Failure' }));
    assert.match(out, new RegExp(`Events: ${failed.length};`));
    assert.match(out, /Events chosen by: Status: Failure/);
    assert.match(out, /## Error codes/);
    for (const i of failed) assert.ok(out.includes(log.store.get('changeId', i)));
    assert.match(out, /## Failures in detail/);
  });

  it('keeps hostile text inert and inside its cell', () => {
    const log = readText(portalJson(hostileRecords()));
    const all = [...Array(log.store.size).keys()];
    const out = collect((w) => exportMarkdown(log, all, w, { maxRows: 6 }));
    assert.ok(!out.includes('<img'), 'no raw markup');
    assert.ok(!out.includes('<script'), 'no raw script');
    for (const line of out.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| Date') && !l.startsWith('| Code'))) {
      assert.equal(line.split(/(?<!\\)\|/).length - 2, line.startsWith('| `') ? 5 : 7, line.slice(0, 80));
    }
    assert.match(out, /and 1 more events/);
  });

  it('writes numbered advice without a stray backslash, and lists events in the order given (the view\'s)', () => {
    const log = readText(portalJson(records));
    const failed = [...Array(log.store.size).keys()].filter((i) => log.store.statusOf(i) === 'failure').reverse();
    const out = collect((w) => exportMarkdown(log, failed, w));
    assert.doesNotMatch(out, /\\\d/, 'no "\\1." in a cell: CommonMark shows that backslash');
    const rows = out.split('## Events')[1]!.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| Date'));
    assert.deepEqual(rows.map((l) => /`([^`]+)` \|$/.exec(l)?.[1]), failed.map((i) => log.store.get('changeId', i)));
  });
});

describe('Markdown text', () => {
  it('escapes a leading list marker so it is shown, not drawn, and without a visible backslash for numbers', () => {
    assert.equal(mdText('1. Check the app'), '1\\. Check the app');
    assert.equal(mdText('12) Retry'), '12\\) Retry');
    assert.equal(mdText('- item'), '\\- item');
  });
});
