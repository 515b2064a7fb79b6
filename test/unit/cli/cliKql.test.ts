import { strict as assert } from 'node:assert';
import { analyseKql } from '../../emulators/kustoAnalyzer';
import { cli } from './cliHarness';

describe('provlog kql', function () {
  this.timeout(30_000);

  it('prints the filters as a query the Kusto language service accepts', async () => {
    const r = await cli(['kql', '--status', 'failure,warning', '--since', '7d', '--relative-to', 'now', '--identity', 'a"|b', '--changes-only', '--action', 'create']);
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(analyseKql(r.stdout), []);
    assert.match(r.stdout, /TimeGenerated >= ago\(7d\)/);
    assert.match(r.stdout, /in \("failure", "warning"\)/);
    assert.match(r.stdout, /contains "a\\"\|b"/);
  });

  it('keeps relative bounds relative to the newest event by default, and absolute ones absolute', async () => {
    const r = await cli(['kql', '--since', '30d', '--until', '2026-03-01']);
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(analyseKql(r.stdout), []);
    assert.match(r.stdout, /let provlog_newest = toscalar/);
    assert.match(r.stdout, /TimeGenerated >= provlog_newest - 30d/);
    // A bare --until date includes that day, to its last millisecond.
    assert.match(r.stdout, /TimeGenerated < datetime\(2026-03-02T00:00:00\.000Z\)/);
  });

  it('reads no file, and has help', async () => {
    const r = await cli(['kql', 'x.json']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /kql reads no file/);
    const help = await cli(['help', 'kql']);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /^Usage: provlog kql/);
  });
});
