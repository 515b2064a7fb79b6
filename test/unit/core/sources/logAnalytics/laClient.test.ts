import { strict as assert } from 'node:assert';
import { listSubscriptions, listWorkspaces } from '../../../../../src/core/sources/logAnalytics/armList';
import { LogAnalyticsError } from '../../../../../src/core/sources/logAnalytics/laErrors';
import { parseQueryResponse, rowLines } from '../../../../../src/core/sources/logAnalytics/queryResponse';
import type { LaEmulator } from '../../../../emulators/logAnalytics';
import { client, DENIED_WS, EMPTY_WS, START, startEmulator, SUB, TOKEN, tokens, WS } from './laSupport';

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

describe('Azure Resource Manager lists (against the emulator)', function () {
  this.timeout(30_000);
  let emulator: LaEmulator;
  before(async () => {
    ({ emulator } = await startEmulator(10, { pageSize: 1, subscriptions: [{ subscriptionId: 'sub-a', displayName: 'A' }, { subscriptionId: SUB, displayName: 'Contoso logs' }] }));
  });
  after(() => emulator.stop());

  it('follows nextLink pages on the same host and lists the workspaces of a subscription', async () => {
    const opts = { arm: emulator.url, tokens: tokens(TOKEN), fetch: (u: string, i: RequestInit) => fetch(u, i) };
    assert.deepEqual(await listSubscriptions(opts), [
      { id: 'sub-a', name: 'A' },
      { id: SUB, name: 'Contoso logs' },
    ]);
    const ws = await listWorkspaces(opts, SUB);
    assert.deepEqual(ws.map((w) => w.name).sort(), ['entra-logs', 'no-provisioning', 'secret']);
    assert.ok(ws.some((w) => w.id === WS));
  });

  it('never follows a nextLink to another host', async () => {
    let calls = 0;
    const opts = {
      arm: emulator.url,
      tokens: tokens(TOKEN),
      fetch: async (u: string, i: RequestInit): Promise<Response> => {
        calls++;
        assert.ok(u.startsWith(emulator.url), `called ${u}`);
        const r = await fetch(u, i);
        const body = (await r.json()) as Record<string, unknown>;
        return new Response(JSON.stringify({ ...body, nextLink: 'https://evil.example/subscriptions?page=2' }), { status: 200 });
      },
    };
    assert.equal((await listSubscriptions(opts)).length, 1);
    assert.equal(calls, 1);
  });
});
