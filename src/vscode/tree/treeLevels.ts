/**
 * What each level of the tree lists, in order, as a length and a way to make the k-th child: the
 * provider only ever builds the children inside a level's page window, so a 100,000-event cycle
 * costs a page of elements. Groupings and cycle orders are computed once per loaded log and
 * dropped with it (a log read again is a new LoadedLog).
 */
import type { CycleGroup } from '../../core/index/eventIndex';
import { failuresFirstOrder, groupEvents, type GroupKind, type Grouping } from '../../core/index/grouping';
import { DerivedKey, type LoadedLog } from '../../core/log/loadedLog';
import type { TreeGrouping } from '../config';
import { nodeIds, type ChangeNode, type ContainerNode, type CycleNode, type GroupNode, type JobNode, type LogNode, type TreeNode } from './treeNodes';

/** The paged part of a level. */
export interface Level {
  total: number;
  nodeAt(k: number): TreeNode;
}

/** Problems listed above a log's jobs, at most; a log with more says so in its tooltip. */
export const MAX_PROBLEM_NODES = 5;

interface ModelViews {
  groupings: Map<string, Grouping>;
  cycleOrders: Map<string, Uint32Array>;
}

const TREE_VIEWS = new DerivedKey<ModelViews>('tree groupings and cycle orders');

function viewsOf(model: LoadedLog): ModelViews {
  return model.derived(TREE_VIEWS, () => ({ groupings: new Map(), cycleOrders: new Map() }));
}

export function groupingOf(model: LoadedLog, kind: GroupKind, failuresFirst: boolean): Grouping {
  const v = viewsOf(model);
  const key = `${kind}:${failuresFirst}`;
  let g = v.groupings.get(key);
  if (g === undefined) v.groupings.set(key, (g = groupEvents(model, kind, { failuresFirst })));
  return g;
}

/** A cycle's events as the tree lists them: newest first, failures first when asked. */
export function cycleOrder(model: LoadedLog, cycle: CycleGroup, failuresFirst: boolean): Uint32Array {
  if (!failuresFirst || cycle.counts.failure === 0) return cycle.events;
  const v = viewsOf(model);
  let order = v.cycleOrders.get(cycle.key);
  if (order === undefined) v.cycleOrders.set(cycle.key, (order = failuresFirstOrder(model.store, cycle.events)));
  return order;
}

export interface LevelOptions {
  grouping: TreeGrouping;
  failuresFirst: boolean;
}

/** The paged children of a container. */
export function levelOf(node: ContainerNode, o: LevelOptions): Level {
  switch (node.kind) {
    case 'log': {
      const model = node.log.model;
      if (o.grouping === 'cycle') {
        const jobs = model.index.jobs;
        return { total: jobs.length, nodeAt: (k) => jobNode(node, k) };
      }
      const groups = groupingOf(model, o.grouping, o.failuresFirst);
      const grouping = o.grouping;
      return {
        total: groups.size,
        nodeAt: (k): GroupNode => {
          const group = groups.group(k);
          return { kind: 'group', id: nodeIds.group(node, grouping, group.key), parent: node, grouping, group };
        },
      };
    }
    case 'job': {
      const cycles = node.job.cycles;
      return { total: cycles.length, nodeAt: (k) => cycleNode(node, k) };
    }
    case 'cycle': {
      const events = cycleOrder(node.parent.parent.log.model, node.cycle, o.failuresFirst);
      return { total: events.length, nodeAt: (k) => changeNode(node, events[k]!) };
    }
    case 'group': {
      const events = node.group.events;
      return { total: events.length, nodeAt: (k) => changeNode(node, events[k]!) };
    }
  }
}

export function jobNode(parent: LogNode, k: number): JobNode {
  const job = parent.log.model.index.jobs[k]!;
  return { kind: 'job', id: nodeIds.job(parent, job.jobId), parent, job };
}

export function cycleNode(parent: JobNode, k: number): CycleNode {
  const cycle = parent.job.cycles[k]!;
  return { kind: 'cycle', id: nodeIds.cycle(parent, cycle.cycleId), parent, cycle, latest: k === 0 };
}

export function changeNode(parent: CycleNode | GroupNode, index: number): ChangeNode {
  const log = parent.kind === 'cycle' ? parent.parent.parent.log : parent.parent.log;
  return { kind: 'change', id: nodeIds.change(parent, index), parent, log, index };
}

/** Where event `index` sits: each container on its path with the child's position in that level. */
export interface EventPath {
  steps: { container: ContainerNode; position: number }[];
  /** The container that lists the event itself. */
  leafParent: CycleNode | GroupNode;
}

export function pathOfEvent(logNode: LogNode, index: number, o: LevelOptions): EventPath | undefined {
  const model = logNode.log.model;
  if (index < 0 || index >= model.store.size) return undefined;
  if (o.grouping === 'cycle') {
    const cycle = model.index.cycleOf(index);
    if (cycle === undefined) return undefined;
    const jobPos = model.index.jobs.findIndex((j) => j.jobId === cycle.jobId);
    if (jobPos < 0) return undefined;
    const job = jobNode(logNode, jobPos);
    const cyclePos = job.job.cycles.indexOf(cycle);
    const cyc = cycleNode(job, cyclePos);
    const eventPos = cycleOrder(model, cycle, o.failuresFirst).indexOf(index);
    return {
      steps: [
        { container: logNode, position: jobPos },
        { container: job, position: cyclePos },
        { container: cyc, position: eventPos },
      ],
      leafParent: cyc,
    };
  }
  const grouping = groupingOf(model, o.grouping, o.failuresFirst);
  const g = grouping.groupOf[index]!;
  const group = grouping.group(g);
  const groupNode: GroupNode = { kind: 'group', id: nodeIds.group(logNode, o.grouping, group.key), parent: logNode, grouping: o.grouping, group };
  return {
    steps: [
      { container: logNode, position: g },
      { container: groupNode, position: group.events.indexOf(index) },
    ],
    leafParent: groupNode,
  };
}
