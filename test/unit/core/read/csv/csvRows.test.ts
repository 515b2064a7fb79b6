import { strict as assert } from 'node:assert';
import { defuseFormula, restoreFormula } from '../../../../../src/core/read/csv/csvCells';
import { csvCellRange } from '../../../../../src/core/read/csv/csvRecords';
import { forEachParsedRow, parseRow } from '../../../../../src/core/read/csv/csvRowParser';
import { forEachRow } from '../../../../../src/core/read/csv/csvRows';
import type { LogData } from '../../../../../src/core/model/logData';
import { readLog } from '../../../../../src/core/read/readLog';
import { recordAt } from '../../../../../src/core/read/recordAt';
import { LOG_ANALYTICS_LINES, MAIN_LINES, crlf, csvFile, lf, trio } from './csvFixtures';

const decode = (b: Uint8Array, start: number, end: number): string => new TextDecoder().decode(b.subarray(start, end));
const codes = (log: LogData): string[] => log.problems.map((p) => p.code ?? '');

describe('CSV rows: byte ranges', () => {
  it('keeps each event as the byte range of its main row, line break excluded', () => {
    const log = readLog(trio());
    const main = log.files[1]!;
    for (let i = 0; i < log.store.size; i++) {
      const { file, start, end } = log.store.sourceOf(i);
      assert.equal(file, 1);
      assert.equal(decode(main.bytes, start, end), MAIN_LINES[i + 1]);
    }
  });

  it('keeps steps and property rows per event (CSR) and re-reads a row by its range alone', () => {
    const log = readLog(trio());
    const steps = log.csv!.steps!;
    assert.deepEqual(Array.from(steps.offsets), [0, 3, 5, 5, 5]);
    const first = decode(log.files[steps.file[0]!]!.bytes, steps.start[0]!, steps.end[0]!);
    assert.equal(first, 'CH-1,1,EntryImportObject,Import,Success,"Received Worker\nwith a second line","{""WorkerID"":""21001""}"');
    const b = log.files[steps.file[0]!]!.bytes;
    assert.deepEqual(parseRow(b, steps.start[0]!, steps.end[0]!, ',').cells, [
      'CH-1', '1', 'EntryImportObject', 'Import', 'Success', 'Received Worker\nwith a second line', '{"WorkerID":"21001"}',
    ]);
    assert.deepEqual(Array.from(log.csv!.modified!.offsets), [0, 3, 3, 4, 4]);
  });

  it('reads CRLF, LF and lone-CR line breaks alike', () => {
    const records = (text: string) => {
      const log = readLog([csvFile('m.csv', text)]);
      return Array.from({ length: log.store.size }, (_, i) => recordAt(log, i));
    };
    const expected = records(lf(MAIN_LINES));
    assert.equal(expected.length, 4);
    assert.deepEqual(records(crlf(MAIN_LINES)), expected);
    assert.deepEqual(records(MAIN_LINES.join('\r')), expected);
  });

  it('gives the same cells whether rows are parsed in batches or one by one', () => {
    const tricky = [
      'a,"b ""q"", c","multi\r\nline"',
      'x,y,"ends with CR\r"',
      'p,q,unquoted"',
      'u,"closed"  ,"spaces after"  ',
      '',
      "'=1+1,''=kept,'plain",
      'ü,ß,"日本"',
      '"nbsp"\u00a0,after',
    ];
    const text = crlf(Array.from({ length: 600 }, (_, k) => tricky[k % tricky.length]!));
    const b = new TextEncoder().encode(text);
    const batched: string[][] = [];
    forEachParsedRow(b, 0, ',', (row) => batched.push(row.cells));
    const single: string[][] = [];
    forEachRow(b, 0, ',', (start, end) => {
      single.push(parseRow(b, start, end, ',').cells);
    });
    assert.equal(batched.length, 525, 'the 75 blank lines are skipped');
    assert.deepEqual(batched, single);
    assert.deepEqual(single[0], ['a', 'b "q", c', 'multi\r\nline']);
    assert.deepEqual(single[1], ['x', 'y', 'ends with CR\r']);
    assert.deepEqual(single[2], ['p', 'q', 'unquoted"']);
    assert.deepEqual(single[3], ['u', 'closed', 'spaces after']);
    assert.deepEqual(single[4], ['=1+1', "'=kept", "'plain"]);
    assert.deepEqual(single[6], ['nbsp', 'after'], 'papaparse lets any white space follow a closing quote');
  });
});

describe('CSV rows: damage and odd files', () => {
  it('reports ragged rows, reads missing cells as empty and keeps surplus cells', () => {
    const text = lf([MAIN_LINES[0]!, '2026-03-02T10:00:05Z,short-1,job', `${MAIN_LINES[2]},surplus`, MAIN_LINES[3]!]);
    const log = readLog([csvFile('m.csv', text)]);
    assert.equal(log.store.size, 3);
    const [p] = log.problems.filter((x) => x.code === 'csvRagged');
    assert.match(p!.message, /^2 rows of m\.csv do not have the 19 cells the header names \(first at line 2\)/);
    assert.equal(p!.line, 2);
    assert.equal(recordAt(log, 0)!.jobId, 'job');
    assert.equal(recordAt(log, 1)!.extra['Column 20'], 'surplus');
  });

  it('says which columns it looked for when a CSV is not a provisioning log', () => {
    const log = readLog([csvFile('people.csv', lf(['Name,Age,City', 'Bob,42,Oslo']))]);
    assert.equal(log.store.size, 0);
    const [p] = log.problems;
    assert.equal(p?.code, 'notProvisioningLog');
    assert.equal(p?.severity, 'error');
    assert.match(p!.message, /people\.csv is not part of a provisioning log: its columns \("Name", "Age", "City"\)/);
    assert.match(p!.message, /a Change ID or ID column plus a date \(Date, Activity Date Time, TimeGenerated…\) or Status column/);
  });

  it('handles an empty file, a header-only file, a BOM, semicolons, tabs in UTF-16 and Excel\'s sep= line', () => {
    const empty = readLog([csvFile('m.csv', crlf(MAIN_LINES)), csvFile('s.csv', '')]);
    assert.equal(empty.store.size, 4);
    assert.ok(codes(empty).includes('empty'));
    const headerOnly = readLog([csvFile('m.csv', MAIN_LINES[0]! + '\r\n')]);
    assert.equal(headerOnly.store.size, 0);
    assert.ok(codes(headerOnly).includes('csvHeaderOnly'));
    const bom = readLog([{ name: 'm.csv', bytes: new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(crlf(MAIN_LINES))]) }]);
    assert.equal(bom.store.size, 4);
    assert.equal(bom.files[0]!.encoding, 'utf-8-bom');
    assert.equal(recordAt(bom, 0)!.time, Date.UTC(2026, 2, 2, 10, 0, 5));
    const semicolons = readLog([csvFile('m.csv', lf(['Date (UTC);ID;Change ID;Status;Reason', '2026-03-02T10:00:05Z;s-1;c-1;Failure;"a; b"']))]);
    assert.deepEqual([recordAt(semicolons, 0)!.id, recordAt(semicolons, 0)!.error?.reason], ['s-1', 'a; b']);
    const excel = readLog([csvFile('m.csv', crlf(['sep=;', 'Date (UTC);ID;Change ID;Status', '2026-03-02T10:00:05Z;x-1;c-1;Success']))]);
    assert.deepEqual([excel.store.size, recordAt(excel, 0)!.id], [1, 'x-1']);
    // Excel's "Unicode Text": UTF-16 LE with a BOM, tab-delimited.
    const unicodeText = crlf(['Date (UTC)\tID\tChange ID\tStatus\tIdentity', '2026-03-02T10:00:05Z\tu-1\tc-1\tSuccess\tZoë']);
    const utf16 = readLog([{ name: 'm.txt', bytes: new Uint8Array(Buffer.from('\uFEFF' + unicodeText, 'utf16le')) }]);
    assert.deepEqual([utf16.files[0]!.encoding, recordAt(utf16, 0)!.sourceIdentity.displayName], ['utf-16le', 'Zoë']);
  });

  it('reports a quote that never closes, and bytes that are not UTF-8', () => {
    const cut = readLog([csvFile('m.csv', lf(MAIN_LINES) + '2026-03-02T10:00:09Z,ev-5,job-1,cyc-1,CH-5,Create,Success,"Workday')]);
    assert.equal(cut.store.size, 5);
    const [p] = cut.problems.filter((x) => x.code === 'csvUnterminatedQuote');
    assert.equal(p?.line, 6);
    assert.equal(recordAt(cut, 4)!.sourceSystem.displayName, 'Workday');
    const latin1 = new TextEncoder().encode(lf(MAIN_LINES.slice(0, 2)));
    const bytes = new Uint8Array([...latin1.subarray(0, latin1.length - 1), 0xe9, 0x0a]);
    const bad = readLog([{ name: 'm.csv', bytes }]);
    assert.ok(codes(bad).includes('csvInvalidUtf8'));
  });

  it('takes off exactly the apostrophe that defused a formula', () => {
    for (const v of ['=SUM(A1)', '+1', '-5', '@x', '\tx', '\rx', "'=x", "''+x", '＝x']) {
      assert.equal(defuseFormula(v), `'${v}`);
      assert.equal(restoreFormula(defuseFormula(v)), v);
    }
    for (const v of ["'plain", 'plain', '', "'", 'a=b']) {
      assert.equal(defuseFormula(v), v);
      assert.equal(restoreFormula(v), v);
    }
  });
});

describe('CSV: Log Analytics export', () => {
  const read = (): LogData => readLog([csvFile('query_data.csv', crlf(LOG_ANALYTICS_LINES))]);

  it('reads one row per event, with display-form dates and JSON columns', () => {
    const log = read();
    assert.equal(log.format, 'logAnalyticsCsv');
    assert.equal(log.files[0]!.role, 'csvLogAnalytics');
    assert.equal(log.store.size, 2);
    assert.deepEqual(log.problems, []);
    const r = recordAt(log, 0)!;
    assert.equal(r.time, Date.UTC(2026, 2, 2, 10, 0, 5));
    assert.equal(r.flavor, 'csv');
    assert.deepEqual([r.id, r.changeId, r.action, r.status, r.durationMs, r.tenantId], ['la-1', 'la-ch-1', 'create', 'success', 3343, 'tid-1']);
    assert.equal(r.error, null);
    assert.deepEqual(r.steps.map((s) => [s.name, s.type, s.status]), [['EntryImportAdd', 'import', 'success'], ['EntryExportAdd', 'export', 'success']]);
    assert.deepEqual(r.modifiedProperties, [
      { displayName: 'externalId', oldValue: null, newValue: 'e3b2' },
      { displayName: 'nickName', oldValue: '', newValue: 'Joel' },
    ]);
    assert.deepEqual([r.sourceIdentity.displayName, r.servicePrincipal.displayName, r.targetSystem.displayName], ['Joel Miller', 'Dropbox Business', 'Dropbox']);
    assert.deepEqual(r.extra, { TenantId: 'ws-1', OperationName: 'Provisioning activity', OperationVersion: '1.0', Category: 'ProvisioningLogs', Type: 'AADProvisioningLogs' });
    assert.equal(log.store.summary(0).changed, true);
    const f = recordAt(log, 1)!;
    assert.equal(f.time, Date.UTC(2026, 2, 2, 13, 30, 0, 250));
    assert.deepEqual([f.status, f.error?.errorCode, f.error?.reason], ['failure', 'SystemForCrossDomainIdentityManagementBadRequest', 'The SCIM endpoint said "400 Bad Request"']);
  });

  it('locates the ResultSignature cell, and nothing for "None"', () => {
    const log = read();
    assert.equal(csvCellRange(log, 0, 'errorCode'), undefined);
    const r = csvCellRange(log, 1, 'errorCode')!;
    assert.equal(decode(log.files[0]!.bytes, r.start, r.end), 'SystemForCrossDomainIdentityManagementBadRequest');
  });
});

describe('csvCellRange', () => {
  it('gives the byte range of the Error Code value, inside quotes, after non-ASCII text', () => {
    const log = readLog(trio());
    const bytes = log.files[1]!.bytes;
    const at = (i: number) => csvCellRange(log, i, 'errorCode');
    assert.equal(at(0), undefined);
    const plain = at(1)!;
    assert.equal(decode(bytes, plain.start, plain.end), 'AzureActiveDirectoryConflictEncountered');
    const quoted = at(3)!;
    assert.equal(decode(bytes, quoted.start, quoted.end), 'SystemForCrossDomainIdentityManagementBadRequest');
    assert.equal(bytes[quoted.start - 1], 0x22);
    assert.equal(at(99), undefined);
  });
});
