/**
 * The data behind the Provisioning Logs tree: every open log (registry.all()), then job → cycle →
 * change, or the log's events grouped by identity, error code or status. Big levels are paged
 * (paging.ts); elements are kept by id so that refreshing one level, and reveal, find the very
 * objects VS Code already holds.
 */
import * as vscode from 'vscode';
import { firstPage, nextPage, previousPage, windowHolding, clamp, type PageWindow } from '../../core/views/tree/paging';
import type { TreeGrouping } from '../config';
import type { LogRegistry } from '../logRegistry';
import { renderItem } from './treeItems';
import { levelOf, pathOfEvent, MAX_PROBLEM_NODES, type LevelOptions } from './treeLevels';
import { isContainer, logOf, nodeIds, type ChangeNode, type ContainerNode, type LogNode, type MoreNode, type TreeNode } from './treeNodes';
import { tooltipOf } from './treeTooltips';

const KINDS = new Set<string>(['log', 'problem', 'job', 'cycle', 'group', 'change', 'more', 'message']);

export interface TreeSettings {
  grouping: TreeGrouping;
  failuresFirst: boolean;
  pageSize: number;
}

export class LogTreeProvider implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<TreeNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly windows = new Map<string, PageWindow>();
  /** The element objects handed out, by id: VS Code refreshes and reveals by object identity. */
  private readonly nodes = new Map<string, TreeNode>();

  constructor(
    private readonly registry: Pick<LogRegistry, 'all' | 'active' | 'getFrom'>,
    private settings: TreeSettings,
  ) {}

  get grouping(): TreeGrouping {
    return this.settings.grouping;
  }

  /** New settings (grouping, order, page size): every level is built again from its first page. */
  configure(settings: TreeSettings): void {
    this.settings = settings;
    this.windows.clear();
    this.refresh();
  }

  /** The logs changed (opened, read again, closed): rebuild, keeping each level's page. */
  refresh(): void {
    this.nodes.clear();
    this.changed.fire(undefined);
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    return renderItem(node, { activeUri: this.registry.active?.uri.toString(), pageSize: this.settings.pageSize });
  }

  resolveTreeItem(item: vscode.TreeItem, node: TreeNode): vscode.TreeItem {
    item.tooltip = tooltipOf(node);
    return item;
  }

  getParent(node: TreeNode): TreeNode | undefined {
    return node.kind === 'log' ? undefined : node.parent;
  }

  getChildren(node?: TreeNode): TreeNode[] {
    if (node === undefined) return this.registry.all().map((log) => this.keep<LogNode>({ kind: 'log', id: nodeIds.log(log.uri.toString()), log }));
    if (!isContainer(node)) return [];
    const out: TreeNode[] = [];
    if (node.kind === 'log') out.push(...this.leadingChildren(node));
    const level = levelOf(node, this.levelOptions());
    const w = this.windowOf(node, level.total);
    if (w.start > 0) out.push(this.keep<MoreNode>({ kind: 'more', id: nodeIds.more(node, 'previous'), parent: node, direction: 'previous', hidden: w.start, total: level.total }));
    for (let k = w.start; k < w.end; k++) out.push(this.keep(level.nodeAt(k)));
    if (w.end < level.total) out.push(this.keep<MoreNode>({ kind: 'more', id: nodeIds.more(node, 'next'), parent: node, direction: 'next', hidden: level.total - w.end, total: level.total }));
    return out;
  }

  /** "Show more" / "Show previous": one more page in that direction; refreshes that level only. */
  showMore(more: MoreNode): void {
    const container = this.current(more.parent);
    const total = levelOf(container, this.levelOptions()).total;
    const w = this.windowOf(container, total);
    const moved = more.direction === 'next' ? nextPage(w, total, this.settings.pageSize) : previousPage(w, total, this.settings.pageSize);
    this.windows.set(container.id, moved);
    this.changed.fire(container);
  }

  /** The page window of a level, for tests and the status of "Show more". */
  windowOf(container: ContainerNode, total: number): PageWindow {
    const w = this.windows.get(container.id);
    return w === undefined ? firstPage(total, this.settings.pageSize) : clamp(w, total);
  }

  /** The log's element, when the log is open. */
  logNode(uri: vscode.Uri): LogNode | undefined {
    const log = this.registry.all().find((l) => l.uri.toString() === uri.toString());
    return log === undefined ? undefined : this.keep<LogNode>({ kind: 'log', id: nodeIds.log(log.uri.toString()), log });
  }

  /**
   * The element of event `index` in the current grouping, with every level on its way paged so that
   * it is listed; levels whose page moved are refreshed (reveal waits for those refreshes).
   */
  nodeOfEvent(uri: vscode.Uri, index: number): ChangeNode | undefined {
    const logNode = this.logNode(uri);
    if (logNode === undefined) return undefined;
    const path = pathOfEvent(logNode, index, this.levelOptions());
    if (path === undefined) return undefined;
    for (const { container, position } of path.steps) {
      if (position < 0) return undefined;
      const kept = this.keep(container);
      const total = levelOf(kept, this.levelOptions()).total;
      const w = this.windowOf(kept, total);
      const holding = windowHolding(w, position, total, this.settings.pageSize);
      if (holding.start !== w.start || holding.end !== w.end) {
        this.windows.set(kept.id, holding);
        this.changed.fire(kept);
      }
    }
    const leaf = this.keep(path.leafParent);
    return this.keep<ChangeNode>({ kind: 'change', id: nodeIds.change(leaf, index), parent: leaf, log: logNode.log, index });
  }

  /**
   * The element a command was given: only elements this tree handed out (a command URI or another
   * extension could pass anything).
   */
  find(arg: unknown): TreeNode | undefined {
    if (typeof arg !== 'object' || arg === null || typeof (arg as { id?: unknown }).id !== 'string') return undefined;
    const kept = this.nodes.get((arg as { id: string }).id);
    if (kept !== undefined) return kept;
    // An element handed out before the last refresh: still good while its log is the very object
    // the registry holds for that file and source (a command URI's JSON can never be; a log read
    // again is a new object).
    const node = arg as TreeNode;
    if (!KINDS.has(node.kind)) return undefined;
    try {
      const log = logOf(node);
      return this.registry.getFrom(log.uri, log.source) === log ? node : undefined;
    } catch {
      return undefined;
    }
  }

  dispose(): void {
    this.changed.dispose();
  }

  private levelOptions(): LevelOptions {
    return { grouping: this.settings.grouping, failuresFirst: this.settings.failuresFirst };
  }

  private leadingChildren(node: LogNode): TreeNode[] {
    const { data } = node.log.model;
    const out: TreeNode[] = data.problems.slice(0, MAX_PROBLEM_NODES).map((problem, k) => this.keep({ kind: 'problem', id: nodeIds.problem(node, k), parent: node, problem }));
    if (data.problems.length > MAX_PROBLEM_NODES) {
      out.push(this.keep({ kind: 'message', id: nodeIds.message(node, 'moreProblems'), parent: node, text: `…and ${data.problems.length - MAX_PROBLEM_NODES} more problems (Show Summary lists them all)` }));
    }
    if (data.store.size === 0) out.push(this.keep({ kind: 'message', id: nodeIds.message(node, 'empty'), parent: node, text: 'No provisioning events could be read from this file.' }));
    return out;
  }

  /** The object already handed out under this id (updated in place), else this one. */
  private keep<T extends TreeNode>(node: T): T {
    // Parents too are the objects handed out, so getParent answers with what VS Code holds.
    if (node.kind !== 'log') {
      const parent = this.nodes.get(node.parent.id);
      if (parent !== undefined && parent.kind === node.parent.kind) (node as { parent: TreeNode }).parent = parent;
    }
    const existing = this.nodes.get(node.id);
    if (existing !== undefined && existing.kind === node.kind) return Object.assign(existing, node) as T;
    this.nodes.set(node.id, node);
    return node;
  }

  private current(node: ContainerNode): ContainerNode {
    const kept = this.nodes.get(node.id);
    return kept !== undefined && isContainer(kept) ? kept : node;
  }
}
