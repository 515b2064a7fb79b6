// Editor positions ↔ bytes, and bytes → the event that holds them: what hovers and code actions stand on.
import { strict as assert } from 'node:assert';
import { readLog } from '../../../../src/core/read/readLog';
import { RecordLocator } from '../../../../src/core/read/recordLocator';
import { sameEvent } from '../../../../src/core/views/editor/sameEvent';
import { PositionMapper } from '../../../../src/core/read/positions';
import { LoadedLog } from '../../../../src/core/log/loadedLog';
import { portalCsvTrio } from '../../../fixtures/generator/portalCsvWriter';
import { generateRecords } from '../../../fixtures/generator/records';
import { diagnosticJsonLines, graphPage, portalJson } from '../../../fixtures/generator/writers';
import { enc, readText } from '../../helpers';

/** Every (line, column) of `text` as VS Code counts them, with the byte offset of the character there. */
function positions(text: string): { line: number; column: number; offset: number }[] {
  const out: { line: number; column: number; offset: number }[] = [];
  let line = 1;
  let column = 1;
  let offset = 0;
  for (let k = 0; k < text.length; ) {
    const cp = text.codePointAt(k)!;
    const units = cp > 0xffff ? 2 : 1;
    const bytes = enc.encode(String.fromCodePoint(cp)).length;
    out.push({ line, column, offset });
    if (text[k] === '\r' && text[k + 1] === '\n') {
      offset += 2;
      k += 2;
      line++;
      column = 1;
      continue;
    }
    offset += bytes;
    k += units;
    if (cp === 0x0a || cp === 0x0d) {
      line++;
      column = 1;
    } else column += units;
  }
  out.push({ line, column, offset });
  return out;
}

describe('PositionMapper: both directions', () => {
  const text = 'a\r\nbé\rc😀d\n\n€x\r\n{"name":"Zoë 😀","k":1}\nlast';
  for (const step of [3, 4, 7, 1 << 20]) {
    it(`maps every position to its byte and back (checkpoint step ${step})`, () => {
      const t = new PositionMapper(enc.encode(text), step);
      for (const p of positions(text)) {
        assert.equal(t.offsetAt(p.line, p.column), p.offset, `line ${p.line}, column ${p.column}`);
        assert.deepEqual(t.positionAt(p.offset), { line: p.line, column: p.column });
      }
    });
  }

  it('clamps a column past the end of its line to the line end, and a line past the text to its length', () => {
    const t = new PositionMapper(enc.encode('ab\r\ncd'), 2);
    assert.equal(t.offsetAt(1, 99), 2);
    assert.equal(t.offsetAt(2, 99), 6);
    assert.equal(t.offsetAt(9, 1), 6);
  });

  it('answers in the middle of a long minified line without scanning from its start', () => {
    const line = portalJson(generateRecords({ seed: 3, count: 400 }));
    const bytes = enc.encode(line);
    const t = new PositionMapper(bytes, 1 << 12);
    let target = Math.floor(bytes.length * 0.8);
    while (bytes[target]! >= 0x80) target++;
    const p = t.positionAt(target);
    assert.equal(p.line, 1);
    assert.equal(t.offsetAt(p.line, p.column), target);
  });
});

describe('RecordLocator', () => {
  const records = generateRecords({ seed: 4, count: 80, failureRate: 0.3 });
  const cases: [string, string][] = [
    ['minified portal download', portalJson(records)],
    ['pretty Graph beta page', graphPage(records, 'beta')],
    ['diagnostic JSON Lines (CRLF, duplicates)', diagnosticJsonLines(records)],
  ];
  for (const [name, text] of cases) {
    it(`finds the event of every byte of every record: ${name}`, () => {
      const log = readText(text);
      const loc = new RecordLocator(log);
      const { store } = log;
      for (let i = 0; i < store.size; i++) {
        for (const off of [store.start[i]!, Math.floor((store.start[i]! + store.end[i]!) / 2), store.end[i]! - 1]) {
          assert.equal(loc.eventAt(0, off), i, `event ${i} at ${off}`);
        }
      }
    });
  }

  it('finds nothing before the first record or in an envelope', () => {
    const text = graphPage(records.slice(0, 3), 'v1.0');
    const log = readText(text);
    assert.equal(new RecordLocator(log).eventAt(0, text.indexOf('@odata.context')), undefined);
    assert.equal(new RecordLocator(log).eventAt(0, 0), undefined);
  });

  it('finds the row of a portal CSV main file', () => {
    const trio = portalCsvTrio(records);
    const log = readLog([
      { name: 'ProvisioningLogs.csv', bytes: enc.encode(trio.main) },
      { name: 'ProvisioningLogs_ProvisioningSteps.csv', bytes: enc.encode(trio.steps) },
      { name: 'ProvisioningLogs_ModifiedProperties.csv', bytes: enc.encode(trio.modified) },
    ]);
    const loc = new RecordLocator(log);
    assert.equal(loc.eventAt(0, 0), undefined, 'the header row is no event');
    for (let i = 0; i < log.store.size; i++) assert.equal(loc.eventAt(0, log.store.start[i]! + 1), i);
  });
});

describe('sameEvent', () => {
  it('maps an event between two readings of a file, also after records moved', () => {
    const records = generateRecords({ seed: 5, count: 30 });
    const a = new LoadedLog(readText(portalJson(records)));
    const b = new LoadedLog(readText(portalJson([...records].reverse())));
    for (let i = 0; i < a.store.size; i++) {
      const j = sameEvent(a, i, b);
      assert.notEqual(j, undefined);
      assert.equal(b.store.get('id', j!), a.store.get('id', i));
    }
    assert.equal(sameEvent(a, 3, a), 3);
    const other = new LoadedLog(readText(portalJson(generateRecords({ seed: 6, count: 5 }))));
    assert.equal(sameEvent(a, 0, other), undefined);
  });
});
