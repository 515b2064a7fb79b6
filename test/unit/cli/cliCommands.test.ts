/**
 * summary, list, ids, errors and explain against generated logs: the exact shapes the contract
 * promises, and every filter checked against expectations computed from the records themselves.
 */
import { strict as assert } from 'node:assert';
import { explainJson, lookupErrorCode } from '../../../src/core/catalog/catalog';
import { generateRecords, type GraphRecord } from '../../fixtures/generator/records';
import { graphPage, portalJson } from '../../fixtures/generator/writers';
import { cli, json, listOrder, NOW, rec, TempFolder, unique } from './cliHarness';

const DAY = 86400_000;
// Two downloads' worth, three days apart, so that time windows have something to cut.
const older = generateRecords({ seed: 11, count: 90, end: Date.UTC(2026, 1, 27, 9, 0, 0), failureRate: 0.2 });
const newer = generateRecords({ seed: 12, count: 150, failureRate: 0.2 });
const records = [...older, ...newer];
const tmp = new TempFolder();
after(() => tmp.remove());
const file = tmp.file('ProvisioningLogs.json', portalJson(records));
const newest = Math.max(...records.map(rec.time));

async function listIds(...args: string[]): Promise<string[]> {
  const r = await cli(['list', '--json', file, ...args]);
  assert.equal(r.code, 0, r.stderr);
  return json<{ id: string }[]>(r).map((e) => e.id);
}

const where = (f: (r: GraphRecord) => boolean): string[] => listOrder(records.filter(f));
const has = (s: string, needle: string): boolean => s.toLowerCase().includes(needle.toLowerCase());

describe('CLI summary', () => {
  it('--json prints the contract: exact keys, zero counts left out, codes counted', async () => {
    const r = await cli(['summary', '--json', file]);
    assert.equal(r.code, 0, r.stderr);
    const s = json<Record<string, unknown>>(r);
    assert.deepEqual(Object.keys(s), ['events', 'status', 'action', 'jobs', 'cycles', 'changes', 'errorCodes', 'problems']);
    assert.equal(s['events'], records.length);
    const count = (f: (r: GraphRecord) => string): Record<string, number> => {
      const out: Record<string, number> = {};
      for (const x of records) if (f(x) !== '') out[f(x)] = (out[f(x)] ?? 0) + 1;
      return out;
    };
    assert.deepEqual(s['status'], count(rec.status));
    assert.deepEqual(s['action'], count(rec.action));
    assert.deepEqual(s['errorCodes'], count(rec.errorCode));
    assert.equal(s['jobs'], unique(records.map((x) => rec.str(x, 'jobId'))).length);
    assert.equal(s['cycles'], unique(records.map((x) => rec.str(x, 'cycleId'))).length);
    assert.equal(s['changes'], records.length);
    assert.deepEqual(s['problems'], []);
    for (const v of Object.values(s['status'] as Record<string, number>)) assert.ok(v > 0);
  });

  it('counts only the filtered events when filters are given', async () => {
    const s = json<{ events: number; status: Record<string, number> }>(await cli(['summary', '--json', '--status', 'failure', file]));
    assert.deepEqual(s.status, { failure: s.events });
    assert.equal(s.events, where((x) => rec.status(x) === 'failure').length);
  });

  it('reads as text: format, encoding, counts, codes with their meaning', async () => {
    const r = await cli(['summary', file]);
    assert.equal(r.code, 0);
    assert.match(r.stdout, /Format: +Entra portal JSON download/);
    // The Action line in one order, whatever the file holds first.
    const actions = /Action: +(.+)/.exec(r.stdout)![1]!.split(', ').map((p) => p.split(' ')[0]!);
    const order = ['create', 'update', 'delete', 'stagedDelete', 'disable', 'other'];
    assert.deepEqual(actions, [...actions].sort((a, b) => order.indexOf(a) - order.indexOf(b)));
    assert.ok(actions.length > 1, r.stdout);
    assert.match(r.stdout, /UTF-8/);
    assert.match(r.stdout, new RegExp(`Events: +${records.length} from 2026-02-2\\d`));
    const top = /Error codes:\n +(\d+) +(\S+) +(.+)\n/.exec(r.stdout);
    assert.ok(top, r.stdout);
    assert.equal(top[3], lookupErrorCode(top[2]!).entry.title);
  });
});

describe('CLI list', () => {
  it('--json gives each event with the contract keys, values from the record', async () => {
    const r = await cli(['list', '--json', file]);
    const listed = json<Record<string, unknown>[]>(r);
    assert.equal(listed.length, records.length);
    assert.deepEqual(Object.keys(listed[0]!), [
      'changeId', 'cycleId', 'jobId', 'activityDateTime', 'action', 'status', 'identityType', 'displayName', 'sourceSystem', 'targetSystem',
      'errorCode', 'id', 'sourceId', 'targetId', 'targetDisplayName', 'application', 'reason', 'durationMs',
    ]);
    // Without --sort: newest first, as the viewer lists them.
    const byId = new Map(records.map((x) => [String(x['id']), x]));
    assert.deepEqual(listed.map((e) => e['id']), listOrder(records));
    listed.forEach((e) => {
      const x = byId.get(String(e['id']))!;
      assert.equal(e['changeId'], rec.str(x, 'changeId'));
      assert.equal(e['activityDateTime'], rec.str(x, 'activityDateTime'));
      assert.equal(e['action'], rec.action(x));
      assert.equal(e['status'], rec.status(x));
      assert.equal(e['displayName'], rec.sourceName(x));
      assert.equal(e['identityType'], rec.sourceType(x));
      assert.equal(e['errorCode'], rec.errorCode(x));
      assert.equal(e['application'], rec.application(x));
      assert.equal(e['durationMs'], x['durationInMilliseconds']);
    });
  });

  it('prints an aligned table without --json', async () => {
    const r = await cli(['list', file, '--limit', '5']);
    const lines = r.stdout.trimEnd().split('\n');
    assert.match(lines[0]!, /^Date \(UTC\) +Action +Status +Identity +Type +Source → Target +Error code +Change ID$/);
    assert.equal(lines.length, 2 + 5 + 1);
    const statusAt = lines[0]!.indexOf('Status');
    for (const l of lines.slice(2, 7)) assert.match(l.slice(statusAt), /^(Success|Failure|Skipped|Warning)/);
    assert.equal(lines[7], `(5 of ${records.length} events shown)`);
  });

  it('--sort and --limit: newest first, ties in file order', async () => {
    const got = await listIds('--sort=-time', '--limit', '10');
    const expected = records.map((x, k) => ({ x, k })).sort((a, b) => rec.time(b.x) - rec.time(a.x) || a.k - b.k).slice(0, 10).map((a) => String(a.x['id']));
    assert.deepEqual(got, expected);
    assert.deepEqual(await listIds('--sort', 'time:desc', '--limit', '10'), expected);
  });
});

describe('CLI filters', () => {
  const sample = newer[7]!;
  const cases: [string, string[], (x: GraphRecord) => boolean][] = [
    ['--status', ['--status', 'failure'], (x) => rec.status(x) === 'failure'],
    ['--status repeated and comma-separated', ['--status', 'failure,warning', '--status', 'Skipped'], (x) => rec.status(x) !== 'success'],
    ['--action', ['--action', 'create'], (x) => rec.action(x) === 'create'],
    ['--action with stagedDelete', ['--action', 'delete,stagedDelete'], (x) => ['delete', 'stagedDelete'].includes(rec.action(x))],
    ['--identity (name, case-insensitive)', ['--identity', rec.sourceName(sample).toUpperCase()], (x) => has(rec.sourceName(x), rec.sourceName(sample))],
    ['--identity-type', ['--identity-type', 'group'], (x) => rec.sourceType(x) === 'Group'],
    ['--job-id', ['--job-id', rec.str(sample, 'jobId')], (x) => rec.str(x, 'jobId') === rec.str(sample, 'jobId')],
    ['--cycle-id', ['--cycle-id', rec.str(sample, 'cycleId')], (x) => rec.str(x, 'cycleId') === rec.str(sample, 'cycleId')],
    ['--change-id', ['--change-id', rec.str(sample, 'changeId')], (x) => x === sample],
    ['--source-system', ['--source-system', 'workday'], (x) => has(rec.sourceSystem(x), 'workday')],
    ['--target-system', ['--target-system', 'Active Directory'], (x) => has(rec.targetSystem(x), 'active directory')],
    ['--application', ['--application', 'contoso'], (x) => has(rec.application(x), 'contoso')],
    ['--error-code', ['--error-code', 'conflict'], (x) => has(rec.errorCode(x), 'conflict')],
    ['--text', ['--text', rec.str(sample, 'changeId')], (x) => x === sample],
    ['--hide-skipped', ['--hide-skipped'], (x) => rec.status(x) !== 'skipped'],
    [
      '--changes-only (an export step succeeded)',
      ['--changes-only'],
      (x) => (x['provisioningSteps'] as { provisioningStepType: string; status: string }[]).some((s) => s.provisioningStepType === 'export' && s.status === 'success'),
    ],
    ['--since 2d, relative to the newest event', ['--since', '2d'], (x) => rec.time(x) >= newest - 2 * DAY],
    ['--since 7d keeps the older download too', ['--since', '7d'], () => true],
    ['--since 24h --relative-to now', ['--since', '24h', '--relative-to', 'now'], (x) => rec.time(x) >= NOW - DAY],
    ['--until 36h', ['--until', '36h'], (x) => rec.time(x) <= newest - 1.5 * DAY],
    ['--since ISO date-time', ['--since', '2026-03-01T00:00:00Z'], (x) => rec.time(x) >= Date.UTC(2026, 2, 1)],
    ['--until a bare date includes that day', ['--until', '2026-02-27'], (x) => rec.time(x) < Date.UTC(2026, 1, 28)],
    ['filters combine', ['--status', 'failure', '--identity-type', 'user', '--since', '2d'], (x) => rec.status(x) === 'failure' && rec.sourceType(x) === 'User' && rec.time(x) >= newest - 2 * DAY],
  ];
  for (const [name, args, f] of cases) {
    it(name, async () => {
      const expected = where(f);
      assert.ok(expected.length > 0, 'the case selects something');
      assert.deepEqual(await listIds(...args), expected);
    });
  }

  it('some filters leave nothing: still exit 0, an empty array', async () => {
    assert.deepEqual(await listIds('--identity', 'nobody-by-this-name'), []);
  });
});

describe('CLI ids (the recipes of Microsoft\'s articles)', () => {
  it('--kind job: every job id, once, in first-seen order', async () => {
    const r = await cli(['ids', '--kind', 'job', file]);
    assert.equal(r.code, 0);
    assert.equal(r.stdout, unique(records.map((x) => rec.str(x, 'jobId'))).join('\n') + '\n');
  });

  it('--kind change --action create: change ids of create events', async () => {
    const r = await cli(['ids', '--kind', 'change', '--action', 'create', file]);
    assert.deepEqual(r.stdout.trim().split('\n'), records.filter((x) => rec.action(x) === 'create').map((x) => rec.str(x, 'changeId')));
  });

  it('--kind cycle with a filter, and --json', async () => {
    const r = await cli(['ids', '--kind', 'cycle', '--status', 'failure', '--json', file]);
    assert.deepEqual(json(r), unique(records.filter((x) => rec.status(x) === 'failure').map((x) => rec.str(x, 'cycleId'))));
  });
});

/** The text a range covers, lines split as an editor splits them, UTF-16 columns. */
function textAt(text: string, p: { line: number; column: number; endLine: number; endColumn: number }): string {
  assert.equal(p.line, p.endLine);
  return text.split(/\r\n|\r|\n/)[p.line - 1]!.slice(p.column - 1, p.endColumn - 1);
}

describe('CLI errors', () => {
  const failures = records.filter((x) => rec.status(x) === 'failure');

  for (const [name, text] of [
    ['a minified download (one line)', portalJson(records)],
    ['a pretty Graph beta page', graphPage(records, 'beta')],
  ] as const) {
    it(`--json points at each code in ${name}`, async () => {
      const path = tmp.file('errors.json', text);
      const r = await cli(['errors', '--json', path]);
      assert.equal(r.code, 0);
      const found = json<Record<string, unknown>[]>(r);
      assert.equal(found.length, failures.length);
      assert.deepEqual(Object.keys(found[0]!), ['code', 'line', 'column', 'endLine', 'endColumn', 'severity', 'changeId']);
      found.forEach((p, k) => {
        assert.equal(textAt(text, p as never), p['code']);
        assert.equal(p['changeId'], rec.str(failures[k]!, 'changeId'));
        assert.ok(['error', 'warning', 'info'].includes(String(p['severity'])));
      });
    });
  }

  it('names the file when several were read, and prints file:line:column as text', async () => {
    const a = tmp.file('a.json', portalJson(older));
    const b = tmp.file('b.json', graphPage(newer, 'v1.0'));
    const found = json<{ file: string; code: string }[]>(await cli(['errors', '--json', a, b]));
    assert.deepEqual(unique(found.map((p) => p.file)), [a, b]);
    const r = await cli(['errors', b, '--error-code', 'timeout']);
    const first = r.stdout.split('\n')[0]!;
    assert.match(first, new RegExp(`^${b.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}:\\d+:\\d+: warning: Timeout \\(change [0-9a-f-]{36}\\)$`));
  });
});

describe('CLI explain', () => {
  it('--json is the catalog\'s explain contract', async () => {
    const r = await cli(['explain', 'ContosoEntryConflict', '--json']);
    assert.equal(r.code, 0);
    assert.deepEqual(json(r), explainJson('ContosoEntryConflict'));
  });

  it('reads as text: meaning, what to do, retry, docs', async () => {
    const r = await cli(['explain', 'InternalServerError']);
    assert.equal(r.code, 0);
    assert.match(r.stdout, /^InternalServerError: /);
    for (const part of [/Meaning:\n {2}\S/, /What to do:\n {2}\S/, /Retry: Retried automatically about 40 minutes/, /Docs: https:\/\/learn\.microsoft\.com\//]) assert.match(r.stdout, part);
  });

  it('answers for unknown codes too, without echoing markup as anything but text', async () => {
    const r = await cli(['explain', 'NoSuchCode\u001b[31m']);
    assert.equal(r.code, 0);
    assert.match(r.stdout, /Unrecognized error code/);
    assert.ok(!r.stdout.includes('\u001b'), 'no raw escape character reaches the terminal');
  });
});
