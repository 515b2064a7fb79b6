/**
 * The Provisioning Logs tree view: registers the provider and its commands, and keeps the tree in
 * step with the rest of the extension. The active log is expanded; an event selected elsewhere
 * (viewer, detail panel, Go to Change) is revealed, in whatever grouping, whenever the view is
 * visible (and on becoming visible), but never opens the view by itself. The grouping chosen from
 * the title bar is remembered per workspace; the setting is the default.
 */
import * as vscode from 'vscode';
import { affects, config, type TreeGrouping } from '../config';
import type { Deps } from '../deps';
import type { EventSelection, OpenLog } from '../logRegistry';
import { provideTestHook } from '../testSeams';
import { registerTreeCommands } from './treeCommands';
import { LogTreeProvider, type TreeSettings } from './treeProvider';
import type { TreeNode } from './treeNodes';

const GROUPING_KEY = 'provlog.tree.groupBy';
/**
 * The view's title says the grouping: a view alone in its container shows "container: view" in the
 * side bar's header (not its description), and only the container's title when both are the same.
 * So the default grouping reads "Provisioning Logs" and the others "Provisioning Logs: By Status".
 */
const GROUPING_TITLES: Readonly<Record<TreeGrouping, string>> = {
  cycle: 'Provisioning Logs',
  identity: 'By Identity',
  errorCode: 'By Error Code',
  status: 'By Status',
};

export interface TreeTestHook {
  provider: LogTreeProvider;
  view: vscode.TreeView<TreeNode>;
  /** Resolves when a reveal asked for by a selection has finished. */
  lastReveal: () => Promise<void>;
}

export function registerTree(deps: Pick<Deps, 'context' | 'registry' | 'detail'>): vscode.Disposable {
  const { context, registry } = deps;
  const settings = (): TreeSettings => ({
    grouping: rememberedGrouping(context.workspaceState.get<unknown>(GROUPING_KEY)) ?? config.treeGroupBy(),
    failuresFirst: config.failuresFirst(),
    pageSize: config.treePageSize(),
  });
  const provider = new LogTreeProvider(registry, settings());
  const view = vscode.window.createTreeView('provlog.tree', { treeDataProvider: provider, canSelectMany: true, showCollapseAll: true });
  view.title = GROUPING_TITLES[provider.grouping];
  let pending: EventSelection | undefined;
  /** The event selected last (anywhere), with the reading of the log it belongs to. */
  let last: { selection: EventSelection; log: OpenLog | undefined } | undefined;
  let reveal: Promise<void> = Promise.resolve();

  const revealSelection = (sel: EventSelection): void => {
    if (!view.visible) {
      pending = sel;
      return;
    }
    pending = undefined;
    const node = provider.nodeOfEvent(sel.uri, sel.index);
    if (node !== undefined) reveal = Promise.resolve(view.reveal(node, { select: true, focus: false, expand: false })).catch(() => undefined);
  };
  const expandActive = (): void => {
    const active = registry.active;
    const node = active && view.visible ? provider.logNode(active.uri) : undefined;
    if (node !== undefined) reveal = Promise.resolve(view.reveal(node, { select: false, focus: false, expand: true })).catch(() => undefined);
  };
  const reconfigure = (next: TreeSettings): void => {
    provider.configure(next);
    view.title = GROUPING_TITLES[next.grouping];
    // The selected event stays selected in the new grouping (while its log is the same reading).
    if (last !== undefined && last.log !== undefined && registry.get(last.selection.uri) === last.log) revealSelection(last.selection);
  };
  const setGrouping = async (grouping: TreeGrouping): Promise<void> => {
    await context.workspaceState.update(GROUPING_KEY, grouping);
    reconfigure({ ...settings(), grouping });
  };

  return vscode.Disposable.from(
    provider,
    view,
    registry.onDidChangeLogs(() => provider.refresh()),
    registry.onDidChangeActive(() => {
      // The log items' expansion follows the active log.
      provider.refresh();
      expandActive();
    }),
    registry.onDidSelectEvent((sel) => {
      last = { selection: sel, log: registry.get(sel.uri) };
      if (sel.origin !== 'tree') revealSelection(sel);
    }),
    view.onDidChangeVisibility((e) => {
      if (!e.visible) return;
      if (pending !== undefined) revealSelection(pending);
      else expandActive();
    }),
    view.onDidChangeSelection((e) => {
      const twoCycles = e.selection.length === 2 && e.selection.every((n) => n.kind === 'cycle');
      void vscode.commands.executeCommand('setContext', 'provlog.treeTwoCyclesSelected', twoCycles);
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (!affects(e, 'tree.failuresFirst', 'tree.pageSize', 'tree.groupBy')) return;
      const next = settings();
      if (affects(e, 'tree.groupBy')) {
        // A setting changed on purpose wins over the grouping remembered from the title bar.
        void context.workspaceState.update(GROUPING_KEY, undefined);
        next.grouping = config.treeGroupBy();
      }
      reconfigure(next);
    }),
    vscode.commands.registerCommand('provlog.tree.groupByCycle', () => setGrouping('cycle')),
    vscode.commands.registerCommand('provlog.tree.groupByIdentity', () => setGrouping('identity')),
    vscode.commands.registerCommand('provlog.tree.groupByErrorCode', () => setGrouping('errorCode')),
    vscode.commands.registerCommand('provlog.tree.groupByStatus', () => setGrouping('status')),
    registerTreeCommands(deps, provider, view),
    provideTestHook('tree', { provider, view, lastReveal: () => reveal } satisfies TreeTestHook),
  );
}

function rememberedGrouping(v: unknown): TreeGrouping | undefined {
  return typeof v === 'string' && Object.prototype.hasOwnProperty.call(GROUPING_TITLES, v) ? (v as TreeGrouping) : undefined;
}
