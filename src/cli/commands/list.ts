/**
 * `provlog list` (the filtered events, as a table or JSON) and `provlog ids` (unique job, cycle or
 * change ids, the answer to the PowerShell recipes in Microsoft's provisioning-log articles).
 */
import { collectIds } from '../../core/index/idLists';
import { ACTION_LABELS, STATUS_LABELS } from '../../core/common/record';
import { Sorter } from '../../core/query/sort';
import type { EventStore } from '../../core/model/store';
import { formatUtc } from '../../core/common/time';
import type { CommandRequest } from '../args';
import { terminalSafe, writeJsonArray, writeTable, type Column } from '../format';
import { EXIT, type CliIo, type ExitCode } from '../io';
import { select } from '../readInputs';

/** One event in `list --json`. The first eleven keys are the contract; more may be added, never removed. */
export interface ListedEvent {
  changeId: string;
  cycleId: string;
  jobId: string;
  activityDateTime: string;
  action: string;
  status: string;
  identityType: string;
  displayName: string;
  sourceSystem: string;
  targetSystem: string;
  errorCode: string;
  id: string;
  sourceId: string;
  targetId: string;
  targetDisplayName: string;
  application: string;
  reason: string;
  durationMs: number | null;
}

export function listedEvent(store: EventStore, i: number): ListedEvent {
  const e = store.summary(i);
  return {
    changeId: e.changeId,
    cycleId: e.cycleId,
    jobId: e.jobId,
    activityDateTime: e.activityDateTime,
    action: e.action,
    status: e.status,
    identityType: e.sourceType || e.targetType,
    displayName: e.sourceName,
    sourceSystem: e.sourceSystem,
    targetSystem: e.targetSystem,
    errorCode: e.errorCode,
    id: e.id,
    sourceId: e.sourceId,
    targetId: e.targetId,
    targetDisplayName: e.targetName,
    application: e.appName,
    reason: e.reason,
    durationMs: e.durationMs,
  };
}

const COLUMNS: readonly Column[] = [
  { title: 'Date (UTC)', max: 30 },
  { title: 'Action', max: 12 },
  { title: 'Status', max: 8 },
  { title: 'Identity', max: 32 },
  { title: 'Type', max: 12 },
  { title: 'Source → Target', max: 44 },
  { title: 'Error code', max: 40 },
  { title: 'Change ID', max: 36 },
];

export async function listCommand(req: CommandRequest, io: CliIo): Promise<ExitCode> {
  const sel = await select(req, io);
  if (sel.status === EXIT.unreadable) return sel.status;
  const { store } = sel.log;
  let indices = sel.indices;
  // Without --sort, newest first: the viewer's and the portal's order (ties in file order).
  indices = new Sorter(store).sort(indices, req.sort?.key ?? 'time', req.sort?.dir ?? 'desc');
  if (req.limit !== undefined) indices = indices.subarray(0, req.limit);
  if (req.json) {
    writeJsonArray(io.stdout, map(indices, (i) => listedEvent(store, i)));
  } else {
    writeTable(io.stdout, COLUMNS, map(indices, (i) => tableRow(store, i)));
    if (indices.length < sel.indices.length) io.stdout.write(`(${indices.length} of ${sel.indices.length} events shown)\n`);
  }
  return sel.status;
}

function tableRow(store: EventStore, i: number): string[] {
  const e = store.summary(i);
  return [
    formatUtc(e.time) || e.activityDateTime,
    ACTION_LABELS[e.action],
    STATUS_LABELS[e.status],
    e.sourceName || e.sourceId,
    e.sourceType || e.targetType,
    `${e.sourceSystem} → ${e.targetSystem}`,
    e.errorCode,
    e.changeId,
  ];
}

export async function idsCommand(req: CommandRequest, io: CliIo): Promise<ExitCode> {
  const sel = await select(req, io);
  if (sel.status === EXIT.unreadable) return sel.status;
  const ids = collectIds(sel.log.store, sel.indices, req.kind ?? 'job');
  if (req.json) writeJsonArray(io.stdout, ids);
  else if (ids.length > 0) io.stdout.write(ids.map(terminalSafe).join('\n') + '\n');
  return sel.status;
}

function* map<T>(indices: ArrayLike<number>, f: (i: number) => T): Generator<T> {
  for (let k = 0; k < indices.length; k++) yield f(indices[k]!);
}
