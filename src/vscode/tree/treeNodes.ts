/**
 * The elements of the Provisioning Logs tree. Each carries its parent (for getParent, which reveal
 * needs) and an id that is stable while the log and the grouping stay the same, so VS Code keeps
 * expansion and selection across refreshes and can find a revealed element again.
 */
import type { CycleGroup, JobGroup } from '../../core/index/eventIndex';
import type { EventGroup, GroupKind } from '../../core/index/grouping';
import type { Problem } from '../../core/common/record';
import type { OpenLog } from '../logRegistry';

export interface LogNode {
  kind: 'log';
  id: string;
  log: OpenLog;
}

export interface ProblemNode {
  kind: 'problem';
  id: string;
  parent: LogNode;
  problem: Problem;
}

export interface JobNode {
  kind: 'job';
  id: string;
  parent: LogNode;
  job: JobGroup;
}

export interface CycleNode {
  kind: 'cycle';
  id: string;
  parent: JobNode;
  cycle: CycleGroup;
  /** The job's newest cycle. */
  latest: boolean;
}

export interface GroupNode {
  kind: 'group';
  id: string;
  parent: LogNode;
  grouping: GroupKind;
  group: EventGroup;
}

export interface ChangeNode {
  kind: 'change';
  id: string;
  parent: CycleNode | GroupNode;
  log: OpenLog;
  index: number;
}

/** "Show more" after a level's window, or "Show previous" before it. */
export interface MoreNode {
  kind: 'more';
  id: string;
  parent: ContainerNode;
  direction: 'next' | 'previous';
  /** Children hidden in that direction, and the level's size. */
  hidden: number;
  total: number;
}

/** A line of text where a level has nothing else to show. */
export interface MessageNode {
  kind: 'message';
  id: string;
  parent: LogNode;
  text: string;
}

export type ContainerNode = LogNode | JobNode | CycleNode | GroupNode;
export type TreeNode = ContainerNode | ProblemNode | ChangeNode | MoreNode | MessageNode;

export function isContainer(node: TreeNode): node is ContainerNode {
  return node.kind === 'log' || node.kind === 'job' || node.kind === 'cycle' || node.kind === 'group';
}

/** The log a node belongs to. */
export function logOf(node: TreeNode): OpenLog {
  switch (node.kind) {
    case 'log':
      return node.log;
    case 'change':
      return node.log;
    case 'job':
    case 'group':
    case 'problem':
    case 'message':
      return node.parent.log;
    case 'cycle':
      return node.parent.parent.log;
    case 'more':
      return logOf(node.parent);
  }
}

export const nodeIds = {
  log: (uri: string): string => `log:${uri}`,
  problem: (parent: LogNode, k: number): string => `${parent.id}/problem:${k}`,
  message: (parent: LogNode, key: string): string => `${parent.id}/message:${key}`,
  job: (parent: LogNode, jobId: string): string => `${parent.id}/job:${jobId}`,
  cycle: (parent: JobNode, cycleId: string): string => `${parent.id}/cycle:${cycleId}`,
  group: (parent: LogNode, grouping: GroupKind, key: string): string => `${parent.id}/${grouping}:${key}`,
  change: (parent: CycleNode | GroupNode, index: number): string => `${parent.id}/e:${index}`,
  more: (parent: ContainerNode, direction: 'next' | 'previous'): string => `${parent.id}/more:${direction}`,
};
