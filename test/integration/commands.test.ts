// The palette commands and the status bar in a real VS Code, answered as a person would (Quick Picks
// accepted with Enter, save dialogs confirmed): Go to Change ID, Filter, Clear Filters, Copy IDs,
// Export Filtered Events, Explain Error Code, Show Summary, and the status bar's text.
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { explainMarkdown } from '../../src/core/output/explainMarkdown';
import { collectIds } from '../../src/core/index/idLists';
import { summaryMarkdown } from '../../src/core/output/summaryMarkdown';
import { changeItems } from '../../src/vscode/commands/goToChange';
import { choiceItems, menuItems, valueItems } from '../../src/vscode/commands/filterItems';
import { withText } from '../../src/core/common/filter';
import { codeItems, contextOf } from '../../src/vscode/commands/explainCode';
import type { EventSelection, FilterRequest, OpenLog } from '../../src/vscode/logRegistry';
import { closeTabs, isViewerTab } from './extensionServices';
import { acceptUntil, closeAllEditors, hooks, openLogInEditor, scratchFolder, services, sleep, treeFixture, waitFor, type Hooks } from './treeSetup';

describe('commands: palette and status bar', function () {
  this.timeout(120_000);
  let h: Hooks;
  let log: OpenLog;
  let uri: vscode.Uri;
  const folder = scratchFolder('commands');
  const selections: EventSelection[] = [];
  const filters: FilterRequest[] = [];
  const subs: vscode.Disposable[] = [];

  before(async () => {
    h = await hooks();
    const deps = await services();
    ({ uri, log } = await openLogInEditor(folder, 'ProvisioningLogs_commands.json', treeFixture()));
    subs.push(
      deps.registry.onDidSelectEvent((s) => selections.push(s)),
      deps.registry.onDidRequestFilter((f) => filters.push(f)),
    );
  });

  after(async () => {
    for (const s of subs) s.dispose();
    (await services()).registry.setViewerFilter(uri, undefined);
    await closeAllEditors();
  });

  it('shows the active log in the status bar; a click runs the summary', async () => {
    const failed = log.model.query.run({ status: ['failure'] }).length;
    // Counted after the change that brought the log (a task later), so that a viewer's rows come first.
    await waitFor(() => (h.statusBar.visible ? true : undefined));
    assert.equal(h.statusBar.text, `$(list-tree) 600 events · $(error) ${failed} failed`);
    assert.equal(h.statusBar.command, 'provlog.showSummary');
    assert.match(h.statusBar.tooltip, /^\*\*ProvisioningLogs\\_commands\.json\*\*/, 'the name, escaped');
    assert.match(h.statusBar.tooltip, new RegExp(`600 events: \\d+ succeeded, ${failed} failed`));
  });

  it('Go to Change ID: a real pick selects the change everywhere (first item, then the second)', async () => {
    const expected = changeItems(log.model, '').items;
    assert.equal(expected.length, 600, 'a small log gives VS Code every change to filter');
    assert.match(expected[0]!.label, /^\$\((pass|error|debug-step-over|warning)\) /);
    assert.ok(expected[0]!.detail!.includes(log.model.store.get('changeId', expected[0]!.index)), 'the change ID is searchable');
    for (const [steps, want] of [[0, expected[0]!.index], [1, expected[1]!.index]] as const) {
      selections.length = 0;
      void vscode.commands.executeCommand('provlog.goToChange');
      await sleep(800);
      for (let k = 0; k < steps; k++) await vscode.commands.executeCommand('workbench.action.quickOpenSelectNext');
      const chosen = await acceptUntil(() => selections.find((s) => s.origin === 'command'));
      assert.equal(chosen.index, want);
      assert.equal(chosen.uri.toString(), uri.toString());
    }
  });

  it('Go to Change ID with a change ID goes straight there', async () => {
    selections.length = 0;
    const changeId = log.model.store.get('changeId', 123);
    await vscode.commands.executeCommand('provlog.goToChange', { changeId });
    assert.equal(selections.at(-1)?.index, 123);
  });

  it("Filter… starts from the viewer's filter and applies it through the registry", async () => {
    const deps = await services();
    deps.registry.setViewerFilter(uri, { status: ['failure'], jobId: 'ServiceNow' });
    const menu = menuItems(log.model, { status: ['failure'], jobId: 'ServiceNow' });
    const matching = log.model.query.run({ status: ['failure'], jobId: 'ServiceNow' }).length;
    assert.equal(menu[0]!.description, `${matching} of 600 events match`);
    assert.equal(menu.find((m) => m.label.endsWith('Status'))?.description, 'Failure');
    assert.equal(menu.find((m) => m.label.endsWith('Job ID'))?.description, 'contains "ServiceNow"');
    // A code picked from the log's list is that code, not every code containing it.
    const picked = menuItems(log.model, withText({}, 'errorCode', 'Timeout', true));
    assert.equal(picked.find((m) => m.label.endsWith('Error code'))?.description, 'is "Timeout"');
    const statuses = choiceItems(log.model, 'status', { status: ['failure'] });
    assert.deepEqual(statuses.filter((s) => s.picked).map((s) => s.value), ['failure']);
    const jobs = valueItems(log.model, 'jobId', {});
    assert.equal(jobs.length, 6, '"Any" and the five jobs');
    filters.length = 0;
    void vscode.commands.executeCommand('provlog.filter');
    const applied = await acceptUntil(() => filters[0]);
    assert.deepEqual(applied.filter, { status: ['failure'], jobId: 'ServiceNow' });
    assert.equal(applied.replace, true);
    assert.equal(applied.uri.toString(), uri.toString());
    await closeTabs(isViewerTab);
  });

  it('Clear Filters asks the viewer for no filter', async () => {
    filters.length = 0;
    await vscode.commands.executeCommand('provlog.clearFilters');
    const last = filters.at(-1)!;
    assert.equal(last.uri.toString(), uri.toString());
    assert.deepEqual(last.filter, {});
    assert.equal(last.replace, true);
  });

  const newestFirst = (indices: Uint32Array): Uint32Array => log.model.sorter.sort(indices, 'time', 'desc');

  it('Copy IDs copies unique IDs of the filtered events, one a line (change IDs of the create events)', async () => {
    const deps = await services();
    deps.registry.setViewerFilter(uri, { action: ['create'] });
    await vscode.commands.executeCommand('provlog.copyIds', { kind: 'change' });
    // In the viewer's order: newest first when no viewer has said otherwise.
    const creates = newestFirst(log.model.query.run({ action: ['create'] }));
    const expected = collectIds(log.model.store, creates, 'change');
    assert.ok(expected.length > 10);
    assert.equal(await vscode.env.clipboard.readText(), expected.join('\n'));
    // Picking the kind in the Quick Pick: the first offered is change IDs; then job IDs with no filter.
    deps.registry.setViewerFilter(uri, undefined);
    await vscode.env.clipboard.writeText('');
    void vscode.commands.executeCommand('provlog.copyIds');
    const copied = await acceptUntil(async () => (await vscode.env.clipboard.readText()) || undefined);
    assert.equal(copied, collectIds(log.model.store, newestFirst(log.model.query.run({})), 'change').join('\n'));
  });

  it('Export Filtered Events writes the filtered events where the save dialog says', async () => {
    const deps = await services();
    deps.registry.setViewerFilter(uri, { status: ['failure'] });
    void vscode.commands.executeCommand('provlog.exportFiltered', { uri: uri.toString(), format: 'json' });
    const target = join(folder, 'ProvisioningLogs_commands-export.json');
    await acceptUntil(() => (existsSync(target) && readFileSync(target, 'utf8').endsWith(']') ? true : undefined));
    const exported = JSON.parse(readFileSync(target, 'utf8')) as { id: string; provisioningStatusInfo: { status: string } }[];
    const failures = newestFirst(log.model.query.run({ status: ['failure'] }));
    assert.equal(exported.length, failures.length);
    assert.deepEqual(exported.map((r) => r.id), [...failures].map((i) => log.model.store.get('id', i)));
    deps.registry.setViewerFilter(uri, undefined);
  });

  it('Explain Error Code: the log’s codes first, then the catalog; the explanation opens as a preview', async () => {
    const items = codeItems(log);
    assert.equal(items[0]!.label, 'In ProvisioningLogs_commands.json');
    const firstCode = items[1]!.code!;
    assert.ok(items.some((i) => i.label === 'Catalog'));
    void vscode.commands.executeCommand('provlog.explainCode');
    const report = await acceptUntil(() => lastReportText(h, `Error code ${firstCode}`));
    assert.equal(report, explainMarkdown(firstCode, contextOf(log, firstCode)));
    assert.match(report, /## This event/);
    await vscode.commands.executeCommand('provlog.explainCode', 'ContosoTooManyRequests');
    assert.equal(lastReportText(h, 'Error code ContosoTooManyRequests'), explainMarkdown('ContosoTooManyRequests', {}));
    // Skip reasons are offered too, and explained as skips, not as unknown errors.
    assert.ok(items.some((i) => i.code === 'NotEffectivelyEntitled'));
    await vscode.commands.executeCommand('provlog.explainCode', 'NotEffectivelyEntitled');
    assert.match(lastReportText(h, 'Skip reason NotEffectivelyEntitled') ?? '', /A skip reason: the value of a step's `SkipReason` detail/);
  });

  it('Show Summary opens the summary of the active log in the Markdown preview', async () => {
    await vscode.commands.executeCommand('provlog.showSummary');
    const text = lastReportText(h, `Summary of ${log.name}`);
    assert.equal(text, summaryMarkdown(log.model.data, log.model.index, log.name));
    const tab = await waitFor(() => vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.label.includes('Summary of ProvisioningLogs_commands')));
    assert.ok(tab.label.startsWith('Preview'), `a preview tab: ${tab.label}`);
  });

  it('hides the status bar item when no log is active, and shows it again', async () => {
    const deps = await services();
    deps.registry.setActive(undefined);
    assert.equal(h.statusBar.visible, false);
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    await waitFor(() => (h.statusBar.visible ? true : undefined), deps.registry.onDidChangeActive);
    assert.match(h.statusBar.text, /^\$\(list-tree\) 600 events/);
  });
});

function lastReportText(h: Hooks, title: string): string | undefined {
  const uri = h.reports.last();
  if (uri === undefined || !decodeURIComponent(uri.path).includes(title)) return undefined;
  return vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString())?.getText();
}
