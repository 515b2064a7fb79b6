// Log Analytics from the real VS Code: "Query Log Analytics…" signs in through VS Code's authentication API (a test
// provider here; the built-in Microsoft one for users), queries the emulator with the viewer's filters as KQL,
// streams the rows into a file and opens it in the viewer; errors say what to do; "Query Newer Events" appends;
// "Copy Filters as KQL" copies a query the Kusto language service accepts; the viewer follows a growing file.
import * as assert from 'node:assert/strict';
import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import * as vscode from 'vscode';
import { portalQueryLink } from '../../src/core/sources/kql/portalLink';
import type { PullOutcome } from '../../src/vscode/connections/queryPull';
import { analyseKql } from '../emulators/kustoAnalyzer';
import { generateRecords } from '../fixtures/generator/records';
import { toLogAnalyticsRow } from '../fixtures/generator/writers';
import { DENIED_WS, EMPTY_WS, startLogAnalytics, TOKEN, WS, type LaFixture } from './logAnalyticsSupport';
import { closeAll, openFiltered, postedSince, probe, resultAfter, services, until } from './viewerHelpers';
import { VIEW_TYPE } from '../../src/vscode/viewer/viewType';

describe('Log Analytics: query a workspace from VS Code', function () {
  this.timeout(180_000);
  let la: LaFixture;
  let dir: string;
  before(async () => {
    la = await startLogAnalytics(2400, 500);
    dir = mkdtempSync(join(tmpdir(), 'provlog-la-it-'));
  });
  after(async () => {
    await closeAll();
    await la.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  const ids = (file: string): string[] => readFileSync(file, 'utf8').trimEnd().split('\n').map((l) => (JSON.parse(l) as { Id: string }).Id);

  it('runs the viewer filters in the workspace, halves windows the service cuts short, and opens every row once in the viewer', async () => {
    const p = await probe();
    const { registry } = await services();
    const output = join(dir, 'query.jsonl');
    const since = Date.now();
    const outcome = await vscode.commands.executeCommand<PullOutcome>('provlog.queryLogAnalytics', {
      workspace: WS,
      since: la.data.timeOf(0),
      until: la.data.timeOf(2000),
      output,
    });
    assert.equal(outcome.error, undefined, outcome.error);
    assert.equal(outcome.rows, 2000);
    const written = ids(output);
    assert.equal(written.length, 2000);
    assert.equal(new Set(written).size, 2000, 'every row once');
    assert.ok(la.emulator.stats.maxInFlight <= 5);
    // 2000 rows against the emulator's 500-row limit: results came back cut short, and were split until complete.
    assert.ok(la.emulator.stats.partials > 0);
    assert.ok(outcome.splits >= la.emulator.stats.partials, `${outcome.splits} splits`);
    assert.ok(la.accounts.requests > 0, 'signed in through the VS Code authentication API');
    assert.ok(la.accounts.scopesAsked.some((s) => s.includes(`${la.emulator.url}/.default`)), JSON.stringify(la.accounts.scopesAsked));
    const uri = vscode.Uri.file(output);
    // The viewer follows the file as it grows: its last init has every row.
    const init = await until('the viewer to show all 2000 rows', () => {
      const m = postedSince(p, uri, 'init', since);
      return m?.header.events === 2000 && m;
    }, 60_000);
    assert.equal(init.header.format, 'Log Analytics AADProvisioningLogs export (JSON)');
    assert.equal(registry.getFrom(uri, 'viewer')?.model.store.size, 2000);
    assert.ok(!readFileSync(output, 'utf8').includes(TOKEN), 'the token never reaches the file');
  });

  it('"Query Newer Events" runs the same query from the newest event on and appends only new rows', async () => {
    const output = join(dir, 'query.jsonl');
    const uri = vscode.Uri.file(output);
    const { registry } = await services();
    await until('the query file to be open', () => registry.getFrom(uri, 'viewer')?.model.store.size === 2000);
    const outcome = await vscode.commands.executeCommand<PullOutcome>('provlog.queryNewer', uri);
    assert.equal(outcome.error, undefined, outcome.error);
    assert.equal(outcome.rows, 400);
    const written = ids(output);
    assert.equal(written.length, 2400);
    assert.equal(new Set(written).size, 2400);
    await until('the viewer to show the new rows', () => registry.getFrom(uri, 'viewer')?.model.store.size === 2400, 60_000);
  });

  it('says which role is missing (403) and that diagnostic settings do not send the logs (no table)', async () => {
    const denied = await vscode.commands.executeCommand<PullOutcome>('provlog.queryLogAnalytics', { workspace: DENIED_WS, since: la.data.timeOf(0), until: la.data.timeOf(10), output: join(dir, 'denied.jsonl') });
    assert.equal(denied.errorKind, 'forbidden');
    assert.match(denied.error ?? '', /Log Analytics Reader.*locked|locked.*Log Analytics Reader/);
    const empty = await vscode.commands.executeCommand<PullOutcome>('provlog.queryLogAnalytics', { workspace: EMPTY_WS, since: la.data.timeOf(0), until: la.data.timeOf(10), output: join(dir, 'empty.jsonl') });
    assert.equal(empty.errorKind, 'noTable');
    assert.match(empty.error ?? '', /diagnostic settings/);
    for (const o of [denied, empty]) assert.ok(!(o.error ?? '').includes(TOKEN));
    await vscode.commands.executeCommand('notifications.clearAll');
  });

  it('"Copy Filters as KQL" copies the viewer filters as a query the Kusto language service accepts', async () => {
    const { registry } = await services();
    const p = await probe();
    const output = join(dir, 'query.jsonl');
    const uri = vscode.Uri.file(output);
    await vscode.commands.executeCommand('vscode.openWith', uri, VIEW_TYPE);
    const since = Date.now();
    registry.requestFilter({ uri, filter: { status: ['failure'], identity: 'a"|b\n//', window: '7d' }, replace: true });
    await resultAfter(p, uri, since);
    const kql = await vscode.commands.executeCommand<string>('provlog.copyAsKql', uri);
    assert.equal(await vscode.env.clipboard.readText(), kql);
    assert.deepEqual(analyseKql(kql), []);
    assert.match(kql, /in \("failure"\)/);
    assert.match(kql, /contains "a\\"\|b\\n\/\/"/);
    // The 7-day window counts back from the file's newest event, as the viewer does.
    const newest = registry.getFrom(uri, 'viewer')!.model.query.newestTime;
    assert.ok(kql.includes(`TimeGenerated >= datetime(${new Date(newest - 7 * 86_400_000).toISOString()})`), kql);
  });

  it('the portal link reaches the browser unchanged through openExternal, with the query intact', async () => {
    const query = 'AADProvisioningLogs\n| where JobId contains "+/="';
    const link = await portalQueryLink({ portal: 'https://portal.azure.com', workspaceResourceId: WS, query, duration: 'P1D', doubleEncode: true });
    // What VS Code's opener hands the browser for a Uri: encodeURI of its unencoded form.
    const sent = encodeURI(vscode.Uri.parse(link).toString(true));
    assert.equal(sent, link);
    const q = /\/q\/([^/]+)\//.exec(sent)?.[1];
    assert.ok(q, sent);
    const b64 = decodeURIComponent(decodeURIComponent(q));
    assert.equal(gunzipSync(Buffer.from(b64, 'base64')).toString('utf8'), query);
    assert.ok(sent.includes(`/resourceId/${encodeURIComponent(encodeURIComponent(WS))}/`), sent);
  });
});

describe('viewer: follows a growing file', function () {
  this.timeout(120_000);
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'provlog-grow-it-'));
  });
  after(async () => {
    await closeAll();
    rmSync(dir, { recursive: true, force: true });
  });

  it('reads again what was appended while the file was first being read (the output of a query opens after its first rows)', async () => {
    const p = await probe();
    const file = join(dir, 'growing-at-open.jsonl');
    const uri = vscode.Uri.file(file);
    const rows = generateRecords({ seed: 6, count: 2000 }).map((r) => JSON.stringify(toLogAnalyticsRow(r)));
    writeFileSync(file, `${rows.slice(0, 500).join('\n')}\n`);
    // The rest arrives once the first read has its bytes and before it is done: never again after that.
    const { loader } = await services();
    const load = loader.load.bind(loader);
    let appended = false;
    loader.load = (files, options) => {
      if (!appended) {
        appended = true;
        appendFileSync(file, `${rows.slice(500).join('\n')}\n`);
      }
      return load(files, options);
    };
    try {
      const since = Date.now();
      await vscode.commands.executeCommand('vscode.openWith', uri, VIEW_TYPE);
      const last = await until('the viewer to show all 2000 rows', () => {
        const m = postedSince(p, uri, 'init', since);
        return m?.header.events === 2000 && m;
      }, 60_000);
      assert.equal(last.reloaded, true, 'read a second time');
    } finally {
      loader.load = load;
    }
  });

  it('shows rows while the file grows, keeping the filter', async () => {
    const p = await probe();
    const file = join(dir, 'growing.jsonl');
    const uri = vscode.Uri.file(file);
    const rows = generateRecords({ seed: 5, count: 3000 }).map((r) => JSON.stringify(toLogAnalyticsRow(r)));
    writeFileSync(file, `${rows.slice(0, 100).join('\n')}\n`);
    await openFiltered(p, uri, { status: ['failure'] });
    const counts = new Set<number>();
    const since = Date.now();
    // Appends in 29 steps; the viewer must show some of the intermediate sizes, not only the last.
    for (let k = 100; k < 3000; k += 100) {
      appendFileSync(file, `${rows.slice(k, k + 100).join('\n')}\n`);
      await new Promise((r) => setTimeout(r, 150));
      const m = postedSince(p, uri, 'init', since);
      if (m) counts.add(m.header.events);
    }
    const last = await until('the viewer to show all 3000 rows', () => {
      const m = postedSince(p, uri, 'init', since);
      if (m) counts.add(m.header.events);
      return m?.header.events === 3000 && m;
    }, 60_000);
    assert.equal(last.reloaded, true);
    assert.ok([...counts].some((n) => n > 100 && n < 3000), `intermediate sizes shown: ${[...counts].join(', ')}`);
    const initAt = p.entry(uri.toString())!.posted.find((r) => r.message === last)!.at;
    const result = await resultAfter(p, uri, initAt, 'the result after the last read');
    const failures = rows.filter((l) => (JSON.parse(l) as { ResultType: string }).ResultType === 'Failure').length;
    assert.equal(result.total, failures, 'the status filter still applies');
  });
});
