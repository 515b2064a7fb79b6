// The Provisioning Logs tree in a real VS Code: a log opened in a text editor reaches the tree as
// file → job → cycle → change with the right counts and order; groupings switch from the title
// bar's commands and are remembered; big levels page; reveal finds any event in any grouping.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { groupEvents } from '../../src/core/index/grouping';
import { countsGlyphs } from '../../src/core/common/displayText';
import { ACTION_LABELS } from '../../src/core/common/record';
import { formatUtc } from '../../src/core/common/time';
import type { ChangeNode, CycleNode, GroupNode, JobNode, LogNode, MoreNode, ProblemNode, TreeNode } from '../../src/vscode/tree/treeNodes';
import { exampleBytes } from './examples';
import { closeTabs } from './extensionServices';
import { closeAllEditors, hooks, logNodeOf, openLogInEditor, scratchFolder, services, treeFixture, waitFor, type Hooks } from './treeSetup';

const children = async (h: Hooks, node?: TreeNode): Promise<TreeNode[]> => h.tree.provider.getChildren(node);

describe('tree: jobs, cycles and changes of open logs', function () {
  this.timeout(120_000);
  let h: Hooks;
  let uri: vscode.Uri;
  let logNode: LogNode;
  const folder = scratchFolder('tree');

  before(async () => {
    h = await hooks();
    await vscode.commands.executeCommand('provlog.tree.groupByCycle');
    ({ uri } = await openLogInEditor(folder, 'ProvisioningLogs_tree.json', treeFixture()));
    logNode = logNodeOf(h, uri)!;
    assert.ok(logNode, 'the log is a top-level item');
  });

  after(async () => {
    await vscode.commands.executeCommand('provlog.tree.groupByCycle');
    await closeAllEditors();
  });

  it('shows the active log expanded, with its counts', () => {
    const item = h.tree.provider.getTreeItem(logNode);
    assert.equal(item.label, 'ProvisioningLogs_tree.json');
    assert.equal(item.collapsibleState, vscode.TreeItemCollapsibleState.Expanded);
    const failed = logNode.log.model.index.jobs.reduce((n, j) => n + j.counts.failure, 0);
    assert.equal(item.description, `600 events · ${failed} failed`);
  });

  it('lists jobs (newest first) by application name with the job ID as description', async () => {
    const jobs = (await children(h, logNode)) as JobNode[];
    const index = logNode.log.model.index;
    assert.deepEqual(jobs.map((j) => j.job.jobId), index.jobs.map((j) => j.jobId));
    assert.equal(jobs.length, 5);
    const item = h.tree.provider.getTreeItem(jobs[0]!);
    assert.equal(item.label, index.jobs[0]!.name);
    assert.equal(item.description, index.jobs[0]!.jobId);
    assert.match(String(item.contextValue), /\bjob\b/);
  });

  it('lists cycles newest first: start time, duration and ✓ ✗ ⤼ ⚠ counts; the first is the latest', async () => {
    const job = ((await children(h, logNode)) as JobNode[])[0]!;
    const cycles = (await children(h, job)) as CycleNode[];
    assert.equal(cycles.length, job.job.cycles.length);
    for (let k = 1; k < cycles.length; k++) assert.ok(cycles[k - 1]!.cycle.first >= cycles[k]!.cycle.first, 'newest first');
    const item = h.tree.provider.getTreeItem(cycles[0]!);
    assert.equal(item.label, formatUtc(cycles[0]!.cycle.first));
    assert.match(String(item.description), /^latest · /);
    assert.ok(String(item.description).endsWith(countsGlyphs(cycles[0]!.cycle.counts)));
    assert.ok(!String(h.tree.provider.getTreeItem(cycles[1]!).description).startsWith('latest'));
    assert.equal(item.contextValue, 'cycle');
  });

  it('lists a cycle\'s changes failures first, each with identity, action, status icon and error code', async () => {
    const jobs = (await children(h, logNode)) as JobNode[];
    // The first cycle with a failure, wherever it is.
    let cycle: CycleNode | undefined;
    for (const job of jobs) {
      cycle = ((await children(h, job)) as CycleNode[]).find((c) => c.cycle.counts.failure > 0);
      if (cycle) break;
    }
    assert.ok(cycle, 'the fixture has a cycle with failures');
    const changes = (await children(h, cycle)) as ChangeNode[];
    assert.equal(changes.length, cycle.cycle.events.length);
    const store = logNode.log.model.store;
    const statuses = changes.map((c) => store.statusOf(c.index));
    const firstOther = statuses.findIndex((s) => s !== 'failure');
    assert.equal(firstOther, cycle.cycle.counts.failure, 'every failure comes before the rest');
    const failed = h.tree.provider.getTreeItem(changes[0]!);
    const i = changes[0]!.index;
    assert.equal(failed.label, store.get('sourceName', i));
    assert.equal(failed.description, `${ACTION_LABELS[store.actionOf(i)]} · ${store.get('errorCode', i)}`);
    const icon = failed.iconPath as vscode.ThemeIcon;
    assert.equal(icon.id, 'error');
    assert.equal((icon.color as unknown as { id: string } | undefined)?.id, 'testing.iconFailed');
    assert.equal(failed.contextValue, 'change failedChange hasRaw');
    assert.equal(failed.command?.command, 'provlog.tree.openChange');
    const ok = h.tree.provider.getTreeItem(changes[changes.length - 1]!);
    assert.ok(!String(ok.contextValue).includes('failedChange'));
  });

  it('builds tooltips on hover with full IDs and escaped text', async () => {
    const job = ((await children(h, logNode)) as JobNode[])[0]!;
    const cycle = ((await children(h, job)) as CycleNode[])[0]!;
    const change = ((await children(h, cycle)) as ChangeNode[])[0]!;
    const provider = h.tree.provider;
    const tip = provider.resolveTreeItem(provider.getTreeItem(change), change).tooltip as vscode.MarkdownString;
    const store = logNode.log.model.store;
    assert.ok(tip.value.includes(`Change ID: \`${store.get('changeId', change.index)}\``));
    assert.ok(tip.value.includes(`Cycle ID: \`${cycle.cycle.cycleId}\``));
    assert.equal(tip.isTrusted, false);
    const cycleTip = provider.resolveTreeItem(provider.getTreeItem(cycle), cycle).tooltip as vscode.MarkdownString;
    assert.match(cycleTip.value, /\| Action \| Success \| Failure \| Skipped \| Warning \| Total \|/);
  });

  it('switches groupings from the title bar and remembers the choice for the workspace', async () => {
    const deps = await services();
    const store = logNode.log.model.store;
    for (const [command, kind] of [
      ['provlog.tree.groupByIdentity', 'identity'],
      ['provlog.tree.groupByErrorCode', 'errorCode'],
      ['provlog.tree.groupByStatus', 'status'],
    ] as const) {
      await vscode.commands.executeCommand(command);
      assert.equal(h.tree.provider.grouping, kind);
      assert.equal(deps.context.workspaceState.get('provlog.tree.groupBy'), kind);
      const log = logNodeOf(h, uri)!;
      const groups = (await children(h, log)).filter((n): n is GroupNode => n.kind === 'group');
      const expected = groupEvents(logNode.log.model, kind, { failuresFirst: true }).allGroups();
      assert.deepEqual(groups.map((g) => g.group.key), expected.slice(0, groups.length).map((g) => g.key));
      const first = (await children(h, groups[0]!)) as ChangeNode[];
      assert.deepEqual(first.map((c) => c.index), [...expected[0]!.events].slice(0, first.length));
    }
    assert.equal(h.tree.view.title, 'By Status');
    await vscode.commands.executeCommand('provlog.tree.groupByIdentity');
    const log = logNodeOf(h, uri)!;
    const all = (await children(h, log)).filter((n): n is GroupNode => n.kind === 'group');
    const history = all.find((g) => g.group.events.length === 3);
    assert.ok(history, 'the person changed in three cycles is one identity with three events');
    const moments = (await children(h, history)) as ChangeNode[];
    for (let k = 1; k < moments.length; k++) assert.ok(store.time[moments[k - 1]!.index]! >= store.time[moments[k]!.index]!, 'history newest first');
    assert.equal(h.tree.provider.getTreeItem(moments[0]!).label, formatUtc(store.time[moments[0]!.index]!));
    assert.match(String(h.tree.provider.getTreeItem(history).contextValue), /\bidentity\b/);
    await vscode.commands.executeCommand('provlog.tree.groupByErrorCode');
    const codes = (await children(h, logNodeOf(h, uri)!)).filter((n): n is GroupNode => n.kind === 'group');
    const conflict = codes.find((g) => g.group.key === 'ServiceNowEntryConflict');
    assert.ok(conflict);
    assert.match(String(h.tree.provider.getTreeItem(conflict).description), /^\d+ · \S/, 'count and the catalog title');
    await vscode.commands.executeCommand('provlog.tree.groupByCycle');
    assert.equal(h.tree.view.title, 'Provisioning Logs');
  });

  it('pages big levels with "Show more" at tree.pageSize', async () => {
    const config = vscode.workspace.getConfiguration('provlog');
    await config.update('tree.pageSize', 20, vscode.ConfigurationTarget.Global);
    try {
      const log = logNodeOf(h, uri)!;
      const job = ((await children(h, log)) as JobNode[])[0]!;
      const cycle = ((await children(h, job)) as CycleNode[])[0]!;
      assert.equal(cycle.cycle.events.length, 24);
      const page = await children(h, cycle);
      assert.equal(page.length, 21);
      const more = page[20] as MoreNode;
      assert.equal(more.kind, 'more');
      assert.equal(h.tree.provider.getTreeItem(more).label, 'Show 4 more');
      await vscode.commands.executeCommand('provlog.tree.showMore', more);
      const all = await children(h, cycle);
      assert.equal(all.length, 24);
      assert.ok(all.every((n) => n.kind === 'change'));
    } finally {
      await config.update('tree.pageSize', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('lists a cycle newest first when tree.failuresFirst is off', async () => {
    const config = vscode.workspace.getConfiguration('provlog');
    await config.update('tree.failuresFirst', false, vscode.ConfigurationTarget.Global);
    try {
      const log = logNodeOf(h, uri)!;
      let cycle: CycleNode | undefined;
      for (const job of (await children(h, log)) as JobNode[]) {
        cycle = ((await children(h, job)) as CycleNode[]).find((c) => c.cycle.counts.failure > 0 && c.cycle.counts.success > 0);
        if (cycle) break;
      }
      assert.ok(cycle);
      const changes = (await children(h, cycle)) as ChangeNode[];
      assert.deepEqual(changes.map((c) => c.index), [...cycle.cycle.events], 'newest first, failures where they fall');
    } finally {
      await config.update('tree.failuresFirst', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('reveals any event in every grouping: getParent leads back to the log', async () => {
    const store = logNode.log.model.store;
    const event = store.size - 7;
    for (const command of ['provlog.tree.groupByCycle', 'provlog.tree.groupByIdentity', 'provlog.tree.groupByErrorCode', 'provlog.tree.groupByStatus']) {
      await vscode.commands.executeCommand(command);
      await children(h);
      const node = h.tree.provider.nodeOfEvent(uri, event);
      assert.ok(node, `${command}: the event has an element`);
      const chain: TreeNode[] = [];
      for (let n: TreeNode | undefined = node; n; n = h.tree.provider.getParent(n) as TreeNode | undefined) chain.unshift(n);
      assert.equal(chain[0]!.kind, 'log');
      assert.equal((chain[0] as LogNode).log.uri.toString(), uri.toString());
      // Each element is among its parent's children.
      for (let k = 1; k < chain.length; k++) {
        const listed = await children(h, chain[k - 1]);
        assert.ok(listed.some((c) => c.id === chain[k]!.id), `${command}: ${chain[k]!.id} is listed under its parent`);
      }
    }
    await vscode.commands.executeCommand('provlog.tree.groupByCycle');
  });

  it("reveals and selects the viewer's selection in the visible tree", async () => {
    const deps = await services();
    await vscode.commands.executeCommand('provlog.tree.focus');
    const store = logNode.log.model.store;
    for (const command of ['provlog.tree.groupByCycle', 'provlog.tree.groupByErrorCode']) {
      await vscode.commands.executeCommand(command);
      const event = Math.floor(store.size / 3);
      deps.registry.selectEvent({ uri, index: event, origin: 'viewer' });
      await h.tree.lastReveal();
      const deadline = Date.now() + 10_000;
      while ((h.tree.view.selection[0] as ChangeNode | undefined)?.index !== event && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      const selected = h.tree.view.selection[0] as ChangeNode | undefined;
      assert.equal(selected?.kind, 'change', `${command}: a change is selected`);
      assert.equal(selected.index, event);
    }
    // Regrouping keeps the selected event selected.
    const event = Math.floor(store.size / 3);
    await vscode.commands.executeCommand('provlog.tree.groupByStatus');
    await h.tree.lastReveal();
    const deadline = Date.now() + 10_000;
    while ((h.tree.view.selection[0] as ChangeNode | undefined)?.index !== event && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    const kept = h.tree.view.selection[0] as ChangeNode | undefined;
    assert.equal(kept?.index, event);
    assert.equal(kept.parent.kind, 'group');
    await vscode.commands.executeCommand('provlog.tree.groupByCycle');
  });

  it('shows hostile names as cut, plain text and escapes them in tooltips', async () => {
    const hostile = exampleBytes('provisioning-hostile-names.json');
    const { uri: hostileUri } = await openLogInEditor(folder, 'provisioning-hostile-names.json', new TextDecoder().decode(hostile));
    const log = logNodeOf(h, hostileUri)!;
    const job = ((await children(h, log)) as JobNode[])[0]!;
    const cycles = (await children(h, job)) as CycleNode[];
    const changes: ChangeNode[] = [];
    for (const c of cycles) changes.push(...((await children(h, c)) as ChangeNode[]));
    assert.equal(changes.length, 7);
    const labels = changes.map((c) => String(h.tree.provider.getTreeItem(c).label));
    assert.ok(labels.includes('<img src=x onerror=alert(1)>'), 'markup is shown as the text it is');
    assert.ok(labels.every((l) => l.length <= 201), 'the 100 KB name is cut');
    assert.ok(labels.some((l) => l.startsWith('Evil ⟨U+202E⟩gnp.exe⟨U+202C⟩')), 'the bidi override shows instead of reversing the name');
    for (const c of changes) {
      const tip = (h.tree.provider.resolveTreeItem(h.tree.provider.getTreeItem(c), c).tooltip as vscode.MarkdownString).value.replace(/`[^`\n]*`/g, '');
      assert.ok(!/<(img|script|svg|iframe|b)\b/i.test(tip), tip.slice(0, 200));
      assert.ok(!/\]\(command:/.test(tip));
    }
  });

  it("lists the reader's problems first; choosing one goes to its line in the text", async () => {
    const truncated = exampleBytes('provisioning-truncated.json');
    const { uri: cut } = await openLogInEditor(folder, 'provisioning-truncated.json', new TextDecoder().decode(truncated));
    const log = logNodeOf(h, cut)!;
    const first = (await children(h, log))[0]!;
    assert.equal(first.kind, 'problem');
    const problem = (first as ProblemNode).problem;
    assert.ok(problem.line !== undefined);
    const item = h.tree.provider.getTreeItem(first);
    assert.match(String(item.description), new RegExp(`^line ${problem.line}, column ${problem.column}`));
    assert.equal((item.iconPath as vscode.ThemeIcon).id, problem.severity === 'error' ? 'error' : problem.severity === 'warning' ? 'warning' : 'info');
    await vscode.commands.executeCommand('provlog.tree.openProblem', first);
    const editor = await waitFor(() => (vscode.window.activeTextEditor?.document.uri.toString() === cut.toString() ? vscode.window.activeTextEditor : undefined));
    assert.equal(editor.selection.active.line, problem.line! - 1);
    assert.equal(editor.selection.active.character, (problem.column ?? 1) - 1);
  });

  it('drops a log from the tree (and its problems) when its last editor closes: text editor, then viewer', async () => {
    const deps = await services();
    const isTab = (u: vscode.Uri) => (t: vscode.Tab): boolean => (t.input as { uri?: vscode.Uri } | undefined)?.uri?.toString() === u.toString();
    const { uri: other } = await openLogInEditor(folder, 'ProvisioningLogs_closing.json', treeFixture());
    assert.ok(logNodeOf(h, other), 'listed while open');
    await waitFor(() => vscode.languages.getDiagnostics(other).length > 0 || undefined);
    await closeTabs(isTab(other));
    await waitFor(() => logNodeOf(h, other) === undefined || undefined, deps.registry.onDidChangeLogs);
    await waitFor(() => vscode.languages.getDiagnostics(other).length === 0 || undefined);
    await vscode.commands.executeCommand('vscode.openWith', other, 'provlog.viewer');
    await waitFor(() => logNodeOf(h, other), deps.registry.onDidChangeLogs);
    await closeTabs(isTab(other));
    await waitFor(() => logNodeOf(h, other) === undefined || undefined, deps.registry.onDidChangeLogs);
    assert.ok(logNodeOf(h, uri), 'the other open log stays');
  });
});
