// What stands under the cursor: the JSON value and its key path, and in log terms (error code, IDs, enums) for every format.
import { strict as assert } from 'node:assert';
import { readLog } from '../../../../../src/core/read/readLog';
import { jsonValueAt } from '../../../../../src/core/views/editor/jsonValueAt';
import { logTokenAt, type TokenRole } from '../../../../../src/core/views/editor/logTokenAt';
import { portalCsvTrio } from '../../../../fixtures/generator/portalCsvWriter';
import { generateRecords } from '../../../../fixtures/generator/records';
import { diagnosticJsonLines, graphPage, logAnalyticsCsv, logAnalyticsJson, portalJson } from '../../../../fixtures/generator/writers';
import { enc, readText } from '../../../helpers';

const records = generateRecords({ seed: 12, count: 60, failureRate: 0.4 });
const failed = records.find((r) => (r['provisioningStatusInfo'] as { status: string }).status === 'failure')!;
const code = ((failed['provisioningStatusInfo'] as Record<string, unknown>)['errorInformation'] as { errorCode: string }).errorCode;

/** Byte offset of the `n`-th occurrence of `needle` in `text`, plus `delta` bytes. */
function byteAt(text: string, needle: string, delta = 0, n = 0): number {
  let k = -1;
  for (let m = 0; m <= n; m++) k = text.indexOf(needle, k + 1);
  assert.ok(k >= 0, `${needle} not found`);
  return enc.encode(text.slice(0, k)).length + delta;
}

describe('jsonValueAt', () => {
  const text = '{"a":{"b":[1,{"c":"x\\"y"}]},"d":true,"e":"é"}';
  const bytes = enc.encode(text);
  it('gives the value and its key path, strings decoded', () => {
    const hit = jsonValueAt(bytes, 0, bytes.length, byteAt(text, 'x'))!;
    assert.deepEqual(hit.path, ['a', 'b', 1, 'c']);
    assert.equal(hit.value, 'x"y');
    assert.equal(hit.quoted, true);
    const one = jsonValueAt(bytes, 0, bytes.length, byteAt(text, '1'))!;
    assert.deepEqual([one.path, one.value, one.quoted], [['a', 'b', 0], '1', false]);
    assert.deepEqual(jsonValueAt(bytes, 0, bytes.length, byteAt(text, 'true', 2))!.path, ['d']);
    assert.equal(jsonValueAt(bytes, 0, bytes.length, byteAt(text, 'é'))!.value, 'é');
  });
  it('finds nothing on a key or on punctuation', () => {
    assert.equal(jsonValueAt(bytes, 0, bytes.length, byteAt(text, '"c"', 1)), undefined);
    assert.equal(jsonValueAt(bytes, 0, bytes.length, byteAt(text, ':')), undefined);
  });
});

describe('logTokenAt', () => {
  const expectToken = (log: ReturnType<typeof readText>, offset: number, role: TokenRole, value: string): void => {
    const t = logTokenAt(log, 0, offset);
    assert.ok(t, `no token at ${offset}`);
    assert.equal(t.role, role);
    assert.equal(t.value, value);
    assert.equal(log.store.get('changeId', t.index), failed['changeId']);
  };

  it('Graph v1.0: error code, IDs and enums of the record under the cursor', () => {
    const text = portalJson(records);
    const log = readText(text);
    const at = text.indexOf(`"changeId":"${String(failed['changeId'])}"`);
    const rec = text.slice(text.lastIndexOf('{"id"', at), text.indexOf('{"id"', at + 1));
    const base = text.indexOf(rec);
    const inRec = (needle: string, delta: number): number => byteAt(text, needle, delta, countBefore(text, needle, base));
    expectToken(log, inRec(`"${code}"`, 3), 'errorCode', code);
    expectToken(log, inRec(`"${String(failed['changeId'])}"`, 2), 'changeId', String(failed['changeId']));
    expectToken(log, inRec(`"${String(failed['cycleId'])}"`, 2), 'cycleId', String(failed['cycleId']));
    expectToken(log, inRec('"provisioningAction":"', 22), 'action', String(failed['provisioningAction']));
    expectToken(log, inRec('"status":"failure"', 10), 'status', 'failure');
    const category = ((failed['provisioningStatusInfo'] as Record<string, unknown>)['errorInformation'] as { errorCategory: string }).errorCategory;
    expectToken(log, inRec('"errorCategory":"', 18), 'errorCategory', category);
    expectToken(log, inRec('"provisioningStepType":"', 25), 'stepType', 'import');
  });

  it('Graph beta: the second error code (statusInfo) is found too', () => {
    const text = graphPage([failed], 'beta');
    const log = readText(text);
    const second = byteAt(text, `"errorCode": "${code}"`, 15, 1);
    expectToken(log, second, 'errorCode', code);
  });

  it('diagnostic exports: enums written as numbers, initiatedBy.Type, resultSignature', () => {
    const text = diagnosticJsonLines([failed]);
    const log = readText(text);
    const step = logTokenAt(log, 0, byteAt(text, '"provisioningStepType":', 23));
    assert.deepEqual(step && [step.role, step.value, step.numeric], ['stepType', '0', true]);
    const type = logTokenAt(log, 0, byteAt(text, '"Type":"', 9));
    assert.equal(type?.role, 'initiatorType');
    expectToken(log, byteAt(text, `"resultSignature":"${code}"`, 20), 'errorCode', code);
  });

  it('Log Analytics JSON: ResultSignature, ChangeId; None is no error code', () => {
    const ok = records.find((r) => (r['provisioningStatusInfo'] as { status: string }).status === 'success')!;
    const text = logAnalyticsJson([failed, ok]);
    const log = readText(text);
    expectToken(log, byteAt(text, `"ResultSignature": "${code}"`, 21), 'errorCode', code);
    assert.equal(logTokenAt(log, 0, byteAt(text, '"ResultSignature": "None"', 21)), undefined);
    // Also inside the JSON-string column that repeats it.
    const nested = logTokenAt(log, 0, byteAt(text, `\\"errorCode\\":\\"${code}`, 16));
    assert.deepEqual(nested && [nested.role, nested.value, Buffer.from(text).subarray(nested.start, nested.end).toString()], ['errorCode', code, code]);
  });

  it('CSV (portal main file and Log Analytics export): by column', () => {
    const trio = portalCsvTrio([failed]);
    const log = readLog([
      { name: 'ProvisioningLogs.csv', bytes: enc.encode(trio.main) },
      { name: 'ProvisioningLogs_ProvisioningSteps.csv', bytes: enc.encode(trio.steps) },
      { name: 'ProvisioningLogs_ModifiedProperties.csv', bytes: enc.encode(trio.modified) },
    ]);
    const row = trio.main.split(/\r?\n/)[1]!;
    const rowStart = byteAt(trio.main, row);
    const t = logTokenAt(log, 0, rowStart + enc.encode(row.slice(0, row.indexOf(code) + 2)).length);
    assert.deepEqual(t && [t.role, t.value], ['errorCode', code]);
    const la = logAnalyticsCsv([failed]);
    const laLog = readLog([{ name: 'AADProvisioningLogs.csv', bytes: enc.encode(la) }]);
    const u = logTokenAt(laLog, 0, byteAt(la, String(failed['cycleId']), 3, 0));
    assert.deepEqual(u && [u.role, u.value], ['cycleId', failed['cycleId']]);
  });
});

function countBefore(text: string, needle: string, at: number): number {
  let n = 0;
  for (let k = text.indexOf(needle); k >= 0 && k < at; k = text.indexOf(needle, k + 1)) n++;
  return n;
}
