/**
 * The tree's own commands: its context menu (copy job / cycle / change IDs, filter the viewer to
 * this job / cycle / identity / code, export a cycle, open an event's raw JSON, compare two
 * cycles), "Show more", and opening a change. Elements are looked up by the provider: a command
 * acts only on elements this tree handed out. With several elements selected, copy acts on all.
 */
import * as vscode from 'vscode';
import { capitalize } from '../../core/views/detail/identityNames';
import { rawRecord } from '../../core/views/detail/rawRecord';
import { identityKeyOf } from '../../core/index/grouping';
import { formatUtc } from '../../core/common/time';
import { copyToClipboard } from '../commands/coreCommands';
import { pickAndCompareCycles, showCycleComparison } from '../commands/compareCyclesPick';
import type { Deps } from '../deps';
import { exportEvents } from '../exportFlow';
import { fileUriOf } from '../logRegistry';
import type { LogTreeProvider } from './treeProvider';
import { logOf, type CycleNode, type TreeNode } from './treeNodes';
import { OPEN_CHANGE_COMMAND, OPEN_PROBLEM_COMMAND } from './treeItems';
import { revealInTextEditor } from './revealInText';
import { notify } from '../uiText';
import { rawTitle, showRawJson } from '../rawJsonDocument';
import { exactFilter, type EventFilter } from '../../core/common/filter';

type IdKind = 'job' | 'cycle' | 'change';

export function registerTreeCommands(deps: Pick<Deps, 'registry' | 'detail'>, provider: LogTreeProvider, view: vscode.TreeView<TreeNode>): vscode.Disposable {
  const one = (arg: unknown): TreeNode | undefined => provider.find(arg);
  /** The clicked element, or every selected one when the click was on a multi-selection. */
  const many = (arg: unknown, all: unknown): TreeNode[] => {
    const clicked = one(arg);
    if (clicked === undefined) return [];
    if (!Array.isArray(all) || all.length < 2) return [clicked];
    const found = all.map(one).filter((n): n is TreeNode => n !== undefined);
    return found.some((n) => n.id === clicked.id) ? found : [clicked];
  };
  const register = (id: string, run: (arg: unknown, all: unknown) => unknown): vscode.Disposable =>
    vscode.commands.registerCommand(id, async (arg: unknown, all: unknown) => {
      await run(arg, all);
    });
  return vscode.Disposable.from(
    register(OPEN_CHANGE_COMMAND, (arg) => {
      const node = one(arg);
      if (node?.kind !== 'change') return;
      const { uri } = node.log;
      deps.registry.selectEvent({ uri, index: node.index, origin: 'tree' });
      deps.detail.show(uri, node.index);
      return revealInTextEditor(node.log, node.index);
    }),
    register(OPEN_PROBLEM_COMMAND, async (arg) => {
      const node = one(arg);
      if (node?.kind !== 'problem' || node.problem.line === undefined) return;
      const p = node.problem;
      const at = new vscode.Position(p.line! - 1, Math.max(0, (p.column ?? 1) - 1));
      const file = fileUriOf(node.parent.log, p.file);
      await vscode.commands.executeCommand('vscode.openWith', file, 'default', { selection: new vscode.Range(at, at) });
    }),
    register('provlog.tree.showMore', (arg) => {
      const node = one(arg);
      if (node?.kind === 'more') provider.showMore(node);
    }),
    register('provlog.tree.copyJobId', (arg, all) => copyIds(many(arg, all), 'job')),
    register('provlog.tree.copyCycleId', (arg, all) => copyIds(many(arg, all), 'cycle')),
    register('provlog.tree.copyChangeId', (arg, all) => copyIds(many(arg, all), 'change')),
    register('provlog.tree.filterToJob', (arg) => filterTo(one(arg), (n) => ({ jobId: idOf(n, 'job') }))),
    register('provlog.tree.filterToCycle', (arg) => filterTo(one(arg), (n) => ({ jobId: idOf(n, 'job'), cycleId: idOf(n, 'cycle') }))),
    register('provlog.tree.filterToIdentity', (arg) => filterTo(one(arg), identityFilter)),
    register('provlog.tree.filterToCode', (arg) => filterTo(one(arg), codeFilter)),
    register('provlog.tree.exportCycle', async (arg) => {
      const node = one(arg);
      if (node?.kind !== 'cycle') return;
      const log = logOf(node);
      const job = node.parent.job;
      await exportEvents({
        model: log.model,
        source: log.uri,
        indices: node.cycle.events,
        selection: `cycle ${node.cycle.cycleId} of ${job.name || 'the job'} (job ID ${job.jobId}), started ${formatUtc(node.cycle.first) || 'at an unknown time'}`,
      });
    }),
    register('provlog.tree.openRawJson', async (arg) => {
      const node = one(arg);
      if (node?.kind !== 'change') return;
      const raw = rawRecord(node.log.model, node.index);
      // The tree opens only the record's own text; the Graph-shape rebuild of a CSV row is the detail panel's.
      if (raw?.kind !== 'own') {
        void notify('info', 'This event comes from a CSV download, which has no JSON of its own. The detail panel shows all of its fields.');
        return;
      }
      await showRawJson(rawTitle(node.log.name, node.log.model.store.get('changeId', node.index)), raw.text, { preview: true, viewColumn: vscode.ViewColumn.Beside });
    }),
    register('provlog.tree.compareCycles', (arg, all) => {
      // From the context menu: the clicked cycle and the selection; from the title bar: the selection.
      let cycles = uniqueCycles((Array.isArray(all) ? all : [arg]).map(one));
      if (cycles.length !== 2) cycles = uniqueCycles(view.selection.map(one));
      // From the Command Palette (no element, no two cycles selected): pick them from the active log.
      if (cycles.length !== 2 && arg === undefined) return pickAndCompareCycles(deps.registry);
      return compare(cycles);
    }),
  );
}

function idOf(node: TreeNode, kind: IdKind): string | undefined {
  switch (node.kind) {
    case 'job':
      return kind === 'job' ? node.job.jobId : undefined;
    case 'cycle':
      return kind === 'job' ? node.cycle.jobId : kind === 'cycle' ? node.cycle.cycleId : undefined;
    case 'change':
      return node.log.model.store.get(kind === 'job' ? 'jobId' : kind === 'cycle' ? 'cycleId' : 'changeId', node.index);
    default:
      return undefined;
  }
}

async function copyIds(nodes: TreeNode[], kind: IdKind): Promise<void> {
  const ids = [...new Set(nodes.map((n) => idOf(n, kind)).filter((id): id is string => id !== undefined && id !== ''))];
  if (ids.length === 0) {
    void notify('info', `No ${kind} ID to copy: this item has none.`);
    return;
  }
  await copyToClipboard(ids.join('\n'), ids.length === 1 ? `${capitalize(kind)} ID` : `${ids.length} ${kind} IDs`);
}

function identityFilter(node: TreeNode): EventFilter | undefined {
  const at = node.kind === 'change' ? node.index : node.kind === 'group' && node.grouping === 'identity' ? node.group.events[0] : undefined;
  if (at === undefined) return undefined;
  const store = logOf(node).model.store;
  // The same identity the tree and the comparison match on: its source ID when it has one.
  const key = identityKeyOf(store, at);
  const value = key.slice(key.indexOf(':') + 1);
  return value === '' ? undefined : exactFilter('identity', value);
}

function codeFilter(node: TreeNode): EventFilter | undefined {
  if (node.kind === 'change') {
    const code = node.log.model.store.get('errorCode', node.index);
    return code === '' ? undefined : exactFilter('errorCode', code);
  }
  if (node.kind === 'group' && node.grouping === 'errorCode' && node.group.key !== '') return exactFilter('errorCode', node.group.key);
  return undefined;
}

async function filterTo(node: TreeNode | undefined, make: (n: TreeNode) => EventFilter | undefined): Promise<void> {
  if (node === undefined) return;
  const filter = make(node);
  if (filter === undefined || Object.values(filter).some((v) => v === undefined || v === '')) {
    void notify('info', 'This item has no value to filter by.');
    return;
  }
  const log = logOf(node);
  try {
    await vscode.commands.executeCommand('provlog.filterTo', { uri: log.uri.toString(), filter, replace: true });
  } catch (e) {
    void notify('error', `The Provisioning Log Viewer could not show ${log.name}: ${e instanceof Error ? e.message : String(e)}`);
  }
}

async function compare(cycles: CycleNode[]): Promise<void> {
  if (cycles.length !== 2) {
    void notify('info', 'Select two cycles (Ctrl+click or Cmd+click the second one), then choose Compare Cycles.');
    return;
  }
  const [a, b] = cycles as [CycleNode, CycleNode];
  const log = logOf(a);
  if (logOf(b).uri.toString() !== log.uri.toString()) {
    void notify('info', 'Compare Cycles compares two cycles of the same log file.');
    return;
  }
  await showCycleComparison(log, a.cycle, b.cycle);
}

function uniqueCycles(nodes: (TreeNode | undefined)[]): CycleNode[] {
  return [...new Map(nodes.filter((n): n is CycleNode => n?.kind === 'cycle').map((c) => [c.id, c])).values()];
}
