import { strict as assert } from 'node:assert';
import { filterToKql } from '../../../../../src/core/sources/kql/filterToKql';
import { kqlString } from '../../../../../src/core/sources/kql/kqlText';
import { LA_COLUMNS, LEGACY_COLUMNS } from '../../../../../src/core/sources/kql/schema';
import { TEXT_FILTER_KEYS, type EventFilter } from '../../../../../src/core/common/filter';
import { analyseKql, kqlTokens } from '../../../../emulators/kustoAnalyzer';

/** Every value each part of the filter takes in the generated combinations. */
const NEWEST = Date.UTC(2024, 4, 1, 12);
const DIMENSIONS: readonly (readonly { filter: EventFilter; newest?: number }[])[] = [
  [
    { filter: { since: Date.UTC(2024, 3, 1) } },
    { filter: { until: Date.UTC(2024, 3, 2) } },
    { filter: { since: Date.UTC(2024, 3, 1), until: Date.UTC(2024, 3, 2) } },
    { filter: { window: '24h', windowFrom: 'now' } },
    { filter: { window: '7d' }, newest: NEWEST },
    { filter: { window: '30d' } },
  ],
  [{ filter: { status: ['failure'] } }, { filter: { status: ['success', 'warning', 'skipped'] } }],
  [{ filter: { action: ['create'] } }, { filter: { action: ['stagedDelete', 'other', 'disable'] } }],
  ...TEXT_FILTER_KEYS.map((key) => [{ filter: { [key]: 'Contoso' } }]),
  [{ filter: { identityType: ['user'] } }, { filter: { identityType: ['Group', 'urn:ietf:params:scim:schemas:core:2.0:User'] } }],
  [{ filter: { hideSkipped: true } }],
  [{ filter: { changesOnly: true } }],
];

/** Each value alone, each pair of values from two different parts, and everything at once. */
function combinations(): { filter: EventFilter; newest?: number }[] {
  const out: { filter: EventFilter; newest?: number }[] = [{ filter: {} }];
  const values = DIMENSIONS.flatMap((d, dim) => d.map((v) => ({ dim, v })));
  for (const a of values) out.push(a.v);
  for (let i = 0; i < values.length; i++) {
    for (let j = i + 1; j < values.length; j++) {
      const a = values[i]!;
      const b = values[j]!;
      if (a.dim === b.dim) continue;
      out.push({ filter: { ...a.v.filter, ...b.v.filter }, newest: a.v.newest ?? b.v.newest });
    }
  }
  const all = DIMENSIONS.map((d) => d[d.length - 1]!);
  out.push({ filter: Object.assign({}, ...all.map((v) => v.filter)) as EventFilter, newest: NEWEST });
  return out;
}

const WITHOUT_LEGACY = LA_COLUMNS.filter(([name]) => !LEGACY_COLUMNS.includes(name));

/** The value a KQL double-quoted literal stands for. */
function literalValue(token: string): string {
  const escapes: Record<string, string> = { n: '\n', r: '\r', t: '\t', '\\': '\\', '"': '"' };
  return token.slice(1, -1).replace(/\\(.)/g, (_m, c: string) => escapes[c] ?? `\\${c}`);
}

const HOSTILE = [
  'a"b',
  "it's",
  'C:\\temp\\',
  '\\"',
  'x" or 1==1 or "',
  'a | take 1',
  'first\nsecond',
  'cr\rlf\r\n',
  '// not a comment',
  'tab\there',
  '@"verbatim"',
  '`backtick`',
  '\u202eevil\u200b',
  '"; .drop table AADProvisioningLogs; "',
  '\\',
];

describe('KQL from the filter model', function () {
  this.timeout(120_000);

  it('every generated filter combination analyses with 0 diagnostics, with and without the legacy columns', () => {
    const combos = combinations();
    let analysed = 0;
    for (const { filter, newest } of combos) {
      const query = filterToKql(filter, { newest });
      for (const columns of [LA_COLUMNS, WITHOUT_LEGACY]) {
        const diags = analyseKql(query, columns);
        assert.deepEqual(diags, [], `${JSON.stringify(filter)}\n${query}`);
        analysed++;
      }
    }
    // The count the closing note quotes: each value alone, every cross-part pair, all together.
    assert.ok(combos.length >= 260, `only ${combos.length} combinations`);
    console.log(`      ${combos.length} filter combinations, ${analysed} analyses, 0 diagnostics`);
  });

  it('the analysis catches what the service would reject (so a clean result means something)', () => {
    assert.equal(analyseKql('AADProvisioningLogs | where Foo contains "x"')[0]?.code, 'KS142');
    assert.ok(analyseKql('AADProvisioningLogs | where ResultType = "Failure"').length > 0);
    assert.ok(analyseKql(`${filterToKql({ status: ['failure'] })} |`).length > 0);
  });

  it('hostile filter text stays one string literal: the token structure is that of a plain value', () => {
    for (const key of TEXT_FILTER_KEYS) {
      const plain = kqlTokens(filterToKql({ [key]: 'plain' }));
      for (const text of HOSTILE) {
        const query = filterToKql({ [key]: text });
        assert.deepEqual(analyseKql(query), [], query);
        const tokens = kqlTokens(query);
        assert.deepEqual(tokens.map((t) => t.kind), plain.map((t) => t.kind), `${key}: ${JSON.stringify(text)}`);
        // Every literal that differs from the plain query's holds exactly the filter text (trimmed as the viewer does).
        const changed = tokens.filter((t, i) => t.kind === 'StringLiteralToken' && t.text !== plain[i]!.text);
        assert.ok(changed.length > 0);
        for (const t of changed) assert.equal(literalValue(t.text), text.trim());
      }
    }
  });

  it('identity types and statuses are literals too, compared the way the viewer compares them', () => {
    const query = filterToKql({ identityType: ['User"|x'], status: ['failure'], action: ['stagedDelete'] });
    assert.deepEqual(analyseKql(query), []);
    assert.ok(query.includes(`in (${kqlString('user"|x')})`));
    assert.ok(query.includes('in ("failure")'));
    assert.ok(query.includes('in ("stagedDelete")'));
  });

  it('time bounds: since inclusive, until inclusive to the millisecond, windows from now or from the newest event', () => {
    const q = filterToKql({ since: Date.UTC(2024, 0, 1), until: Date.UTC(2024, 0, 2) });
    assert.match(q, /TimeGenerated >= datetime\(2024-01-01T00:00:00\.000Z\) and TimeGenerated < datetime\(2024-01-02T00:00:00\.001Z\)/);
    assert.match(filterToKql({ window: '24h', windowFrom: 'now' }), /TimeGenerated >= ago\(1d\) and TimeGenerated <= now\(\)/);
    assert.match(filterToKql({ window: '7d' }, { newest: NEWEST }), /TimeGenerated >= datetime\(2024-04-24T12:00:00\.000Z\)/);
    assert.match(filterToKql({ window: '7d' }), /let provlog_newest = toscalar/);
    assert.doesNotMatch(filterToKql({ since: 1, window: '7d' }, { omitTime: true }), /TimeGenerated/);
  });

  it('an empty filter is the bare table; whitespace-only and NUL-only text filters filter nothing', () => {
    assert.equal(filterToKql({}), 'AADProvisioningLogs');
    assert.equal(filterToKql({ identity: '   ', text: '\u0000' }), 'AADProvisioningLogs');
  });

  it('only the helper functions a query uses are defined, each once, before use', () => {
    const q = filterToKql({ changesOnly: true, status: ['failure'] });
    const lets = q.split('\n').filter((l) => l.startsWith('let '));
    const names = lets.map((l) => /^let (\w+)/.exec(l)![1]!);
    assert.equal(new Set(names).size, names.length);
    assert.ok(names.includes('provlog_exported'));
    assert.ok(!names.includes('provlog_identityName'));
    assert.ok(names.indexOf('provlog_enumStatus') < names.indexOf('provlog_status'));
  });
});
