import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as Papa from 'papaparse';
import { exportCsvTrio, type CsvTrioFile } from '../../../../src/core/output/csvExport';
import type { LogData } from '../../../../src/core/model/logData';
import type { ProvisioningRecord } from '../../../../src/core/common/record';
import { readLog } from '../../../../src/core/read/readLog';
import { recordAt } from '../../../../src/core/read/recordAt';
import { hostileRecords } from '../../../fixtures/generator/hostile';
import { generateRecords } from '../../../fixtures/generator/records';
import { jsonLines, portalJson } from '../../../fixtures/generator/writers';
import { LOG_ANALYTICS_LINES, crlf, csvFile, trio } from '../read/csv/csvFixtures';
import { REPO_ROOT, SAMPLES_DIR, readText } from '../../helpers';

const SAMPLES = SAMPLES_DIR;
const OWN_JSON = join(REPO_ROOT, 'test/fixtures/csv/roundtrip.json');

function exportTrio(log: LogData): Record<CsvTrioFile, string> {
  const out: Record<CsvTrioFile, string> = { main: '', steps: '', modified: '' };
  exportCsvTrio(log, Array.from({ length: log.store.size }, (_, i) => i), (file, chunk) => (out[file] += chunk));
  return out;
}

function readTrio(t: Record<CsvTrioFile, string>): LogData {
  return readLog([
    csvFile('ProvisioningLogs_ProvisioningSteps.csv', t.steps),
    csvFile('ProvisioningLogs.csv', t.main),
    csvFile('ProvisioningLogs_ModifiedProperties.csv', t.modified),
  ]);
}

/** Everything the model holds, except how it was read. */
function comparable(r: ProvisioningRecord | undefined): Omit<ProvisioningRecord, 'flavor' | 'extra'> {
  assert.ok(r);
  const { flavor: _flavor, extra: _extra, ...rest } = r;
  return rest;
}

function assertRoundTrip(source: LogData, label: string): LogData {
  assert.ok(source.store.size > 0, `${label}: nothing read`);
  const back = readTrio(exportTrio(source));
  // Records that share an id but differ are both exported, and so are named again on reading back.
  const differ = (log: LogData): number => log.problems.filter((p) => p.code === 'sameIdDiffers').length;
  assert.deepEqual(back.problems.filter((p) => p.code !== 'sameIdDiffers'), [], `${label}: problems reading the export back`);
  assert.equal(differ(back), differ(source), `${label}: pairs of different records with one id`);
  assert.equal(back.store.size, source.store.size, label);
  const changes = new Map<string, number>();
  for (let i = 0; i < source.store.size; i++) changes.set(source.store.get('changeId', i), (changes.get(source.store.get('changeId', i)) ?? 0) + 1);
  for (let i = 0; i < source.store.size; i++) {
    // The trio joins steps and properties by Change ID: events that share one share their rows.
    const shared = (changes.get(source.store.get('changeId', i)) ?? 0) > 1;
    const pick = (r: ProvisioningRecord | undefined): Partial<ProvisioningRecord> => {
      const c: Partial<ProvisioningRecord> = comparable(r);
      if (shared) {
        delete c.steps;
        delete c.modifiedProperties;
      }
      return c;
    };
    assert.deepEqual(pick(recordAt(back, i)), pick(recordAt(source, i)), `${label}, event ${i}`);
    if (!shared) assert.equal(back.store.summary(i).changed, source.store.summary(i).changed, `${label}, event ${i}: changed`);
  }
  return back;
}


describe('exportCsvTrio', () => {
  it('round-trips our JSON fixture: ids, times, enums, identities, errors, steps, null vs empty', () => {
    const source = readText(readFileSync(OWN_JSON, 'utf8'), 'roundtrip.json');
    assert.equal(source.store.size, 3);
    const back = assertRoundTrip(source, 'roundtrip.json');
    assert.equal(back.format, 'portalCsv');
    const m = recordAt(back, 0)!.modifiedProperties;
    assert.deepEqual(m.find((p) => p.displayName === 'jobTitle'), { displayName: 'jobTitle', oldValue: null, newValue: 'Engineer, "Senior"' });
    assert.deepEqual(m.find((p) => p.displayName === 'department'), { displayName: 'department', oldValue: '', newValue: null });
  });

  const samples = existsSync(SAMPLES) ? readdirSync(SAMPLES).filter((n) => /\.(json|log)$/.test(n)) : [];
  for (const name of samples) {
    it(`round-trips the shared sample ${name}`, () => {
      assertRoundTrip(readText(readFileSync(join(SAMPLES, name), 'utf8'), name), name);
    });
  }

  it('round-trips generated events of every scenario, and hostile ones', () => {
    assertRoundTrip(readText(portalJson(generateRecords({ seed: 7, count: 150 })), 'generated.json'), 'generated');
    assertRoundTrip(readText(jsonLines(hostileRecords()), 'hostile.jsonl'), 'hostile');
  });

  it('defuses formula cells so that no cell a spreadsheet reads starts a formula', () => {
    const t = exportTrio(readText(readFileSync(OWN_JSON, 'utf8'), 'roundtrip.json'));
    for (const file of ['main', 'steps', 'modified'] as const) {
      const rows = Papa.parse<string[]>(t[file].replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
      for (const row of rows) for (const cell of row) assert.doesNotMatch(cell, /^[=+\-@\t\r＝＋－＠]/, `${file}: ${JSON.stringify(cell)}`);
    }
    assert.ok(t.main.includes('"\'=HYPERLINK(""http://evil.example"",""Zoë Müller"")"'));
    assert.ok(t.modified.includes(",'-5,'@SUM(A1:A2)\r\n"));
    assert.ok(t.modified.includes(`,'\tstarts with a tab,''=already quoted\r\n`));
    assert.ok(t.steps.includes('""Note"":""+1 (555) 0100""'), 'JSON details start with {, not with the value');
  });

  it('writes null as an empty cell and an empty string as "", with a BOM and CRLF', () => {
    const t = exportTrio(readText(readFileSync(OWN_JSON, 'utf8'), 'roundtrip.json'));
    assert.ok(t.modified.startsWith('\uFEFFChange ID,Property,Old Value,New Value\r\n'));
    assert.ok(t.modified.includes(',jobTitle,,"Engineer, ""Senior"""\r\n'));
    assert.ok(t.modified.includes(',department,"",\r\n'));
    assert.ok(t.steps.startsWith('\uFEFFChange ID,Step,Name,Type,Status,Description,Details\r\n'));
    assert.ok(t.main.startsWith('\uFEFFDate (UTC),ID,Job ID,Cycle ID,Change ID,Action,Provisioning Action,Status,'));
  });

  it('round-trips a CSV trio, unknown columns included', () => {
    const back = assertRoundTrip(readLog(trio()), 'fixture trio');
    assert.deepEqual(back.store.extraNames, ['Department Code']);
    assert.equal(back.store.extraOf(0)['Department Code'], 'D42');
  });

  it('writes a Log Analytics export as a trio, its other columns as extra columns', () => {
    const source = readLog([csvFile('query_data.csv', crlf(LOG_ANALYTICS_LINES))]);
    const back = assertRoundTrip(source, 'Log Analytics CSV');
    assert.deepEqual(recordAt(back, 0)!.extra, recordAt(source, 0)!.extra);
  });

  it('exports only the chosen events, in pieces', () => {
    const source = readLog(trio());
    const chunks: [CsvTrioFile, string][] = [];
    exportCsvTrio(source, new Set([3, 1]), (file, chunk) => chunks.push([file, chunk]));
    const text = (f: CsvTrioFile): string => chunks.filter(([file]) => file === f).map(([, c]) => c).join('');
    const back = readTrio({ main: text('main'), steps: text('steps'), modified: text('modified') });
    assert.deepEqual(Array.from({ length: back.store.size }, (_, i) => back.store.get('id', i)), ['ev-4', 'ev-2']);
    assert.equal(recordAt(back, 1)!.steps.length, 2);
  });
});
