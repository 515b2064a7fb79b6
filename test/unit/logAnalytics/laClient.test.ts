import { strict as assert } from 'node:assert';
import { LogAnalyticsError } from '../../../src/core/logAnalytics/laErrors';
import { parseQueryResponse, rowLines } from '../../../src/core/logAnalytics/queryResponse';
import type { LaEmulator } from '../../emulators/logAnalytics';
import { client, DENIED_WS, EMPTY_WS, START, startEmulator, TOKEN } from './laSupport';

async function rejection(p: Promise<unknown>): Promise<LogAnalyticsError> {
  try {
    await p;
  } catch (e) {
    assert.ok(e instanceof LogAnalyticsError, String(e));
    assert.ok(!e.message.includes(TOKEN), 'the token never appears in a message');
    return e;
  }
  assert.fail('expected a LogAnalyticsError');
}

describe('Log Analytics client errors (against the emulator)', function () {
  this.timeout(30_000);
  let emulator: LaEmulator;
  before(async () => {
    ({ emulator } = await startEmulator(10));
  });
  after(() => emulator.stop());

  it('403 names the workspace and the role that is missing', async () => {
    const e = await rejection(client(emulator, { workspace: DENIED_WS }).query('AADProvisioningLogs', START, START + 1000));
    assert.equal(e.kind, 'forbidden');
    assert.match(e.message, /workspace secret \(403\).*Log Analytics Reader/);
  });

  it('a workspace without the table says diagnostic settings do not send ProvisioningLogs there, with the how-to link', async () => {
    const e = await rejection(client(emulator, { workspace: EMPTY_WS }).query('AADProvisioningLogs', START, START + 1000));
    assert.equal(e.kind, 'noTable');
    assert.match(e.message, /no-provisioning has no AADProvisioningLogs table.*diagnostic settings.*https:\/\/learn\.microsoft\.com\//);
  });

  it('invalid KQL shows the service message and keeps the query beside it', async () => {
    const bad = 'AADProvisioningLogs | where Nope == 1';
    const e = await rejection(client(emulator).query(bad, START, START + 1000));
    assert.equal(e.kind, 'badQuery');
    assert.match(e.message, /^Log Analytics rejected the query: .*Nope/);
    assert.equal(e.query, bad);
  });

  it('an unknown workspace is a 404 that says what to check', async () => {
    const e = await rejection(client(emulator, { workspace: DENIED_WS.replace('secret', 'gone') }).query('AADProvisioningLogs', START, START + 1000));
    assert.equal(e.kind, 'notFound');
  });

  it('a URL that is neither https nor this machine is never called', async () => {
    const c = client(emulator);
    Object.defineProperty(c, 'url', { value: 'http://example.com/q' });
    const e = await rejection(c.query('AADProvisioningLogs', START, START + 1000));
    assert.equal(e.kind, 'endpoint');
  });
});

describe('Log Analytics rows → JSON Lines', () => {
  it('keys each row by column name and leaves nulls out; a partial answer is reported with its inner message', () => {
    const text = JSON.stringify({
      tables: [{ name: 'PrimaryResult', columns: [{ name: 'Id', type: 'string' }, { name: 'DurationMs', type: 'long' }, { name: 'X', type: 'string' }], rows: [['a', 5, null], ['b\n"', 6, 'y']] }],
      error: { code: 'PartialError', message: 'There were some errors', details: [{ code: 'EngineError', innererror: { message: 'exceeded the internal record count limit' } }] },
    });
    const r = parseQueryResponse(text)!;
    assert.equal(r.partial?.detail, 'exceeded the internal record count limit');
    const lines = rowLines(r.table);
    assert.deepEqual(lines.map((l) => JSON.parse(l) as unknown), [{ Id: 'a', DurationMs: 5 }, { Id: 'b\n"', DurationMs: 6, X: 'y' }]);
    assert.ok(lines.every((l) => !l.includes('\n')));
    assert.equal(parseQueryResponse('{"value":[]}'), undefined);
    assert.equal(parseQueryResponse('not json'), undefined);
  });
});
