import { strict as assert } from 'node:assert';
import { recordAt, rawTextAt } from '../../../../../src/core/read/recordAt';
import { generateRecords } from '../../../../fixtures/generator/records';
import { powershellJson, utf16be, utf16le } from '../../../../fixtures/generator/powershellWriter';
import {
  diagnosticJsonLines,
  diagnosticRecords,
  graphPage,
  jsonLines,
  legacyPage,
  logAnalyticsJson,
  portalJson,
} from '../../../../fixtures/generator/writers';
import { problemCodes, readBytes, readText, samples } from '../../../helpers';

const records = generateRecords({ seed: 7, count: 60 });
const ids = records.map((r) => r['id'] as string);

describe('JSON formats', () => {
  it('reads the portal download: a minified array of Graph records', () => {
    const log = readText(portalJson(records));
    assert.equal(log.format, 'portalJson');
    assert.equal(log.store.size, records.length);
    assert.deepEqual(problemCodes(log), []);
    assert.deepEqual([...Array(log.store.size).keys()].map((i) => log.store.get('id', i)), ids);
  });

  it('keeps every field of the generated record', () => {
    const log = readText(portalJson(records));
    const failed = records.findIndex((r) => (r['provisioningStatusInfo'] as { status: string }).status === 'failure');
    assert.ok(failed >= 0, 'the generator makes failures');
    const src = records[failed]!;
    const s = log.store.summary(failed);
    const info = src['provisioningStatusInfo'] as { errorInformation: { errorCode: string; reason: string } };
    assert.equal(s.status, 'failure');
    assert.equal(s.errorCode, info.errorInformation.errorCode);
    assert.equal(s.reason, info.errorInformation.reason);
    assert.equal(s.jobId, src['jobId']);
    assert.equal(s.cycleId, src['cycleId']);
    assert.equal(s.changeId, src['changeId']);
    assert.equal(s.sourceName, (src['sourceIdentity'] as { displayName: string }).displayName);
    assert.equal(s.appName, (src['servicePrincipal'] as { displayName: string }).displayName);
    assert.equal(s.durationMs, src['durationInMilliseconds']);
    const full = recordAt(log, failed)!;
    assert.equal(full.steps.length, (src['provisioningSteps'] as unknown[]).length);
    assert.equal(full.modifiedProperties.length, (src['modifiedProperties'] as unknown[]).length);
    assert.deepEqual(JSON.parse(rawTextAt(log, failed)!), src);
  });

  it('reads Graph pages (v1.0 and beta) and says when more pages exist', () => {
    const v1 = readText(graphPage(records, 'v1.0', 'https://graph.microsoft.com/v1.0/auditLogs/provisioning?$skiptoken=abc'));
    assert.equal(v1.format, 'graphPage');
    assert.equal(v1.formatDetail, 'v1.0');
    assert.equal(v1.store.size, records.length);
    assert.equal(v1.nextLink, 'https://graph.microsoft.com/v1.0/auditLogs/provisioning?$skiptoken=abc');
    const more = v1.problems.find((p) => p.code === 'moreGraphPages');
    assert.equal(more?.severity, 'info');
    const beta = readText(graphPage(records, 'beta'));
    assert.equal(beta.formatDetail, 'beta');
    assert.equal(beta.store.size, records.length);
    assert.ok(!beta.problems.some((p) => p.code === 'moreGraphPages'));
    for (let i = 0; i < records.length; i++) assert.equal(beta.store.get('actionLabel', i).toLowerCase(), beta.store.actionOf(i).toLowerCase());
  });

  it('reads the 2019 directoryProvisioning shape from action and statusInfo alone', () => {
    const log = readText(legacyPage(records));
    assert.equal(log.formatDetail, 'beta, directoryProvisioning, 2019 shape');
    const v1 = readText(portalJson(records));
    for (let i = 0; i < records.length; i++) {
      assert.equal(log.store.statusOf(i), v1.store.statusOf(i));
      assert.equal(log.store.actionOf(i), v1.store.actionOf(i));
      assert.equal(log.store.get('errorCode', i), v1.store.get('errorCode', i));
      assert.equal(log.store.get('initiatorType', i), 'system');
    }
  });

  it('reads JSON Lines with LF or CRLF, whatever the file is called', () => {
    const lf = readText(jsonLines(records), 'export.txt');
    assert.equal(lf.format, 'jsonLines');
    assert.equal(lf.store.size, records.length);
    const crlf = readText(jsonLines(records).replace(/\n/g, '\r\n'), 'export.log');
    assert.equal(crlf.store.size, records.length);
    assert.deepEqual(problemCodes(crlf), []);
  });

  it('reads Azure Monitor JSON Lines: envelopes, integer enums, PascalCase ids, duplicates kept once', () => {
    const log = readText(diagnosticJsonLines(records, 7), 'PT1H.json');
    assert.equal(log.format, 'diagnosticJsonLines');
    assert.equal(log.store.size, records.length);
    assert.ok(problemCodes(log).includes('duplicates'));
    const v1 = readText(portalJson(records));
    for (let i = 0; i < records.length; i++) {
      const a = log.store.summary(i);
      const b = v1.store.summary(i);
      assert.deepEqual(
        [a.id, a.status, a.action, a.sourceName, a.sourceId, a.targetSystem, a.appName, a.errorCode, a.durationMs, a.changed],
        [b.id, b.status, b.action, b.sourceName, b.sourceId, b.targetSystem, b.appName, b.errorCode, b.durationMs, b.changed],
      );
    }
    const full = recordAt(log, 0)!;
    assert.deepEqual(full.steps.map((s) => s.type), recordAt(v1, 0)!.steps.map((s) => s.type));
  });

  it('reads the {"records": [...]} envelope', () => {
    const log = readText(diagnosticRecords(records));
    assert.equal(log.format, 'diagnosticRecords');
    assert.equal(log.store.size, records.length);
  });

  it('reads Log Analytics rows: JSON-string columns, ResultSignature None means no error', () => {
    const log = readText(logAnalyticsJson(records));
    assert.equal(log.format, 'logAnalyticsJson');
    assert.equal(log.store.size, records.length);
    const v1 = readText(portalJson(records));
    for (let i = 0; i < records.length; i++) {
      assert.equal(log.store.get('errorCode', i), v1.store.get('errorCode', i));
      assert.equal(log.store.statusOf(i), v1.store.statusOf(i));
      assert.equal(log.store.get('tenantId', i), v1.store.get('tenantId', i), 'the Entra tenant, not the workspace');
    }
    assert.equal(recordAt(log, 0)!.steps.length, recordAt(v1, 0)!.steps.length);
  });

  it('reads PowerShell ConvertTo-Json output saved as UTF-16 LE with BOM', () => {
    const text = powershellJson(records, { depth: 10 });
    const log = readBytes(utf16le(text));
    assert.equal(log.format, 'powershellJson');
    assert.equal(log.files[0]!.encoding, 'utf-16le');
    assert.equal(log.store.size, records.length);
    assert.deepEqual(problemCodes(log), []);
    const names = (i: number): string => log.store.get('sourceName', i);
    assert.equal(names(3), (records[3]!['sourceIdentity'] as { displayName: string }).displayName);
    const be = readBytes(utf16be(text));
    assert.equal(be.files[0]!.encoding, 'utf-16be');
    assert.equal(be.store.size, records.length);
  });

  it('reads a single PowerShell object and warns, with a position, when -Depth 2 flattened it', () => {
    const one = readBytes(utf16le(powershellJson([records[0]])));
    assert.equal(one.store.size, 1);
    const warning = one.problems.find((p) => p.code === 'depthTruncated');
    assert.ok(warning, 'depth truncation is reported');
    assert.equal(warning.severity, 'warning');
    assert.match(warning.message, /-Depth 10/);
    assert.ok(warning.line !== undefined && warning.line > 1);
    // What the flattened text still says is read back: step names and statuses.
    const full = recordAt(one, 0)!;
    assert.deepEqual(full.steps.map((s) => s.name), (records[0]!['provisioningSteps'] as { name: string }[]).map((s) => s.name));
    assert.equal(one.store.get('sourceName', 0), (records[0]!['sourceIdentity'] as { displayName: string }).displayName);
  });
});

describe('JSON damage', () => {
  it('a truncated download keeps every complete record and reports the cut where it is', () => {
    const text = portalJson(records);
    const cut = text.slice(0, Math.floor(text.length * 0.6));
    const log = readText(cut);
    const complete = records.filter((r) => text.indexOf(JSON.stringify(r)) + JSON.stringify(r).length <= cut.length).length;
    assert.equal(log.store.size, complete);
    const p = log.problems.find((x) => x.code === 'truncated');
    assert.equal(p?.severity, 'error');
    assert.equal(p?.line, 1);
    assert.equal(p?.column, [...cut].reduce((n, ch) => n + ch.length, 0) + 1);
    assert.match(p!.message, /cut off/);
  });

  it('a damaged record costs only itself, with its position', () => {
    const lines = jsonLines(records.slice(0, 5)).split('\n');
    lines[2] = lines[2]!.replace('"cycleId":', '"cycleId" ');
    const log = readText(lines.join('\n'));
    assert.equal(log.store.size, 5, 'the readable part of the damaged record is kept too');
    const p = log.problems.find((x) => x.code === 'invalidRecord');
    assert.equal(p?.line, 3);
    assert.match(p!.message, /colon is missing/);
  });

  it('tolerates a trailing comma (as in the Graph docs example) with a warning', () => {
    const log = readText('[{"id":"a","changeId":"c","provisioningAction":"create","modifiedProperties":[{"displayName":"x","oldValue":null,"newValue":"1"},]}]');
    assert.equal(log.store.size, 1);
    assert.deepEqual(problemCodes(log), ['lenientJson']);
  });

  it('says clearly when JSON is not a provisioning log', () => {
    const log = readText('{"editor.fontSize": 14, "files.autoSave": "off"}', 'settings.json');
    assert.equal(log.store.size, 0);
    const p = log.problems.find((x) => x.code === 'notProvisioningLog');
    assert.equal(p?.severity, 'error');
    assert.match(p!.message, /changeId/);
  });

  it('an empty file is an error, not a crash', () => {
    for (const text of ['', '   \n\t ']) {
      const log = readText(text);
      assert.equal(log.store.size, 0);
      assert.deepEqual(problemCodes(log), ['empty']);
    }
  });

  it('mis-encoded bytes are replaced and reported', () => {
    const text = portalJson(records.slice(0, 3)).replace('Microsoft Entra ID', 'Microsoft Entra ID\u00e9');
    const bytes = new TextEncoder().encode(text);
    // Turn the é (C3 A9) into a lone Latin-1 byte E9 followed by a space: invalid UTF-8.
    const at = bytes.indexOf(0xc3);
    bytes[at] = 0xe9;
    bytes[at + 1] = 0x20;
    const log = readBytes(bytes);
    assert.equal(log.store.size, 3);
    assert.ok(problemCodes(log).includes('invalidUtf8'));
  });

  it('hostile input never throws: random bytes, deep nesting, lone brackets', () => {
    const inputs = ['[', ']', '{', '}}}}', '[[[[[[[[[[', '[1,2,"x",null]', '{"value": 5}', '"just a string"', '\u0000\u0001\u0002', '{"a":"\\'];
    let seed = 1;
    for (let k = 0; k < 200; k++) {
      let s = '';
      for (let j = 0; j < 40; j++) {
        seed = (seed * 1103515245 + 12345) & 0x7fffffff;
        s += '{}[]",:\\ az01\n'[seed % 15];
      }
      inputs.push(s);
    }
    for (const text of inputs) {
      const log = readText(text);
      assert.ok(Array.isArray(log.problems));
    }
  });
});

describe('public samples', () => {
  const files = samples();
  (files.length === 0 ? it.skip : it)('reads every public sample with the fields the docs show', () => {
    for (const f of files) {
      const log = readBytes(f.bytes, f.name);
      assert.ok(log.store.size >= 1, `${f.name} has events`);
      assert.ok(!log.problems.some((p) => p.severity === 'error'), `${f.name}: ${JSON.stringify(log.problems)}`);
      for (let i = 0; i < log.store.size; i++) {
        const s = log.store.summary(i);
        assert.notEqual(s.changeId, '', `${f.name} change id`);
        assert.ok(!Number.isNaN(s.time), `${f.name} time`);
        if (s.status === 'failure') assert.match(s.errorCode, /EntryConflict$/);
      }
    }
    const diag = files.find((f) => f.name.startsWith('diag_'));
    if (diag) {
      const log = readBytes(diag.bytes, diag.name);
      assert.equal(log.format, 'diagnosticJsonLines');
      // Line 3 (Elastic's synthetic record) reuses line 2's id with other content: both are kept.
      assert.equal(log.store.size, 3, 'a record that reuses an id with other content is not merged away');
      const differ = log.problems.filter((p) => p.code === 'sameIdDiffers');
      assert.equal(differ.length, 1);
      assert.match(differ[0]!.message, /same id "ebc7b845-7505-2dfa-269a-93257fab469a": at line 2, column 1 and at line 3, column 1/);
      assert.equal(recordAt(log, 0)!.steps[3]!.type, 'processing');
    }
    const live = files.find((f) => f.name.includes('live_record'));
    if (live) {
      const log = readBytes(live.bytes, live.name);
      assert.equal(log.store.statusOf(0), 'skipped');
      assert.equal(log.store.get('sourceName', 0), 'macos-servers-dynamic');
    }
  });
});
