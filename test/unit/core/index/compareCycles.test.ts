import { strict as assert } from 'node:assert';
import { compareCycles, type IdentityRow } from '../../../../src/core/index/compareCycles';
import { compareCyclesMarkdown, MAX_ROWS } from '../../../../src/core/output/compareCyclesMarkdown';
import { EventIndex } from '../../../../src/core/index/eventIndex';
import { storeOf, type EventSpec } from '../../treeFixtures';

const T0 = Date.UTC(2026, 2, 2, 10);
const T1 = Date.UTC(2026, 2, 2, 10, 40);
const a = (s: EventSpec): EventSpec => ({ cycle: 'A', time: T0 + 1000 * Math.random(), ...s });
const b = (s: EventSpec): EventSpec => ({ cycle: 'B', time: T1 + 1000 * Math.random(), ...s });

const events: EventSpec[] = [
  a({ name: 'Alice', sourceId: 'a', status: 'failure', code: 'EntryConflict' }),
  a({ name: 'Bob', sourceId: 'b', status: 'failure', code: 'InsufficientRights' }),
  a({ name: 'Carol', sourceId: 'c' }),
  a({ name: 'Dave', sourceId: 'd', status: 'failure' }),
  a({ name: 'Erin', sourceId: 'e' }),
  a({ name: 'Frank' }),
  a({ name: 'Gina', sourceId: 'g', status: 'failure', time: T0 }),
  a({ name: 'Gina', sourceId: 'g', time: T0 + 5000 }),
  b({ name: 'Alice', sourceId: 'a' }),
  b({ name: 'Bob', sourceId: 'b', status: 'failure', code: 'Timeout' }),
  b({ name: 'Carol', sourceId: 'c', status: 'failure', action: 'create' }),
  b({ name: 'Frank' }),
  b({ name: 'Hank', sourceId: 'h', status: 'failure' }),
  b({ name: 'Ivy', sourceId: 'i' }),
  b({ name: 'Gina', sourceId: 'g', status: 'failure' }),
];
const store = storeOf(events);
const index = new EventIndex(store);
const cycleA = index.cycle('job-1', 'A')!;
const cycleB = index.cycle('job-1', 'B')!;
const names = (rows: IdentityRow[]): string[] => rows.map((r) => r.name).sort();

describe('compareCycles', () => {
  it('sorts identities into fixed, newly failing, still failing, gone and new', () => {
    const c = compareCycles(store, cycleB, cycleA);
    assert.equal(c.before.cycleId, 'A', 'the earlier cycle comes first whatever the order given');
    assert.equal(c.after.cycleId, 'B');
    assert.deepEqual(names(c.fixed), ['Alice']);
    assert.deepEqual(names(c.stillFailing), ['Bob']);
    assert.deepEqual(names(c.newlyFailing), ['Carol', 'Gina'], "Gina's last event in A succeeded: her outcome there is a success");
    assert.deepEqual(names(c.failingNewIdentities), ['Hank']);
    assert.deepEqual(names(c.failedOnlyBefore), ['Dave']);
    assert.deepEqual(names(c.onlyBefore), ['Erin']);
    assert.deepEqual(names(c.onlyAfter), ['Ivy']);
    assert.equal(c.before.identities, 7);
    assert.equal(c.after.identities, 7);
    const bob = c.stillFailing[0]!;
    assert.equal(bob.before?.errorCode, 'InsufficientRights');
    assert.equal(bob.after?.errorCode, 'Timeout');
    assert.equal(c.newlyFailing.find((r) => r.name === 'Gina')!.before!.events, 2);
  });

  it('counts every error code of both cycles', () => {
    const c = compareCycles(store, cycleA, cycleB);
    const byCode = Object.fromEntries(c.codes.map((d) => [d.code, [d.before, d.after]]));
    assert.deepEqual(byCode, { EntryConflict: [3, 3], InsufficientRights: [1, 0], Timeout: [0, 1] });
  });

  it('writes a report with every section and the counts side by side', () => {
    const md = compareCyclesMarkdown(compareCycles(store, cycleA, cycleB), { jobName: () => 'ServiceNow', fileName: 'log.json' });
    for (const heading of ['## Fixed (1)', '## Newly failing (3)', '## Still failing (1)', '## Failed earlier, not in the later cycle (1)', '## New in the later cycle (1)', '## Error codes']) {
      assert.ok(md.includes(heading), heading);
    }
    assert.match(md, /\| Failed \| 4 \| 4 \|/);
    assert.match(md, /\| Bob \| `b` \| Failure: Update `InsufficientRights` \| Failure: Update `Timeout` \|/);
    assert.match(md, /\| `InsufficientRights` \| 1 \| 0 \| −1 \|/);
  });

  it('escapes hostile names and caps long sections', () => {
    const hostile = '<img src=x onerror=alert(1)> | [click](command:workbench.action.terminal.new) `x`\nnext';
    const specs: EventSpec[] = [a({ name: hostile, sourceId: 'x', status: 'failure' }), b({ name: hostile, sourceId: 'x' })];
    for (let k = 0; k < MAX_ROWS + 5; k++) specs.push(b({ name: `New ${k}`, sourceId: `n${k}` }));
    const s = storeOf(specs);
    const idx = new EventIndex(s);
    const md = compareCyclesMarkdown(compareCycles(s, idx.cycle('job-1', 'A')!, idx.cycle('job-1', 'B')!), { jobName: () => '<b>job</b>', fileName: 'a|b.json' });
    assert.ok(!md.includes('<img'), 'no raw HTML');
    assert.ok(!md.includes('<b>'), 'no raw HTML in the job name');
    assert.ok(!/\]\(command:/.test(md), 'no link built from log text');
    const fixedRow = md.split('\n').find((l) => l.includes('onerror'))!;
    assert.equal(fixedRow.split(/(?<!\\)\|/).length - 2, 5, 'the name stays in its cell');
    assert.ok(md.includes(`…and 5 more identities.`));
  });
});
