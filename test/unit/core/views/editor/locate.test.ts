import { strict as assert } from 'node:assert';
import { locateErrorCodes } from '../../../../../src/core/views/editor/locate';
import { PositionMapper, positionInText } from '../../../../../src/core/read/positions';
import { generateRecords } from '../../../../fixtures/generator/records';
import { powershellJson, utf16le } from '../../../../fixtures/generator/powershellWriter';
import { diagnosticJsonLines, graphPage, logAnalyticsJson, portalJson } from '../../../../fixtures/generator/writers';
import { enc, readBytes, readText } from '../../../helpers';

const records = generateRecords({ seed: 5, count: 120, failureRate: 0.2 });
const failures = records.filter((r) => (r['provisioningStatusInfo'] as { status: string }).status === 'failure').length;

/** The text a range covers, as an editor shows the file (lines split like VS Code, UTF-16 columns). */
function textAt(fileText: string, l: { line: number; column: number; endLine: number; endColumn: number }): string {
  const lines = fileText.split(/\r\n|\r|\n/);
  assert.equal(l.line, l.endLine, 'an error code never spans lines');
  return lines[l.line - 1]!.slice(l.column - 1, l.endColumn - 1);
}

describe('locateErrorCodes', () => {
  const cases: [string, string][] = [
    ['minified portal download (one line, non-ASCII and emoji names before)', portalJson(records)],
    ['pretty Graph beta page (errorCode twice per record)', graphPage(records, 'beta')],
    ['diagnostic JSON Lines with CRLF', diagnosticJsonLines(records)],
    ['Log Analytics rows (ResultSignature)', logAnalyticsJson(records)],
  ];
  for (const [name, text] of cases) {
    it(`points at each failure's code value: ${name}`, () => {
      const log = readText(text);
      const locs = locateErrorCodes(log);
      assert.equal(locs.length, failures);
      for (const l of locs) {
        assert.equal(textAt(text, l), l.code);
        assert.equal(l.changeId, log.store.get('changeId', l.index));
      }
    });
  }

  it('counts columns in UTF-16 in a UTF-16 LE PowerShell file', () => {
    const text = powershellJson(records, { depth: 10 });
    const log = readBytes(utf16le(text));
    const locs = locateErrorCodes(log);
    assert.equal(locs.length, failures);
    for (const l of locs) assert.equal(textAt(text.replace(/\r?\n/g, '\r\n'), l), l.code);
  });

  it('gives catalog severities: retried codes are warnings, others errors', () => {
    const log = readText(portalJson(records));
    for (const l of locateErrorCodes(log)) {
      const expected = ['Timeout', 'InternalServerError', 'TooManyRequests'].includes(l.code) ? 'warning' : 'error';
      assert.equal(l.severity, expected, l.code);
    }
  });

  it('limits itself to the events asked for', () => {
    const log = readText(portalJson(records));
    const all = locateErrorCodes(log);
    const some = locateErrorCodes(log, [all[1]!.index, all[0]!.index]);
    assert.deepEqual(some.map((l) => l.index), [all[0]!.index, all[1]!.index]);
  });
});

describe('PositionMapper', () => {
  it('matches a naive count for every offset: LF, CRLF, lone CR, multi-byte and astral characters', () => {
    const text = 'a\r\nbé\rc😀d\n\n€x\r\n';
    const bytes = enc.encode(text);
    const mapper = new PositionMapper(bytes, 4);
    for (let off = 0; off <= bytes.length; off++) {
      if ((bytes[off]! & 0xc0) === 0x80) continue;
      const prefix = new TextDecoder().decode(bytes.subarray(0, off));
      const lines = prefix.split(/\r\n|\r|\n/);
      // A \r at the very end of the prefix may be half of a \r\n: VS Code counts the pair once.
      const expected = { line: lines.length, column: lines[lines.length - 1]!.length + 1 };
      assert.deepEqual(mapper.positionAt(off), expected, `offset ${off}`);
    }
    // Out-of-order queries still answer correctly.
    assert.deepEqual(mapper.positionAt(1), { line: 1, column: 2 });
  });

  it('positionInText continues a record that starts mid-line', () => {
    assert.deepEqual(positionInText({ line: 3, column: 10 }, 'ab', 1), { line: 3, column: 11 });
    assert.deepEqual(positionInText({ line: 3, column: 10 }, 'ab\r\ncd', 5), { line: 4, column: 2 });
  });
});
