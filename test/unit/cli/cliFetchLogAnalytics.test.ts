import { strict as assert } from 'node:assert';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fetchStopped } from '../../../src/cli/commands/fetchLogAnalytics';
import { CliFailure, EXIT } from '../../../src/cli/io';
import { LogAnalyticsError } from '../../../src/core/sources/logAnalytics/laErrors';
import { PullStopped } from '../../../src/core/sources/logAnalytics/pull';
import { cli, TempFolder } from './cliHarness';
import type { LaDataset } from '../../emulators/laDataset';
import type { LaEmulator } from '../../emulators/logAnalytics';
import { DENIED_WS, EMPTY_WS, startEmulator, TOKEN, WS } from '../core/sources/logAnalytics/laSupport';

describe('provlog fetch loganalytics (against the emulator)', function () {
  this.timeout(60_000);
  let emulator: LaEmulator;
  let data: LaDataset;
  const temp = new TempFolder();
  before(async () => {
    ({ emulator, data } = await startEmulator(1200, { rowLimit: 300 }));
    process.env['PROVLOG_TOKEN'] = TOKEN;
  });
  after(async () => {
    delete process.env['PROVLOG_TOKEN'];
    await emulator.stop();
  });

  const since = (): string => new Date(data.timeOf(0)).toISOString();
  const until = (): string => new Date(data.timeOf(1199)).toISOString();

  it('writes every row once to a user-only JSON Lines file that provlog summary reads', async () => {
    const out = join(temp.dir, 'la.jsonl');
    const r = await cli(['fetch', 'loganalytics', '--workspace', WS, '--arm-url', emulator.url, '--since', since(), '--until', until(), '--status', 'failure', '-o', out]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /Wrote 1,200 rows from workspace entra-logs/);
    const lines = readFileSync(out, 'utf8').trimEnd().split('\n');
    assert.equal(new Set(lines.map((l) => (JSON.parse(l) as { Id: string }).Id)).size, 1200);
    assert.equal(statSync(out).mode & 0o777, 0o600);
    // The filter went to the service as KQL.
    assert.ok(emulator.stats.lastQueries.some((q) => q.includes('provlog_status(') && q.includes('in ("failure")')));
    const summary = await cli(['summary', '--json', out]);
    assert.equal(summary.code, 0, summary.stderr);
    assert.equal((JSON.parse(summary.stdout) as { events: number }).events, 1200);
    assert.ok(!readFileSync(out, 'utf8').includes(TOKEN));
  });

  it('takes the token from --token-command', async () => {
    const saved = process.env['PROVLOG_TOKEN'];
    delete process.env['PROVLOG_TOKEN'];
    try {
      const out = join(temp.dir, 'cmd.jsonl');
      const r = await cli(['fetch', 'loganalytics', '--workspace', WS, '--arm-url', emulator.url, '--since', since(), '--until', new Date(data.timeOf(9)).toISOString(), '--token-command', `echo ${TOKEN}`, '-o', out]);
      assert.equal(r.code, 0, r.stderr);
      assert.equal(readFileSync(out, 'utf8').trimEnd().split('\n').length, 10);
    } finally {
      process.env['PROVLOG_TOKEN'] = saved;
    }
  });

  it('exit 3 with one sentence for a missing role or table; exit 2 for usage; never the token', async () => {
    const denied = await cli(['fetch', 'loganalytics', '--workspace', DENIED_WS, '--arm-url', emulator.url, '--since', '7d', '-o', join(temp.dir, 'd.jsonl')]);
    assert.equal(denied.code, 3);
    assert.match(denied.stderr, /Log Analytics Reader/);
    const empty = await cli(['fetch', 'loganalytics', '--workspace', EMPTY_WS, '--arm-url', emulator.url, '--since', '7d', '-o', join(temp.dir, 'e.jsonl')]);
    assert.equal(empty.code, 3);
    assert.match(empty.stderr, /diagnostic settings/);
    for (const r of [denied, empty]) assert.ok(!r.stderr.includes(TOKEN));
    const noWs = await cli(['fetch', 'loganalytics', '--since', '7d', '-o', 'x.jsonl']);
    assert.equal(noWs.code, 2);
    const plain = await cli(['fetch', 'loganalytics', '--workspace', WS, '--arm-url', 'http://example.com', '--since', '7d', '-o', 'x.jsonl']);
    assert.equal(plain.code, 2);
    assert.match(plain.stderr, /--arm-url/);
  });

  it('a pull stopped part-way says where the file stops and how to get the rest (exit 1); with no rows, exit 3', () => {
    const cause = new LogAnalyticsError('network', 'The connection to 127.0.0.1:1 failed 5 times (ECONNRESET).');
    const at = Date.UTC(2026, 1, 1, 6);
    const part = fetchStopped(new PullStopped(cause, { rows: 1234, queries: 3, splits: 0, doneUntil: at }), 'out.jsonl', Date.UTC(2026, 1, 2));
    assert.ok(part instanceof CliFailure);
    assert.equal(part.exitCode, EXIT.readErrors);
    assert.equal(
      part.message,
      'The connection to 127.0.0.1:1 failed 5 times (ECONNRESET). out.jsonl holds the 1,234 rows before 2026-02-01T06:00:00.000Z; ' +
        'run again with --since 2026-02-01T06:00:00.000Z --until 2026-02-01T23:59:59.999Z -o ANOTHER.jsonl for the rest.',
    );
    const none = fetchStopped(new PullStopped(new LogAnalyticsError('badQuery', 'Log Analytics rejected the query: x', 'Q | x'), { rows: 0, queries: 1, splits: 0, doneUntil: at }), 'o', at);
    assert.ok(none instanceof CliFailure);
    assert.equal(none.exitCode, EXIT.unreadable);
    assert.match(none.message, /rejected the query: x\nThe query was:\nQ \| x$/);
  });
});
