// The viewer (custom editor provlog.viewer) in the real VS Code: every example format opens and its page
// is told the right format and event count; default-editor associations; unreadable files; filter
// requests and selection from other views; reload on change; cancel; openInViewer / reopenAsText.
import * as assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { readLog } from '../../src/core/read/readLog';
import { FORMAT_LABELS } from '../../src/core/common/record';
import { generateRecords } from '../fixtures/generator/records';
import { portalJson } from '../fixtures/generator/writers';
import { activeTabInput, closeAll, isTextTab, isViewerTab, openFiltered, PAGE_MS, postedSince, probe, resultAfter, services, until, writeExamples } from './viewerHelpers';
import { VIEW_TYPE } from '../../src/vscode/viewer/viewType';

const TRIO = ['ProvisioningLogs.csv', 'ProvisioningLogs_ProvisioningSteps.csv', 'ProvisioningLogs_ModifiedProperties.csv'];

describe('viewer: custom editor', function () {
  this.timeout(120_000);
  const ex = writeExamples();
  after(async () => {
    await closeAll();
    ex.cleanup();
  });
  afterEach(closeAll);

  /** What the core reads from the file(s) on disk: the truth the page must be told. */
  function expected(name: string): ReturnType<typeof readLog> {
    const names = TRIO.includes(name) ? [name, ...TRIO.filter((n) => n !== name)] : [name];
    return readLog(names.map((n) => ({ name: n, bytes: readFileSync(join(ex.dir, n)) })));
  }

  const logs = ['ProvisioningLogs_2026-03-02.json', 'graph-page-v1.json', 'graph-page-beta.json', 'directoryProvisioning-2019.json', 'entraidprovisioninglogs.json', 'PT1H.json', 'eventhub-records.json', 'AADProvisioningLogs-query.json', 'AADProvisioningLogs-export.csv', 'ProvisioningLogs.csv', 'ProvisioningLogs_ProvisioningSteps.csv', 'provisioning-powershell-depth2.json', 'provisioning-powershell-full.json', 'provisioning-truncated.json', 'provisioning-hostile-names.json'];
  for (const name of logs) {
    it(`opens ${name}: the page is told its format and event count, and paints its rows`, async () => {
      const p = await probe();
      const uri = ex.uri(name);
      const since = Date.now();
      await vscode.commands.executeCommand('vscode.openWith', uri, VIEW_TYPE);
      const result = await resultAfter(p, uri, since);
      const init = postedSince(p, uri, 'init', since)!;
      const truth = expected(name);
      assert.ok(truth.store.size > 0, 'the example has events');
      assert.equal(init.header.events, truth.store.size);
      assert.equal(init.header.format, FORMAT_LABELS[truth.format]);
      assert.equal(init.header.formatDetail, truth.format === 'portalCsv' ? 'main file + steps + modified properties' : truth.formatDetail);
      assert.equal(init.header.unreadable, false);
      assert.equal(result.total, truth.store.size);
      assert.equal(result.all, truth.store.size);
      assert.ok(result.rows.length > 0 && result.rows.length <= 200, `${result.rows.length} rows in the first page`);
      const { registry } = await services();
      assert.equal(registry.getFrom(uri, 'viewer')?.model.store.size, truth.store.size);
      assert.ok(isViewerTab(activeTabInput(), uri));
    });
  }

  it('answers the query a fresh page sends with ready right after its init, without waiting to be asked', async () => {
    const p = await probe();
    const uri = ex.uri('ProvisioningLogs_2026-03-02.json');
    const since = Date.now();
    await vscode.commands.executeCommand('vscode.openWith', uri, VIEW_TYPE);
    const result = await resultAfter(p, uri, since);
    const entry = p.entry(uri.toString())!;
    const ready = entry.received.find((r) => r.at >= since && r.message.type === 'ready')?.message;
    assert.ok(ready?.type === 'ready' && ready.query, 'the page sent its first query with ready');
    const init = postedSince(p, uri, 'init', since)!;
    assert.equal(init.answered, ready.query.seq);
    assert.equal(result.seq, ready.query.seq);
    assert.equal(result.total, expected('ProvisioningLogs_2026-03-02.json').store.size);
    const resultAt = entry.posted.find((r) => r.message === result)!.at;
    assert.equal(entry.received.filter((r) => r.at >= since && r.at <= resultAt && r.message.type === 'query').length, 0, 'the page did not ask');
  });

  it('lists the reader\'s problems with their positions (truncated download)', async () => {
    const p = await probe();
    const uri = ex.uri('provisioning-truncated.json');
    const since = Date.now();
    await vscode.commands.executeCommand('vscode.openWith', uri, VIEW_TYPE);
    await resultAfter(p, uri, since);
    const problem = postedSince(p, uri, 'init', since)!.header.problems.find((x) => x.code === 'truncated');
    assert.ok(problem, 'the truncation is reported');
    assert.equal(problem.line, 1);
    assert.ok((problem.column ?? 0) > 1000);
    assert.equal(problem.canGoTo, true);
  });

  it('shows a file that is not a provisioning log as unreadable, with its problems and no table', async () => {
    const p = await probe();
    const uri = ex.uri('app-settings.json');
    const since = Date.now();
    await vscode.commands.executeCommand('vscode.openWith', uri, VIEW_TYPE);
    // The init follows the page's start-up, which a loaded machine can hold for long.
    const init = await until('init', () => postedSince(p, uri, 'init', since), PAGE_MS);
    assert.equal(init.header.unreadable, true);
    assert.equal(init.header.events, 0);
    assert.match(init.header.problems[0]!.message, /not a provisioning log/);
    await new Promise((r) => setTimeout(r, 500));
    assert.equal(postedSince(p, uri, 'result', since), undefined, 'no query is made for an unreadable file');
  });

  it('is the default editor for provisioning file names and PT1H.json, and never for other JSON', async () => {
    for (const [name, viewer] of [
      ['ProvisioningLogs_2026-03-02.json', true],
      ['PT1H.json', true],
      ['provisioning-truncated.json', true],
      ['ProvisioningLogs.csv', true],
      ['app-settings.json', false],
      ['AADProvisioningLogs-export.csv', true],
      ['graph-page-v1.json', false],
      ['eventhub-records.json', false],
    ] as const) {
      const uri = ex.uri(name);
      await vscode.commands.executeCommand('vscode.open', uri);
      const input = await until(`a tab for ${name}`, () => {
        const i = activeTabInput();
        return (isViewerTab(i, uri) || isTextTab(i, uri)) && i;
      });
      assert.equal(isViewerTab(input, uri), viewer, `${name} opens ${viewer ? 'in the viewer' : 'as text'}`);
      await closeAll();
    }
  });

  it('applies filters asked for from elsewhere, before and after the page is ready, and reports its filter', async () => {
    const p = await probe();
    const { registry } = await services();
    const uri = ex.uri('ProvisioningLogs_2026-03-02.json');
    const truth = expected('ProvisioningLogs_2026-03-02.json').store;
    const cycleId = truth.get('cycleId', 10);
    const inCycle = [...Array(truth.size).keys()].filter((i) => truth.get('cycleId', i) === cycleId).length;
    // Before the viewer is open: the command opens it and the page starts filtered.
    let since = Date.now();
    await vscode.commands.executeCommand('provlog.filterTo', { uri: uri.toString(), filter: { cycleId } });
    let result = await resultAfter(p, uri, since, 'the filtered result');
    assert.equal(result.total, inCycle);
    assert.deepEqual(registry.viewerFilter(uri), { cycleId });
    // While open: added to the current filter.
    since = Date.now();
    registry.requestFilter({ uri, filter: { status: ['failure'] }, replace: false });
    result = await resultAfter(p, uri, since, 'the refiltered result');
    const failedInCycle = [...Array(truth.size).keys()].filter((i) => truth.get('cycleId', i) === cycleId && truth.statusOf(i) === 'failure').length;
    assert.equal(result.total, failedInCycle);
    assert.deepEqual(registry.viewerFilter(uri), { cycleId, status: ['failure'] });
    // Replacing: only the new filter.
    since = Date.now();
    registry.requestFilter({ uri, filter: {}, replace: true });
    result = await resultAfter(p, uri, since, 'the cleared result');
    assert.equal(result.total, truth.size);
    assert.equal(registry.takePendingFilter(uri), undefined, 'nothing is left to apply on the next open');
  });

  it('applies a filter and a selection asked for while its tab was hidden, when it is shown again', async () => {
    const p = await probe();
    const { registry } = await services();
    const uri = ex.uri('ProvisioningLogs_2026-03-02.json');
    const truth = expected('ProvisioningLogs_2026-03-02.json').store;
    let since = Date.now();
    await vscode.commands.executeCommand('vscode.openWith', uri, VIEW_TYPE);
    await resultAfter(p, uri, since);
    await vscode.window.showTextDocument(ex.uri('app-settings.json'), { preview: false });
    await until('the viewer tab to be hidden', () => isTextTab(activeTabInput(), ex.uri('app-settings.json')));
    const failed = [...Array(truth.size).keys()].filter((i) => truth.statusOf(i) === 'failure');
    since = Date.now();
    registry.requestFilter({ uri, filter: { status: ['failure'] }, replace: true });
    registry.selectEvent({ uri, index: failed[3]!, origin: 'tree' });
    await vscode.commands.executeCommand('vscode.openWith', uri, VIEW_TYPE);
    const init = await until('the init on showing again', () => postedSince(p, uri, 'init', since));
    assert.deepEqual(init.pendingFilter, { filter: { status: ['failure'] }, replace: true });
    assert.equal(init.select, failed[3]);
    const result = await resultAfter(p, uri, since);
    assert.equal(result.total, failed.length);
    assert.equal(result.anchor?.index, failed[3]);
    assert.ok((result.anchor?.position ?? -1) >= 0);
  });

  it('reveals an event selected in another view, or says the filters hide it', async () => {
    const p = await probe();
    const { registry } = await services();
    const uri = ex.uri('ProvisioningLogs_2026-03-02.json');
    const truth = expected('ProvisioningLogs_2026-03-02.json').store;
    let since = Date.now();
    await vscode.commands.executeCommand('vscode.openWith', uri, VIEW_TYPE);
    await resultAfter(p, uri, since);
    since = Date.now();
    registry.selectEvent({ uri, index: 42, origin: 'tree' });
    const reveal = await until('reveal', () => postedSince(p, uri, 'reveal', since));
    assert.equal(reveal.index, 42);
    assert.ok(reveal.position >= 0);
    const failed = [...Array(truth.size).keys()].find((i) => truth.statusOf(i) === 'failure')!;
    const succeeded = [...Array(truth.size).keys()].find((i) => truth.statusOf(i) === 'success')!;
    since = Date.now();
    registry.requestFilter({ uri, filter: { status: ['failure'] }, replace: true });
    await resultAfter(p, uri, since);
    since = Date.now();
    registry.selectEvent({ uri, index: succeeded, origin: 'tree' });
    assert.equal((await until('reveal', () => postedSince(p, uri, 'reveal', since))).position, -1);
    since = Date.now();
    registry.selectEvent({ uri, index: failed, origin: 'detail' });
    assert.ok((await until('reveal', () => postedSince(p, uri, 'reveal', since))).position >= 0);
  });

  it('is the active log while its tab is active, and leaves the registry when closed', async () => {
    const p = await probe();
    const { registry } = await services();
    const uri = ex.uri('PT1H.json');
    const since = Date.now();
    await vscode.commands.executeCommand('vscode.openWith', uri, VIEW_TYPE);
    await resultAfter(p, uri, since);
    await until('the viewer to be the active log', () => registry.active?.uri.toString() === uri.toString() && registry.active.source === 'viewer');
    await closeAll();
    await until('the log to leave the registry', () => registry.getFrom(uri, 'viewer') === undefined);
  });

  it('reads the file again when it changes on disk, keeping the filters', async () => {
    const p = await probe();
    const { registry } = await services();
    const name = 'provisioning-reload.json';
    const file = join(ex.dir, name);
    const uri = vscode.Uri.file(file);
    writeFileSync(file, portalJson(generateRecords({ seed: 1, count: 80 })));
    await openFiltered(p, uri, { status: ['failure'] });
    const bigger = generateRecords({ seed: 2, count: 300 });
    const since = Date.now();
    writeFileSync(file, portalJson(bigger));
    // The watcher may report the write more than once (and a first time mid-write): what counts is the last.
    const init = await until('the reloaded init with every event', () => {
      const m = postedSince(p, uri, 'init', since);
      return m?.header.events === 300 && m;
    }, 30_000);
    assert.equal(init.reloaded, true);
    const initAt = p.entry(uri.toString())!.posted.find((r) => r.message === init)!.at;
    const result = await resultAfter(p, uri, initAt, 'the result after reload');
    const failures = bigger.filter((r) => (r['provisioningStatusInfo'] as { status: string }).status === 'failure').length;
    assert.equal(result.total, failures, 'the status filter still applies');
    assert.equal(registry.getFrom(uri, 'viewer')?.model.store.size, 300);
  });

  it('shows "not opened" when reading is cancelled, and leaves nothing in the registry', async () => {
    const p = await probe();
    const { registry } = await services();
    const name = 'provisioning-cancel.json';
    const file = join(ex.dir, name);
    const uri = vscode.Uri.file(file);
    // Big enough (about 40 MB) that reading takes a while on this machine.
    writeFileSync(file, portalJson(generateRecords({ seed: 3, count: 16_000 })));
    const since = Date.now();
    void vscode.commands.executeCommand('vscode.openWith', uri, VIEW_TYPE);
    await until('the file to be read', () => p.isLoading(uri.toString()));
    assert.equal(p.cancelLoad(uri.toString()), true);
    const notOpened = await until('notOpened', () => postedSince(p, uri, 'notOpened', since));
    assert.equal(notOpened.reason, 'cancelled');
    assert.match(notOpened.message, /cancelled/);
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(registry.getFrom(uri, 'viewer'), undefined);
    assert.equal(postedSince(p, uri, 'init', since), undefined);
  });

  it('"Open in Provisioning Log Viewer" replaces the text editor; "Reopen as Text" replaces the viewer', async () => {
    const uri = ex.uri('graph-page-v1.json');
    await vscode.window.showTextDocument(uri);
    await until('the text editor', () => isTextTab(activeTabInput(), uri));
    await vscode.commands.executeCommand('provlog.openInViewer');
    await until('the viewer tab', () => isViewerTab(activeTabInput(), uri));
    const tabs = (): unknown[] => vscode.window.tabGroups.all.flatMap((g) => g.tabs.map((t) => t.input));
    await until('the text tab to close', () => !tabs().some((i) => isTextTab(i, uri)));
    await vscode.commands.executeCommand('provlog.reopenAsText');
    await until('the text tab', () => isTextTab(activeTabInput(), uri));
    await until('the viewer tab to close', () => !tabs().some((i) => isViewerTab(i, uri)));
    // From the Explorer's context menu the command gets the file's URI.
    await vscode.commands.executeCommand('provlog.openInViewer', ex.uri('PT1H.json'));
    await until('the viewer tab of PT1H.json', () => isViewerTab(activeTabInput(), ex.uri('PT1H.json')));
  });
});
