// "Fetch from Microsoft Graph…" in a real VS Code, the endpoint setting pointed at the local Graph emulator; the
// file, its state and the viewer are checked after the pull. Sign-in goes to a test account provider through the
// real setting up to VS Code's consent dialog, which VS Code refuses under test; the pulls then take their tokens
// from the extension's test-mode command instead.
import * as assert from 'node:assert/strict';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { FetchOutcome } from '../../src/vscode/connections/graphFetchCommand';
import { GraphEmulator } from '../emulators/graph';
import { generateRecords } from '../fixtures/generator/records';
import { closeTabs, isViewerTab, testApi } from './extensionServices';
import { TestAuthProvider, useTestAuth } from './graphTestAuth';
import { scratchFolder, services, waitFor } from './treeSetup';
import { VIEW_TYPE } from '../../src/vscode/viewer/viewType';

const TOKEN = 'integration-graph-token-5e4d3c2b1a';
const records = generateRecords({ count: 1500, seed: 21 });
const since = '2026-02-20T00:00:00Z';
const until = '2026-03-03T00:00:00Z';

describe('Graph fetch command', function () {
  this.timeout(120_000);
  const folder = scratchFolder('graph');
  const provider = new TestAuthProvider();
  let emu: GraphEmulator;
  let auth: vscode.Disposable;
  const settings = vscode.workspace.getConfiguration('provlog');

  before(async () => {
    emu = await GraphEmulator.start({ records, tokens: { [TOKEN]: 'reader', 'expired-token-0f1e2d3c': 'expired', 'consentless-token-7a6b5c': 'noConsent' }, budget: { requests: 100, windowMs: 10_000 }, faults: { unavailable: [2], drop: [3] } });
    auth = await useTestAuth(provider);
    await settings.update('connections.graphUrl', emu.url, vscode.ConfigurationTarget.Global);
    await settings.update('connections.graph.requestsPer10Seconds', 100, vscode.ConfigurationTarget.Global);
    await settings.update('connections.graph.clientId', '11111111-2222-4333-8444-555555555555', vscode.ConfigurationTarget.Global);
    await settings.update('connections.graph.tenant', 'contoso.onmicrosoft.com', vscode.ConfigurationTarget.Global);
  });

  after(async () => {
    for (const k of ['connections.graphUrl', 'connections.graph.requestsPer10Seconds', 'connections.graph.clientId', 'connections.graph.tenant']) await settings.update(k, undefined, vscode.ConfigurationTarget.Global);
    (await testApi()).graphTokens(undefined);
    auth.dispose();
    await emu.close();
    await closeTabs(isViewerTab);
  });

  it("asks the configured account provider for the app registration's scopes, and sends nothing without a token", async () => {
    provider.reset([TOKEN]);
    const before = emu.stats.requests;
    const output = join(folder, 'provisioning-unsigned.jsonl');
    const outcome = await vscode.commands.executeCommand<FetchOutcome>('provlog.fetchFromGraph', { app: '', since, until, filter: {}, output });
    // VS Code asks the person before an extension may use an account; under test it refuses every dialog.
    assert.equal(outcome.ok, false);
    assert.match(outcome.message, /Sign-in to read provisioning logs from Microsoft Graph failed/);
    const scopes = provider.requests.at(-1)!.scopes;
    for (const s of ['VSCODE_CLIENT_ID:11111111-2222-4333-8444-555555555555', 'VSCODE_TENANT:contoso.onmicrosoft.com', `${emu.url}/AuditLog.Read.All`, `${emu.url}/Directory.Read.All`]) assert.ok(scopes.includes(s), `${s} in ${scopes.join(' ')}`);
    assert.equal(emu.stats.requests, before);
  });

  it('pulls every record into a user-only file (a 401 renews the token once) and shows it in the viewer', async () => {
    (await testApi()).graphTokens(['expired-token-0f1e2d3c', TOKEN]);
    const output = join(folder, 'provisioning-fetched.jsonl');
    const outcome = await vscode.commands.executeCommand<FetchOutcome>('provlog.fetchFromGraph', { app: '', since, until, filter: {}, output });
    assert.equal(outcome.ok, true, outcome.message);
    assert.match(outcome.message, /^1,500 records in /);
    const lines = readFileSync(output, 'utf8').trimEnd().split('\n');
    assert.deepEqual(lines.map((l) => (JSON.parse(l) as { id: string }).id).sort(), records.map((r) => String(r['id'])).sort());
    assert.equal(statSync(output).mode & 0o777, 0o600);
    assert.deepEqual([...new Set(emu.stats.authorizations)], ['Bearer expired-token-0f1e2d3c', `Bearer ${TOKEN}`]);
    for (const text of [readFileSync(output, 'utf8'), readFileSync(`${output}.fetch-state`, 'utf8'), outcome.message]) assert.ok(!text.includes(TOKEN));
    // The viewer was opened after the first page; re-opened now, it holds the whole file.
    const deps = await services();
    const uri = vscode.Uri.file(output);
    await closeTabs(isViewerTab);
    await vscode.commands.executeCommand('vscode.openWith', uri, VIEW_TYPE);
    const log = await waitFor(() => {
      const l = deps.registry.get(uri);
      return l && l.model.store.size === records.length ? l : undefined;
    });
    assert.equal(log.model.store.size, 1500);
  });

  it('resumes an interrupted fetch into the same file, without duplicates', async () => {
    (await testApi()).graphTokens([TOKEN]);
    const output = join(folder, 'provisioning-resumed.jsonl');
    const first = await vscode.commands.executeCommand<FetchOutcome>('provlog.fetchFromGraph', { app: '', since, until, filter: { status: ['failure', 'warning'] }, output });
    assert.equal(first.ok, true, first.message);
    const full = readFileSync(output, 'utf8');
    const state = JSON.parse(readFileSync(`${output}.fetch-state`, 'utf8')) as Record<string, unknown>;
    writeFileSync(`${output}.fetch-state`, JSON.stringify({ ...state, done: state['since'], bytes: 0, records: 0 }));
    writeFileSync(output, full.slice(0, full.indexOf('\n', full.length / 2) + 1));
    const resumed = await vscode.commands.executeCommand<FetchOutcome>('provlog.fetchGraphResume', { output });
    assert.equal(resumed.ok, true, resumed.message);
    assert.equal(readFileSync(output, 'utf8'), full);
    assert.ok(full.split('\n').filter((l) => l !== '').every((l) => /"status":"(failure|warning)"/.test(l)));
  });

  it('fetches newer records into a fetched file: from its newest record to now, nothing twice', async () => {
    (await testApi()).graphTokens([TOKEN]);
    const output = join(folder, 'provisioning-newer.jsonl');
    // The first fetch ends before the newest records; Fetch Newer brings the rest up to now.
    const cut = records.map((r) => Date.parse(String(r['activityDateTime']))).sort((a, b) => a - b)[1000]!;
    const first = await vscode.commands.executeCommand<FetchOutcome>('provlog.fetchFromGraph', { app: '', since, until: cut, filter: {}, output });
    assert.equal(first.ok, true, first.message);
    assert.equal(first.progress?.written, 1000);
    const newer = await vscode.commands.executeCommand<FetchOutcome>('provlog.fetchGraphNewer', { output });
    assert.equal(newer.ok, true, newer.message);
    const ids = readFileSync(output, 'utf8').trimEnd().split('\n').map((l) => (JSON.parse(l) as { id: string }).id);
    assert.equal(new Set(ids).size, ids.length);
    assert.deepEqual(ids.sort(), records.map((r) => String(r['id'])).sort());
  });

  it('says what to do when consent is missing, with the admin-consent link', async () => {
    (await testApi()).graphTokens(['consentless-token-7a6b5c']);
    const output = join(folder, 'provisioning-refused.jsonl');
    const outcome = await vscode.commands.executeCommand<FetchOutcome>('provlog.fetchFromGraph', { app: '', since, until, filter: {}, output });
    assert.equal(outcome.ok, false);
    assert.match(outcome.message, /lacks the AuditLog\.Read\.All permission/);
    assert.ok(outcome.message.includes('/contoso.onmicrosoft.com/adminconsent?client_id=11111111-2222-4333-8444-555555555555'));
    assert.ok(!outcome.message.includes('consentless-token-7a6b5c'), 'the token is not in the message');
  });
});
