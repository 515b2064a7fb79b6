import { strict as assert } from 'node:assert';
import { generateRecords } from '../../../fixtures/generator/records';
import { jsonLines, portalJson } from '../../../fixtures/generator/writers';
import { readText } from '../../helpers';

/** 1-based UTF-16 column VS Code shows for the character after `before` on its line. */
function vscodeColumn(before: string): number {
  return before.slice(before.lastIndexOf('\n') + 1).length + 1;
}

describe('the position of a cut-off record', () => {
  const records = generateRecords({ seed: 11, count: 6 }).map((r, i) => ({ ...r, note: i === 3 ? 'café 日本 😀 ünïcödé' : 'x' }));

  it('counts UTF-16 characters, as "Go to line" does, when multi-byte characters come before the cut (minified)', () => {
    const text = portalJson(records);
    const cut = text.slice(0, text.indexOf('😀') + 2 + 5);
    const p = readText(cut).problems.find((x) => x.code === 'truncated');
    assert.equal(p?.line, 1);
    assert.equal(p?.column, vscodeColumn(cut.trimEnd()));
    assert.notEqual(p?.column, Buffer.byteLength(cut.trimEnd()) + 1, 'a byte count would differ here');
  });

  it('names the record start in the same unit in its message (JSON Lines)', () => {
    const lines = jsonLines(records).split('\n');
    const prefix = lines.slice(0, 3).join('\n') + '\n';
    const damaged = `${prefix}{"pad":"日本😀é", "rec": ${lines[3]!.slice(0, 40)}\n${lines.slice(4).join('\n')}`;
    const p = readText(damaged).problems.find((x) => x.code === 'truncated');
    assert.equal(p?.line, 4);
    const line4 = damaged.split('\n')[3]!;
    assert.equal(p?.column, line4.trimEnd().length + 1);
    assert.match(p!.message, /starts at line 4, column 1\b/);
  });
});
