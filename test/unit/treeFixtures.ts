/**
 * Stores built straight from records, for the tree's core tests: hand-made events with exactly the
 * outcomes a test needs, and a 100,000-event store with a real download's shape (5 jobs, cycles of
 * 40, ~30,000 identities, a dozen error codes) built in a second, without writing 250 MB of JSON.
 */
import type { LogData } from '../../src/core/model/logData';
import type { Action, ProvisioningRecord, Status } from '../../src/core/common/record';
import { StoreBuilder, type EventStore } from '../../src/core/model/store';

export interface EventSpec {
  time?: number;
  job?: string;
  cycle?: string;
  change?: string;
  name?: string;
  sourceId?: string;
  type?: string;
  action?: Action;
  status?: Status;
  code?: string;
  app?: string;
  reason?: string;
}

let counter = 0;

export function record(e: EventSpec): ProvisioningRecord {
  const n = ++counter;
  const code = e.code ?? (e.status === 'failure' ? 'EntryConflict' : '');
  return {
    id: `rec-${n}`,
    activityDateTime: e.time === undefined ? '' : new Date(e.time).toISOString(),
    time: e.time ?? NaN,
    tenantId: 'tenant',
    jobId: e.job ?? 'job-1',
    cycleId: e.cycle ?? 'cycle-1',
    changeId: e.change ?? `change-${n}`,
    action: e.action ?? 'update',
    actionLabel: e.action ?? 'update',
    status: e.status ?? 'success',
    durationMs: 100,
    initiatedBy: { id: '', displayName: 'Azure AD Provisioning Service', initiatorType: 'system' },
    servicePrincipal: { id: 'sp', displayName: e.app ?? 'ServiceNow' },
    sourceSystem: { id: 's', displayName: 'Microsoft Entra ID', details: {} },
    targetSystem: { id: 't', displayName: e.app ?? 'ServiceNow', details: {} },
    sourceIdentity: { id: e.sourceId ?? '', displayName: e.name ?? '', identityType: e.type ?? 'User', details: {} },
    targetIdentity: { id: '', displayName: '', identityType: e.type ?? 'User', details: {} },
    error: code === '' ? null : { errorCode: code, reason: e.reason ?? 'reason', additionalDetails: '', errorCategory: 'nonServiceFailure', recommendedAction: '' },
    steps: [],
    modifiedProperties: [],
    extra: {},
    flavor: 'graph',
  };
}

export function storeOf(specs: readonly EventSpec[]): EventStore {
  const b = new StoreBuilder(specs.length);
  for (const s of specs) b.add(record(s), { file: 0, start: -1, end: -1 });
  return b.finish();
}

export function logDataOf(store: EventStore, name = 'log.json'): LogData {
  return { format: 'portalJson', formatDetail: '', files: [{ name, size: 0, encoding: 'utf-8', role: 'json', bytes: new Uint8Array(0) }], store, problems: [] };
}

const CODES = ['ServiceNowEntryConflict', 'InsufficientRights', 'TooManyRequests', 'DuplicateTargetEntries', 'SchemaAttributeNotFound', 'Timeout', 'InvalidDomain', 'MandatoryFieldsMissing', 'LicenseLimitExceeded', 'InternalServerError', 'ImportSkipped', 'UnprocessableEntity'];
const STATUSES: readonly Status[] = ['success', 'success', 'success', 'success', 'success', 'success', 'skipped', 'skipped', 'failure', 'warning'];
const ACTIONS: readonly Action[] = ['create', 'update', 'update', 'update', 'delete', 'disable', 'other'];

/** `count` events: 5 jobs, cycles of `perCycle` events 40 minutes apart, ~30% as many identities as events. */
export function bigStore(count: number, perCycle = 40): EventStore {
  const b = new StoreBuilder(count);
  const identities = Math.max(1, Math.floor(count * 0.3));
  let x = 2026;
  const rnd = (n: number): number => {
    x = (Math.imul(x, 1103515245) + 12345) & 0x7fffffff;
    return x % n;
  };
  const end = Date.UTC(2026, 2, 2, 14);
  for (let k = 0; k < count; k++) {
    const cycle = Math.floor(k / perCycle);
    const job = cycle % 5;
    const who = rnd(identities);
    const status = STATUSES[rnd(STATUSES.length)]!;
    b.add(
      record({
        time: end - (Math.floor(count / perCycle) - cycle) * 40 * 60_000 + (k % perCycle) * 1500,
        job: `job-${job}`,
        cycle: `cycle-${cycle}`,
        name: `Person ${who}`,
        sourceId: `00000000-0000-4000-8000-${String(who).padStart(12, '0')}`,
        action: ACTIONS[rnd(ACTIONS.length)]!,
        status,
        code: status === 'failure' || status === 'warning' ? CODES[rnd(CODES.length)]! : '',
        app: `App ${job}`,
      }),
      { file: 0, start: -1, end: -1 },
    );
  }
  return b.finish();
}

/** Four events of two jobs: a failed create and a failed delete of Ann (same change ID), a create of Ben (SCIM URN type), a skipped group update. */
export const FOUR_EVENTS: readonly EventSpec[] = [
  { job: 'J1', cycle: 'C1', change: 'X1', action: 'create', status: 'failure', code: 'B', name: 'Ann', sourceId: 'a', type: 'User' },
  { job: 'J1', cycle: 'C1', change: 'X2', action: 'create', name: 'Ben', sourceId: 'b', type: 'urn:ietf:params:scim:schemas:core:2.0:User' },
  { job: 'J2', cycle: 'C2', change: 'X3', action: 'update', status: 'skipped', name: 'Sales', type: 'Group', time: 5 },
  { job: 'J1', cycle: 'C3', change: 'X1', action: 'delete', status: 'failure', code: 'B', name: 'Ann', sourceId: 'a', time: 9 },
];
