import { strict as assert } from 'node:assert';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { stateFileName } from '../../../src/core/sources/graph/fetchState';
import { cli, NOW, TempFolder } from './cliHarness';
import { GraphEmulator } from '../../emulators/graph';
import { generateRecords } from '../../fixtures/generator/records';
import { idsOf } from '../core/sources/graph/graphTestSupport';

const TOKEN = 'cli-token-value-9f8e7d6c5b4a';
// The generator's newest records are shortly before 2026-03-02T14:00Z; the harness's "now" is a day later.
const records = generateRecords({ count: 1200, seed: 11 });
const later = generateRecords({ count: 300, seed: 12, end: NOW - 3600_000 });

describe('provlog fetch graph', function () {
  this.timeout(60_000);
  let emu: GraphEmulator;
  let tmp: TempFolder;
  const saved = process.env['PROVLOG_TOKEN'];
  before(async () => {
    emu = await GraphEmulator.start({ records: [...records, ...later], tokens: { [TOKEN]: 'reader', consentless: 'noConsent' }, budget: { requests: 50, windowMs: 10_000 } });
    tmp = new TempFolder();
    process.env['PROVLOG_TOKEN'] = TOKEN;
  });
  after(async () => {
    await emu.close();
    tmp.remove();
    if (saved === undefined) delete process.env['PROVLOG_TOKEN'];
    else process.env['PROVLOG_TOKEN'] = saved;
  });

  const base = (out: string): string[] => ['fetch', 'graph', '--graph-url', emu.url, '--top', '250', '--requests-per-10s', '50', '-o', out];

  it('fetches a window into a file that "provlog summary" reads, and never prints the token', async () => {
    const out = tmp.path('day.jsonl');
    const r = await cli([...base(out), '--since', '2026-03-01', '--until', '2026-03-02T15:00:00Z']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^1,200 records in .*day\.jsonl \(\d+ requests\)\.\n$/);
    const lines = readFileSync(out, 'utf8').trimEnd().split('\n');
    assert.deepEqual(idsOf(lines).sort(), records.map((x) => String(x['id'])).sort());
    assert.equal(statSync(out).mode & 0o777, 0o600);
    const summary = await cli(['summary', out]);
    assert.equal(summary.code, 0, summary.stderr);
    assert.match(summary.stdout, /1,200|1200/);
    for (const text of [r.stdout, r.stderr, summary.stdout, readFileSync(out, 'utf8'), readFileSync(stateFileName(out), 'utf8')]) assert.ok(!text.includes(TOKEN));
    assert.ok(emu.stats.authorizations.includes(`Bearer ${TOKEN}`), 'the token went in the Authorization header');
  });

  it('shows progress on stderr only to a person watching, from the beta endpoint when asked', async () => {
    const out = tmp.path('beta.jsonl');
    const asked = emu.stats.versions.length;
    const r = await cli([...base(out), '--since', '2026-03-01', '--until', '2026-03-02T15:00:00Z', '--beta'], { stderrTTY: true });
    assert.equal(r.code, 0, r.stderr);
    assert.ok(r.stderr.includes('\r\x1b[K'), 'one line, redrawn in place');
    assert.match(r.stderr, /1,200 records · \d+ requests · complete up to 2026-03-02 15:00:00 UTC/);
    assert.ok(!r.stderr.includes(TOKEN));
    assert.ok(emu.stats.versions.length > asked && emu.stats.versions.slice(asked).every((v) => v === 'beta'));
    const state = JSON.parse(readFileSync(stateFileName(out), 'utf8')) as { query: { apiVersion: string } };
    assert.equal(state.query.apiVersion, 'beta');
  });

  it('pushes a status down and filters an error code locally', async () => {
    const out = tmp.path('failures.jsonl');
    const r = await cli([...base(out), '--since', '2026-03-01', '--until', '2026-03-02T15:00:00Z', '--status', 'failure', '--error-code', 'a']);
    assert.equal(r.code, 0, r.stderr);
    assert.ok(emu.stats.filters.at(-1)!.endsWith("provisioningStatusInfo/status eq 'failure'"));
    const got = readFileSync(out, 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l) as { provisioningStatusInfo: { status: string; errorInformation: { errorCode: string } } });
    assert.ok(got.length > 0);
    assert.ok(got.every((g) => g.provisioningStatusInfo.status === 'failure' && /a/i.test(g.provisioningStatusInfo.errorInformation.errorCode)));
  });

  it('--resume continues from the saved window without duplicates; --newer adds only what is new', async () => {
    const out = tmp.path('resumed.jsonl');
    assert.equal((await cli([...base(out), '--since', '2026-03-01', '--until', '2026-03-02T15:00:00Z'])).code, 0);
    const full = readFileSync(out, 'utf8');
    // As if the pull had stopped in its first window: a state at the start, half a window of records on disk.
    const state = JSON.parse(readFileSync(stateFileName(out), 'utf8')) as Record<string, unknown>;
    writeFileSync(stateFileName(out), JSON.stringify({ ...state, done: '2026-03-01T00:00:00.000Z', bytes: 0, records: 0 }));
    writeFileSync(out, full.split('\n').slice(0, 500).join('\n') + '\n');
    const resumed = await cli([...base(out), '--since', '2026-03-01', '--until', '2026-03-02T15:00:00Z', '--resume']);
    assert.equal(resumed.code, 0, resumed.stderr);
    assert.equal(readFileSync(out, 'utf8'), full);
    const newer = await cli([...base(out), '--newer']);
    assert.equal(newer.code, 0, newer.stderr);
    const ids = idsOf(readFileSync(out, 'utf8').trimEnd().split('\n'));
    assert.equal(new Set(ids).size, ids.length, 'no record twice');
    assert.deepEqual(ids.sort(), [...records, ...later].map((x) => String(x['id'])).sort());
  });

  it('explains what is missing, in one sentence each', async () => {
    const out = tmp.path('x.jsonl');
    const noSince = await cli([...base(out)]);
    assert.equal(noSince.code, 2);
    assert.match(noSince.stderr, /needs --since/);
    const plain = await cli(['fetch', 'graph', '--graph-url', 'http://graph.example.com', '--since', '1d', '-o', out]);
    assert.equal(plain.code, 2);
    assert.match(plain.stderr, /not HTTPS/);
    process.env['PROVLOG_TOKEN'] = 'consentless';
    try {
      const consent = await cli([...base(out), '--since', '1d']);
      assert.equal(consent.code, 1);
      assert.match(consent.stderr, /lacks the AuditLog\.Read\.All permission/);
    } finally {
      process.env['PROVLOG_TOKEN'] = TOKEN;
    }
    delete process.env['PROVLOG_TOKEN'];
    try {
      const none = await cli([...base(out), '--since', '1d']);
      assert.match(none.stderr, /No access token: set PROVLOG_TOKEN/);
    } finally {
      process.env['PROVLOG_TOKEN'] = TOKEN;
    }
    const nothing = await cli([...base(tmp.path('never.jsonl')), '--resume']);
    assert.match(nothing.stderr, /nothing to continue/);
  });
});
