import { strict as assert } from 'node:assert';
import { planGraphFilter, windowFilter } from '../../../../../src/core/sources/graph/graphFilter';
import { compileFilter } from '../../../../emulators/graphFilterEval';

const SP = '6A1B2C3D-0000-4000-8000-00000000000A';
const JOB = 'Salesforce.5611623b9128461e9d7fa0d9c270ead2.0f3e1a2b-1111-4222-8333-444455556666';

describe('Graph $filter push-down', () => {
  it('pushes down the service principal, whole ids and a single status, and keeps the rest local', () => {
    const plan = planGraphFilter({ jobId: JOB, cycleId: 'ABCDEF01-2345-4678-9abc-def012345678', status: ['failure'], errorCode: 'SalesforceDuplicateUserName', since: 1, until: 2 }, SP);
    assert.deepEqual(plan.clauses, [
      "servicePrincipal/id eq '6a1b2c3d-0000-4000-8000-00000000000a'",
      "cycleId eq 'abcdef01-2345-4678-9abc-def012345678'",
      `jobId eq '${JOB}'`,
      "provisioningStatusInfo/status eq 'failure'",
    ]);
    // The local rest is the whole filter minus the time bounds (pushed ids stay: they can only agree).
    assert.deepEqual(plan.local, { jobId: JOB, cycleId: 'ABCDEF01-2345-4678-9abc-def012345678', status: ['failure'], errorCode: 'SalesforceDuplicateUserName' });
  });

  it('leaves partial ids, names, several statuses and free text to the local filter (Graph is case-sensitive)', () => {
    const plan = planGraphFilter({ jobId: 'salesforce', identity: 'Ada', status: ['failure', 'warning'], text: 'x' });
    assert.deepEqual(plan.clauses, []);
    assert.deepEqual(plan.local, { jobId: 'salesforce', identity: 'Ada', status: ['failure', 'warning'], text: 'x' });
  });

  it('needs no local filter when nothing is asked, and refuses an application that is not an id', () => {
    assert.equal(planGraphFilter({ window: '7d', hideSkipped: false }).local, undefined);
    assert.throws(() => planGraphFilter({}, 'Salesforce'), /service principal id/);
  });

  it('writes windows with strict bounds that Graph (and the emulator) accept, quoting values', () => {
    const f = windowFilter(["sourceIdentity/displayName eq 'O''Brien'"], Date.UTC(2026, 0, 1), Date.UTC(2026, 0, 2));
    assert.equal(f, "activityDateTime gt 2025-12-31T23:59:59.999Z and activityDateTime lt 2026-01-02T00:00:00.000Z and sourceIdentity/displayName eq 'O''Brien'");
    assert.equal(typeof compileFilter(f), 'function');
    assert.match(String(compileFilter('provisioningStatusInfo/errorInformation/errorCode eq \'X\'')), /not supported/);
  });
});
