// The tree on a full 100,000-event download in the real extension host: every level answers with at
// most a page of elements, regrouping stays within its budget, "Show more" slides instead of growing
// past ~500 elements, and revealing an event deep in a 100,000-event cycle pages to it.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { LoadedLog } from '../../src/core/log/loadedLog';
import { newestFirstOrder } from '../../src/core/index/grouping';
import { RENDER_LIMIT } from '../../src/core/views/tree/paging';
import type { ContainerNode, CycleNode, JobNode, LogNode, MoreNode, TreeNode } from '../../src/vscode/tree/treeNodes';
import { changeItems, SEARCH_LIMIT } from '../../src/vscode/commands/goToChange';
import { bigStore, logDataOf } from '../unit/treeFixtures';
import { hooks, logNodeOf, scratchFolder, services, type Hooks } from './treeSetup';

function timed<T>(run: () => T): [T, number] {
  const t = performance.now();
  const v = run();
  return [v, performance.now() - t];
}

describe('tree: a 100,000-event log', function () {
  this.timeout(180_000);
  let h: Hooks;
  const folder = vscode.Uri.file(scratchFolder('tree-large'));
  const many = vscode.Uri.joinPath(folder, 'ProvisioningLogs_100k.json');
  const oneCycle = vscode.Uri.joinPath(folder, 'ProvisioningLogs_initial_cycle.json');
  const times: string[] = [];

  before(async () => {
    h = await hooks();
    const deps = await services();
    await vscode.commands.executeCommand('provlog.tree.groupByCycle');
    // As the viewer registers a log it has read (building the store directly spares writing 250 MB).
    deps.registry.set(many, 'viewer', new LoadedLog(logDataOf(bigStore(100_000), 'ProvisioningLogs_100k.json')));
    deps.registry.set(oneCycle, 'viewer', new LoadedLog(logDataOf(bigStore(100_000, 100_000), 'ProvisioningLogs_initial_cycle.json')));
  });

  after(async () => {
    const deps = await services();
    deps.registry.remove(many, 'viewer');
    deps.registry.remove(oneCycle, 'viewer');
    await vscode.commands.executeCommand('provlog.tree.groupByCycle');
    console.log(`      measured: ${times.join('; ')}`);
  });

  it('answers each level with a page: jobs, 500 cycles of a job, a cycle', async () => {
    const log = logNodeOf(h, many)!;
    const [jobs, first] = timed(() => h.tree.provider.getChildren(log));
    times.push(`jobs (index built) ${first.toFixed(0)} ms`);
    assert.equal(jobs.length, 5);
    const job = jobs[0] as JobNode;
    assert.equal(job.job.cycles.length, 500);
    const [cycles, t] = timed(() => h.tree.provider.getChildren(job));
    times.push(`500 cycles → first page ${t.toFixed(1)} ms`);
    assert.equal(cycles.length, 201, '200 cycles and "Show more"');
    const more = cycles[200] as MoreNode;
    assert.equal(more.kind, 'more');
    assert.equal(more.hidden, 300);
    const [, tm] = timed(() => h.tree.provider.showMore(more));
    const after = h.tree.provider.getChildren(job);
    times.push(`show more ${tm.toFixed(1)} ms`);
    assert.equal(after.length, 401);
  });

  it('regroups 100,000 events by identity, error code and status within the budget', async () => {
    const shown = logNodeOf(h, many)!.log;
    for (const [command, kind] of [
      ['provlog.tree.groupByIdentity', 'identity'],
      ['provlog.tree.groupByErrorCode', 'errorCode'],
      ['provlog.tree.groupByStatus', 'status'],
    ] as const) {
      // The command as a person runs it, wall clock (includes saving the choice and VS Code's round trips).
      const t = performance.now();
      await vscode.commands.executeCommand(command);
      const groups = h.tree.provider.getChildren(logNodeOf(h, many)!);
      const wall = performance.now() - t;
      assert.ok(groups.length > 0 && groups.length <= 201);
      assert.equal(h.tree.provider.grouping, kind);
      // The regrouping itself: the first page of a log nobody grouped yet (a fresh model of the same
      // events; VS Code may already have asked for the shown log's children while the command ran).
      const fresh: LogNode = { kind: 'log', id: `log:measure-${kind}`, log: { ...shown, model: new LoadedLog(shown.model.data) } };
      // The newest-first order is sorted once per log, on its first grouping or cycle list (the
      // shown log has it): the budget is for regrouping, so the fresh log gets it before timing.
      newestFirstOrder(fresh.log.model);
      const [page, ms] = timed(() => h.tree.provider.getChildren(fresh));
      assert.ok(page.length > 0 && page.length <= 201);
      times.push(`${kind}: regroup + first page ${ms.toFixed(0)} ms (command end to end ${wall.toFixed(0)} ms)`);
      // The time is reported above; its target (100 ms) is held by `npm run bench`, not by a timed test.
    }
    await vscode.commands.executeCommand('provlog.tree.groupByIdentity');
    assert.equal(h.tree.provider.getChildren(logNodeOf(h, many)!).length, 201, 'tens of thousands of identities: a page and "Show more"');
    await vscode.commands.executeCommand('provlog.tree.groupByCycle');
  });

  it('never renders more than ~500 elements of a 100,000-event cycle, however far one pages', async () => {
    const log = logNodeOf(h, oneCycle)!;
    const job = (h.tree.provider.getChildren(log) as JobNode[])[0]!;
    const cycle = (h.tree.provider.getChildren(job) as CycleNode[])[0]!;
    assert.equal(cycle.cycle.events.length, 100_000);
    let page: TreeNode[] = h.tree.provider.getChildren(cycle);
    const [, t] = timed(() => h.tree.provider.getChildren(cycle));
    times.push(`100k-event cycle page ${t.toFixed(1)} ms`);
    for (let k = 0; k < 5; k++) {
      const more = page.find((n): n is MoreNode => n.kind === 'more' && n.direction === 'next')!;
      h.tree.provider.showMore(more);
      page = h.tree.provider.getChildren(cycle);
      assert.ok(page.length <= RENDER_LIMIT + 2, `${page.length} elements`);
    }
    const previous = page[0] as MoreNode;
    assert.equal(previous.kind, 'more');
    assert.equal(previous.direction, 'previous');
    assert.equal(h.tree.provider.getTreeItem(previous).label, 'Show 200 previous');
  });

  it('pages to an event deep in the cycle when it is revealed', async () => {
    const log = logNodeOf(h, oneCycle)!;
    const job = (h.tree.provider.getChildren(log) as JobNode[])[0]!;
    const cycle = (h.tree.provider.getChildren(job) as CycleNode[])[0]!;
    const target = cycle.cycle.events[77_777]!;
    const [node, t] = timed(() => h.tree.provider.nodeOfEvent(oneCycle, target));
    times.push(`reveal at position 77,777: ${t.toFixed(1)} ms`);
    assert.ok(node);
    const parent = h.tree.provider.getParent(node) as ContainerNode;
    assert.equal(parent.id, cycle.id);
    const listed = h.tree.provider.getChildren(parent);
    assert.ok(listed.some((n) => n.id === node.id), 'the page holding it is shown');
    assert.ok(listed.length <= RENDER_LIMIT + 2);
  });

  it('Go to Change ID searches all 100,000 changes on each keystroke and hands VS Code the newest matches', async () => {
    const model = logNodeOf(h, many)!.log.model;
    const [all, t0] = timed(() => changeItems(model, ''));
    assert.equal(all.items.length, SEARCH_LIMIT);
    assert.equal(all.total, 100_000);
    const name = model.store.get('sourceName', 4242);
    const [found, t1] = timed(() => changeItems(model, name.toLowerCase()));
    times.push(`go to change: first list ${t0.toFixed(0)} ms, a keystroke ${t1.toFixed(0)} ms`);
    assert.ok(found.total > 0 && found.items.length === Math.min(found.total, SEARCH_LIMIT));
    assert.ok(found.items.every((i) => i.label.toLowerCase().includes(name.toLowerCase())), 'every item shows what matched');
    assert.ok(found.items.some((i) => i.index === 4242));
    // Its target (250 ms a keystroke) is a row of `npm run bench`; a timed assertion would fail on a busy machine.
  });
});

