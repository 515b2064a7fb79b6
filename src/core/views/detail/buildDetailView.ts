/**
 * Builds everything the detail panel shows for event `i` of a log: header, the portal's four tabs,
 * and the raw-JSON button's wording. Pure (no vscode), so the whole panel content is unit-tested.
 */
import { describeAction, describeInitiatorType, describeStatus, describeStepType } from '../../catalog/enumDocs';
import type { LoadedLog } from '../../log/loadedLog';
import { ACTION_LABELS, FORMAT_LABELS, STATUS_LABELS, STEP_TYPE_LABELS, type ProvisionedIdentity, type ProvisioningRecord, type ProvisioningSystem } from '../../common/record';
import { formatUtc } from '../../common/time';
import { TEXT_EDITOR_LIMIT } from '../viewer/header';
import type { DetailView, HeaderView, IdentityView, IdView, SourceView, StepView, SummaryView, SystemView } from './detailTypes';
import { identityHistory, type IdentityHistory } from './identityHistory';
import { formatDuration, identityName, objectWord, systemsLine } from './identityNames';
import { buildModified } from './modifiedRows';
import { rawViewFor } from './rawRecord';
import { explainDetails } from './stepDetails';
import { buildTroubleshooting } from './troubleshooting';
import { whatHappened } from './whatHappened';

export interface DetailContext {
  uri: string;
  logName: string;
}

function utcOf(r: ProvisioningRecord): string {
  return Number.isNaN(r.time) ? r.activityDateTime : formatUtc(r.time);
}

function steps(r: ProvisioningRecord): StepView[] {
  return r.steps.map((s) => ({
    number: s.index + 1,
    name: s.name,
    type: s.type,
    typeLabel: STEP_TYPE_LABELS[s.type],
    typeMeaning: describeStepType(s.type)?.meaning ?? '',
    status: s.status,
    statusLabel: STATUS_LABELS[s.status],
    description: s.description,
    details: explainDetails(s.details),
  }));
}

function identity(p: ProvisionedIdentity): IdentityView {
  return { name: p.displayName, id: p.id, type: p.identityType, details: explainDetails(p.details) };
}

function system(s: ProvisioningSystem): SystemView {
  return { name: s.displayName, id: s.id, details: explainDetails(s.details) };
}

function ids(r: ProvisioningRecord): IdView[] {
  const all: IdView[] = [
    { field: 'changeId', label: 'Change ID', value: r.changeId },
    { field: 'cycleId', label: 'Cycle ID', value: r.cycleId },
    { field: 'jobId', label: 'Job ID', value: r.jobId },
    { field: 'id', label: 'Record ID', value: r.id },
    { field: 'tenantId', label: 'Tenant ID', value: r.tenantId },
    { field: 'sourceId', label: 'Source identity ID', value: r.sourceIdentity.id },
    { field: 'targetId', label: 'Target identity ID', value: r.targetIdentity.id },
    { field: 'appId', label: 'Service principal ID', value: r.servicePrincipal.id },
  ];
  // The three IDs support asks for are always listed, even empty, so their absence is visible.
  return all.filter((x) => x.value.trim() !== '' || x.field === 'changeId' || x.field === 'cycleId' || x.field === 'jobId');
}

function summary(model: LoadedLog, r: ProvisioningRecord, sentence: string, history: IdentityHistory): SummaryView {
  const initiatorType = describeInitiatorType(r.initiatedBy.initiatorType);
  return {
    sentence,
    source: identity(r.sourceIdentity),
    target: identity(r.targetIdentity),
    sourceSystem: system(r.sourceSystem),
    targetSystem: system(r.targetSystem),
    application: { name: r.servicePrincipal.displayName, id: r.servicePrincipal.id },
    ids: ids(r),
    initiatedBy: {
      name: r.initiatedBy.displayName,
      id: r.initiatedBy.id,
      type: r.initiatedBy.initiatorType,
      typeLabel: initiatorType?.label ?? r.initiatedBy.initiatorType,
    },
    action: { label: ACTION_LABELS[r.action], asWritten: r.actionLabel, meaning: describeAction(r.action)?.meaning ?? '' },
    status: { value: r.status, label: STATUS_LABELS[r.status], meaning: describeStatus(r.status)?.meaning ?? '' },
    durationMs: r.durationMs,
    durationText: formatDuration(r.durationMs),
    time: r.time,
    utc: utcOf(r),
    activityDateTime: r.activityDateTime,
    extra: Object.entries(r.extra).map(([key, value]) => ({ key, value })),
    format: [FORMAT_LABELS[model.data.format], model.data.formatDetail].filter((s) => s !== '').join(', '),
    flavor: r.flavor,
    history: history.items,
    historyTotal: history.total,
  };
}

export function buildDetailView(model: LoadedLog, i: number, ctx: DetailContext): DetailView | undefined {
  const r = model.record(i);
  if (r === undefined) return undefined;
  const modified = buildModified(r);
  const sentence = whatHappened(r, modified.changedCount);
  const history = identityHistory(model.store, i);
  const near = model.neighbours(i);
  const header: HeaderView = {
    identity: identityName(r),
    typeLabel: objectWord(r) === 'object' ? '' : objectWord(r),
    action: r.action,
    actionLabel: ACTION_LABELS[r.action],
    status: r.status,
    statusLabel: STATUS_LABELS[r.status],
    time: r.time,
    utc: utcOf(r),
    systems: systemsLine(r),
    sentence,
    position: near.position,
    count: near.count,
    hasPrev: near.prev !== undefined,
    hasNext: near.next !== undefined,
  };
  const later = history.later === undefined ? { count: history.laterCount } : { item: history.later, count: history.laterCount };
  return {
    uri: ctx.uri,
    index: i,
    logName: ctx.logName,
    id: r.id,
    changeId: r.changeId,
    header,
    steps: steps(r),
    troubleshooting: buildTroubleshooting(r, later),
    modified,
    summary: summary(model, r, sentence, history),
    raw: rawViewFor(r.flavor),
    ...sourceOf(model, i),
  };
}

function sourceOf(model: LoadedLog, i: number): { source?: SourceView } {
  const { store, data } = model;
  const f = data.files[store.file[i]!];
  // CSV events are spread over rows of several files: no one place to go to.
  if (f === undefined || !(store.start[i]! >= 0) || store.flavorOf(i) === 'csv') return {};
  const p = model.positions.of(store.file[i]!)!.positionAt(store.start[i]!);
  return { source: { file: f.name, line: p.line, column: p.column, severalFiles: data.files.length > 1, canGoTo: f.size <= TEXT_EDITOR_LIMIT } };
}
