/**
 * What real files (public records nobody on this project wrote) taught the readers: re-deliveries
 * versus records that reuse an id, envelopes without their event, docs examples with trailing
 * commas or "..." in the middle, a single pretty-printed diagnostic record, JSON and binary files
 * that are no log at all. Fixtures are built in realShapes.ts after the real shapes.
 */
import * as assert from 'node:assert/strict';
import { readLog } from '../../../../src/core/read/readLog';
import { prettifyText } from '../../../../src/core/prettify/prettify';
import { recordAt } from '../../../../src/core/read/recordAt';
import { logDiagnostics } from '../../../../src/core/views/editor/logDiagnostics';
import { buildDetailView } from '../../../../src/core/views/detail/buildDetailView';
import { LoadedLog } from '../../../../src/core/log/loadedLog';
import { enc, problemCodes, readText } from '../../helpers';
import { diagnosticRecord, docsPage, docsRecord, failedOverrides, lines } from '../../../fixtures/realShapes';

describe('real files: records that share an id', () => {
  it('keeps both records when the content differs, and names the id and where both are', () => {
    const log = readText(lines([diagnosticRecord('a1'), diagnosticRecord('b2'), diagnosticRecord('a1', failedOverrides(), { resultType: 'Failure' })]), 'PT1H.json');
    assert.equal(log.store.size, 3);
    assert.equal(log.store.statusOf(2), 'failure');
    assert.equal(log.store.get('errorCode', 2), 'SystemForCrossDomainIdentityManagementBadRequest');
    const w = log.problems.filter((p) => p.code === 'sameIdDiffers');
    assert.equal(w.length, 1);
    assert.equal(w[0]!.severity, 'warning');
    assert.match(w[0]!.message, /same id "a1": at line 1, column 1 and at line 3, column 1\. Both were kept/);
    assert.deepEqual([w[0]!.line, w[0]!.column], [3, 1]);
    assert.ok(!problemCodes(log).includes('duplicates'));
  });

  it('merges a true re-delivery (same content, even laid out differently) with an Azure Monitor note', () => {
    const a = diagnosticRecord('a1');
    const text = lines([a, diagnosticRecord('b2')]) + JSON.stringify(a, null, 1).replace(/\n/g, ' ') + '\n';
    const log = readText(text, 'PT1H.json');
    assert.equal(log.store.size, 2);
    const notes = log.problems.filter((p) => p.code === 'duplicates');
    assert.equal(notes.length, 1);
    assert.match(notes[0]!.message, /^1 record repeats a record read before, with the same id and the same content \(Azure Monitor delivers a record more than once now and then\); each was kept once\. The first repeat is at line 3, column 1, first read at line 1, column 1\.$/);
  });

  it('attributes re-deliveries to the file that holds them, and does not blame Azure Monitor for a portal download', () => {
    const one = JSON.stringify([docsRecord('r1')]);
    const two = JSON.stringify([docsRecord('r2'), docsRecord('r1')]);
    const log = readLog([
      { name: 'first.json', bytes: enc.encode(one) },
      { name: 'second.json', bytes: enc.encode(two) },
    ]);
    assert.equal(log.store.size, 2);
    const notes = log.problems.filter((p) => p.code === 'duplicates');
    assert.equal(notes.length, 1);
    assert.equal(notes[0]!.file, 'second.json');
    assert.match(notes[0]!.message, /^1 record repeats .* \(the files overlap\); .* at second\.json line 1, column \d+, first read at first\.json line 1, column 2\.$/);
    assert.doesNotMatch(notes[0]!.message, /Azure Monitor/);
  });
});

describe('real files: damaged and unusual records', () => {
  it('says a ProvisioningLogs record lacks its properties instead of "not a provisioning log"', () => {
    const bare = diagnosticRecord('a1');
    delete bare['properties'];
    const log = readText(lines([bare, bare]), 'PT1H.json');
    assert.equal(log.store.size, 0);
    const p = log.problems.find((x) => x.code === 'diagnosticWithoutProperties');
    assert.ok(p, JSON.stringify(log.problems));
    assert.match(p.message, /^2 Azure Monitor records with category "ProvisioningLogs" have no "properties" object \(first at line 1, column 1\)/);
    assert.ok(!problemCodes(log).includes('notProvisioningLog'));
    assert.notEqual(log.format, 'notALog');
  });

  it('places a trailing comma (as in the docs example) where prettify places it', () => {
    const text = docsPage([docsRecord('r1')]).replace(/("newValue": "jane@contoso\.example"\n\s*\})/, '$1,');
    const log = readText(text, 'docs.json');
    assert.equal(log.store.size, 1);
    const lenient = log.problems.find((p) => p.code === 'lenientJson');
    assert.ok(lenient);
    const pretty = prettifyText(text).problems[0];
    assert.ok(pretty);
    assert.equal(pretty.code, 'trailingComma');
    assert.deepEqual([lenient.line, lenient.column], [pretty.line, pretty.column]);
    assert.notDeepEqual([lenient.line, lenient.column], [4, 5], 'not the start of the record');
    assert.match(lenient.message, new RegExp(`a trailing comma at line ${pretty.line}, column ${pretty.column}`));
  });

  it('reads a docs example shortened with "..." in the middle as damaged there, not cut off', () => {
    const page = docsPage([docsRecord('r1'), docsRecord('r2')]);
    // The second record loses its tail to a literal "...", then the page is closed properly.
    const at = page.lastIndexOf('"provisioningSteps"');
    const text = page.slice(0, at) + '...\n  ]\n}\n';
    const log = readText(text, 'docs.json');
    assert.ok(!problemCodes(log).includes('truncated'), JSON.stringify(log.problems));
    const damaged = log.problems.find((p) => p.code === 'invalidRecord');
    assert.ok(damaged);
    assert.match(damaged.message, /unexpected character at line \d+, column 7\. The record is incomplete/);
    assert.equal(log.store.size, 2);
    assert.equal(log.store.get('id', 0), 'r1');
  });

  it('labels one pretty-printed diagnostic record as a single record, not JSON Lines', () => {
    const log = readText(JSON.stringify(diagnosticRecord('a1'), null, 2), 'record.json');
    assert.equal(log.format, 'singleRecord');
    assert.equal(log.formatDetail, 'Azure Monitor diagnostic record');
    assert.equal(log.store.size, 1);
    assert.equal(recordAt(log, 0)!.durationMs, 1462, 'durationMs arrives as a string');
  });
});

describe('real files: what is not a log', () => {
  it('gives a settings file with a "value" array the not-a-log verdict, alone', () => {
    for (const text of ['{"value": [{"name": "editor.fontSize", "enabled": true}], "other": 1}', '{"value": ["a", "b"]}', '{"value": []}']) {
      const log = readText(text, 'settings.json');
      assert.equal(log.format, 'notALog', text);
      assert.deepEqual(problemCodes(log), ['notProvisioningLog'], text);
      assert.match(log.problems[0]!.message, /^This is not a provisioning log/);
    }
  });

  it('keeps an empty Graph page of the provisioning endpoint a (quiet) Graph page', () => {
    const log = readText(docsPage([]), 'page.json');
    assert.equal(log.format, 'graphPage');
    assert.deepEqual(problemCodes(log), ['noRecords']);
  });

  it('says an empty file and a binary file are no log, without a log format', () => {
    const empty = readLog([{ name: 'e.json', bytes: new Uint8Array(0) }]);
    assert.equal(empty.format, 'notALog');
    const bytes = new Uint8Array(4096).map((_, i) => (i * 37) & 0xff);
    const bin = readLog([{ name: 'photo.json', bytes }]);
    assert.equal(bin.format, 'notALog');
    assert.equal(bin.problems.length, 1);
    assert.match(bin.problems[0]!.message, /^This is not a provisioning log: it is a binary file, not text/);
    assert.ok(bin.problems[0]!.message.length < 200, 'one sentence, not the bytes');
  });
});

describe('real files: what the editor shows', () => {
  it('puts no diagnostics on an ordinary JSON file', () => {
    const log = readText('{"value": [{"name": "x"}]}', 'settings.json');
    assert.deepEqual(logDiagnostics(log, { minimum: 'info', maxPerFile: 100 }), []);
  });

  it("names each event's file and place when several files are read together", () => {
    const log = readLog([
      { name: 'h=13/PT1H.json', bytes: enc.encode(lines([diagnosticRecord('a1')])) },
      { name: 'h=14/PT1H.json', bytes: enc.encode(lines([diagnosticRecord('b2'), diagnosticRecord('c3', failedOverrides())])) },
    ]);
    const model = new LoadedLog(log);
    const view = buildDetailView(model, 2, { uri: 'provlog-set:/x', logName: 'x' });
    assert.deepEqual(view?.source, { file: 'h=14/PT1H.json', line: 2, column: 1, severalFiles: true, canGoTo: true });
  });
});
