// The tree's context menu and clicks in a real VS Code: what lands on the clipboard, which filter
// the viewer is asked for, what an exported cycle's files hold, the raw JSON of a change, the cycle
// comparison report, and what choosing a change does (details, viewer selection, the text editor).
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { compareCycles } from '../../src/core/index/compareCycles';
import { compareCyclesMarkdown } from '../../src/core/output/compareCyclesMarkdown';
import { PositionMapper } from '../../src/core/read/positions';
import { prettifyText } from '../../src/core/prettify/prettify';
import { cycleItems } from '../../src/vscode/commands/compareCyclesPick';
import { EXTENSION_ID } from '../harness/repoPaths';
import type { EventSelection, FilterRequest } from '../../src/vscode/logRegistry';
import type { ChangeNode, CycleNode, GroupNode, JobNode, LogNode, TreeNode } from '../../src/vscode/tree/treeNodes';
import { closeTabs, isViewerTab } from './extensionServices';
import { acceptUntil, closeAllEditors, hooks, logNodeOf, openLogInEditor, scratchFolder, services, treeFixture, waitFor, type Hooks } from './treeSetup';

describe('tree: context menu and clicks', function () {
  this.timeout(120_000);
  let h: Hooks;
  let uri: vscode.Uri;
  let log: LogNode;
  let job: JobNode;
  let cycles: CycleNode[];
  let failed: ChangeNode;
  const folder = scratchFolder('tree-commands');
  const filters: FilterRequest[] = [];
  const selections: EventSelection[] = [];
  const subs: vscode.Disposable[] = [];
  const children = (n?: TreeNode): TreeNode[] => h.tree.provider.getChildren(n);

  before(async () => {
    h = await hooks();
    const deps = await services();
    await vscode.commands.executeCommand('provlog.tree.groupByCycle');
    ({ uri } = await openLogInEditor(folder, 'ProvisioningLogs_menu.json', treeFixture()));
    log = logNodeOf(h, uri)!;
    job = (children(log) as JobNode[]).find((j) => j.job.counts.failure > 0)!;
    cycles = children(job) as CycleNode[];
    const withFailure = cycles.find((c) => c.cycle.counts.failure > 0)!;
    failed = (children(withFailure) as ChangeNode[])[0]!;
    subs.push(deps.registry.onDidRequestFilter((f) => filters.push(f)), deps.registry.onDidSelectEvent((s) => selections.push(s)));
  });

  after(async () => {
    for (const s of subs) s.dispose();
    await closeAllEditors();
  });

  const store = (): typeof log.log.model.store => log.log.model.store;

  it('copies the job, cycle and change ID of an item, and of every selected item', async () => {
    await vscode.commands.executeCommand('provlog.tree.copyJobId', cycles[0]);
    assert.equal(await vscode.env.clipboard.readText(), job.job.jobId);
    await vscode.commands.executeCommand('provlog.tree.copyCycleId', failed);
    assert.equal(await vscode.env.clipboard.readText(), store().get('cycleId', failed.index));
    await vscode.commands.executeCommand('provlog.tree.copyChangeId', failed);
    assert.equal(await vscode.env.clipboard.readText(), store().get('changeId', failed.index));
    // Right-click on one of several selected items: the menu acts on all of them.
    await vscode.commands.executeCommand('provlog.tree.copyCycleId', cycles[0], [cycles[0], cycles[1]]);
    assert.equal(await vscode.env.clipboard.readText(), `${cycles[0]!.cycle.cycleId}\n${cycles[1]!.cycle.cycleId}`);
  });

  it('ignores arguments that are not its own items (command links, other extensions)', async () => {
    await vscode.env.clipboard.writeText('unchanged');
    await vscode.commands.executeCommand('provlog.tree.copyJobId', { id: 'made-up', kind: 'job', job: { jobId: 'x' } });
    assert.equal(await vscode.env.clipboard.readText(), 'unchanged');
  });

  it('asks the viewer to filter to the job, the cycle, the identity and the error code', async () => {
    filters.length = 0;
    const i = failed.index;
    await vscode.commands.executeCommand('provlog.tree.filterToJob', job);
    await vscode.commands.executeCommand('provlog.tree.filterToCycle', cycles[0]);
    await vscode.commands.executeCommand('provlog.tree.filterToIdentity', failed);
    await vscode.commands.executeCommand('provlog.tree.filterToCode', failed);
    assert.deepEqual(
      filters.map((f) => f.filter),
      [
        { jobId: job.job.jobId },
        { jobId: job.job.jobId, cycleId: cycles[0]!.cycle.cycleId },
        { identity: store().get('sourceId', i), exact: ['identity'] },
        { errorCode: store().get('errorCode', i), exact: ['errorCode'] },
      ],
    );
    assert.ok(filters.every((f) => f.uri.toString() === uri.toString() && f.replace));
    await closeTabs(isViewerTab);
  });

  it('filters to an error code from its group in the by-error-code grouping', async () => {
    filters.length = 0;
    await vscode.commands.executeCommand('provlog.tree.groupByErrorCode');
    const logNode = logNodeOf(h, uri)!;
    const code = children(logNode).find((n): n is GroupNode => n.kind === 'group' && n.group.key !== '')!;
    assert.match(String(h.tree.provider.getTreeItem(code).contextValue), /\berrorCode\b/);
    await vscode.commands.executeCommand('provlog.tree.filterToCode', code);
    assert.deepEqual(filters.at(-1)?.filter, { errorCode: code.group.key, exact: ['errorCode'] });
    await vscode.commands.executeCommand('provlog.tree.groupByCycle');
    await closeTabs(isViewerTab);
  });

  it('exports a cycle as the portal CSV trio beside the log', async () => {
    const cycle = cycles[0]!;
    void vscode.commands.executeCommand('provlog.tree.exportCycle', cycle);
    // Enter on the format (CSV is first), Enter on the save dialog's suggested name.
    const main = join(folder, 'ProvisioningLogs.csv');
    const modified = join(folder, 'ProvisioningLogs_ModifiedProperties.csv');
    await acceptUntil(() => (existsSync(main) && existsSync(modified) ? true : undefined));
    await waitFor(() => (readFileSync(modified, 'utf8').length > 0 ? true : undefined));
    const rows = readFileSync(main, 'utf8').trim().split(/\r?\n/);
    assert.equal(rows.length, cycle.cycle.events.length + 1, 'a header and one row per event of the cycle');
    for (const i of cycle.cycle.events) assert.ok(rows.some((r) => r.includes(store().get('changeId', i))));
    assert.ok(existsSync(join(folder, 'ProvisioningLogs_ProvisioningSteps.csv')));
  });

  it('opens the raw JSON of a change, prettified, in a read-only JSON editor that is never dirty', async () => {
    await vscode.commands.executeCommand('provlog.tree.openRawJson', failed);
    const editor = await waitFor(() => (vscode.window.activeTextEditor?.document.uri.scheme === 'provlog-raw' ? vscode.window.activeTextEditor : undefined));
    assert.equal(editor.document.isUntitled, false);
    assert.equal(editor.document.isDirty, false);
    assert.equal(editor.document.languageId, 'json');
    await new Promise((r) => setTimeout(r, 1000));
    assert.deepEqual(vscode.languages.getDiagnostics(editor.document.uri).map((d) => d.message), [], 'the record adds nothing to Problems');
    assert.equal(editor.document.getText(), prettifyText(log.log.model.rawText(failed.index)!).text);
    assert.match(editor.document.getText(), /\n {2}"id": /);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  it('compares two cycles of a job in a Markdown report', async () => {
    await vscode.commands.executeCommand('provlog.tree.compareCycles', cycles[0], [cycles[0], cycles[2]]);
    const report = await waitFor(() => {
      const last = h.reports.last();
      return last && decodeURIComponent(last.path).startsWith('/Cycles ') ? vscode.workspace.textDocuments.find((d) => d.uri.toString() === last.toString()) : undefined;
    });
    const model = log.log.model;
    const expected = compareCyclesMarkdown(compareCycles(model.store, cycles[0]!.cycle, cycles[2]!.cycle), { jobName: (id) => model.index.job(id)?.name || id, fileName: 'ProvisioningLogs_menu.json' });
    assert.equal(report.getText(), expected);
    assert.match(report.getText(), /^# Cycle comparison/);
  });

  it('compares two cycles picked from the Command Palette (newest, then the next), with the same report', async () => {
    const model = log.log.model;
    const items = cycleItems(model);
    assert.equal(items.length, model.index.jobs.reduce((n, j) => n + j.cycles.length, 0), 'every cycle of the log is offered');
    assert.match(items[0]!.label, / · /, 'the label says when and which job');
    const manifest = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON as { contributes: { menus: { commandPalette: { command: string; when: string }[] } } };
    assert.equal(manifest.contributes.menus.commandPalette.find((m) => m.command === 'provlog.tree.compareCycles')?.when, 'provlog.activeLog');
    // The palette acts on the active log: bring this one's editor to the front.
    const deps = await services();
    await vscode.window.showTextDocument(uri, { preview: false });
    await waitFor(() => deps.registry.active?.uri.toString() === uri.toString() || undefined, deps.registry.onDidChangeActive);
    const before = h.reports.last()?.toString();
    void vscode.commands.executeCommand('provlog.tree.compareCycles');
    const report = await acceptUntil(() => {
      const last = h.reports.last();
      return last && last.toString() !== before ? vscode.workspace.textDocuments.find((d) => d.uri.toString() === last.toString()) : undefined;
    });
    const expected = compareCyclesMarkdown(compareCycles(model.store, items[0]!.cycle, items[1]!.cycle), { jobName: (id) => model.index.job(id)?.name || id, fileName: 'ProvisioningLogs_menu.json' });
    assert.equal(report.getText(), expected);
  });

  it('choosing a change selects it in the viewer, shows its details and its record in the text editor', async () => {
    const deps = await services();
    const shown: [string, number][] = [];
    const detail = deps.detail as unknown as { show: (u: vscode.Uri, i: number, o?: unknown) => void };
    const original = detail.show;
    detail.show = (u, i, o) => {
      shown.push([u.toString(), i]);
      original.call(deps.detail, u, i, o);
    };
    try {
      const doc = await vscode.workspace.openTextDocument(uri);
      const editor = await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.One });
      selections.length = 0;
      await vscode.commands.executeCommand('provlog.tree.openChange', failed);
      assert.deepEqual(selections.map((s) => [s.origin, s.index]), [['tree', failed.index]]);
      assert.deepEqual(shown, [[uri.toString(), failed.index]]);
      const start = new PositionMapper(log.log.model.data.files[0]!.bytes).positionAt(store().start[failed.index]!);
      assert.equal(editor.selection.active.line, start.line - 1);
      assert.equal(editor.selection.active.character, start.column - 1);
      assert.ok(doc.getText().startsWith('{', doc.offsetAt(editor.selection.active)), 'the cursor is on the record');
    } finally {
      detail.show = original;
    }
  });
});
