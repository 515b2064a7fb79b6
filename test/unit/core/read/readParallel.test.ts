import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import type { LogData } from '../../../../src/core/model/logData';
import { readHere, readLogParallel, type RangeRunner } from '../../../../src/core/read/readParallel';
import { readLog } from '../../../../src/core/read/readLog';
import { WorkerRangeRunner } from '../../../../src/node/rangeWorkers';
import { powershellJson } from '../../../fixtures/generator/powershellWriter';
import { generateRecords, type GraphRecord } from '../../../fixtures/generator/records';
import { portalCsvTrio } from '../../../fixtures/generator/portalCsvWriter';
import { hostileRecords } from '../../../fixtures/generator/hostile';
import {
  diagnosticJsonLines,
  diagnosticRecords,
  graphPage,
  jsonLines,
  legacyPage,
  logAnalyticsCsv,
  logAnalyticsJson,
  portalJson,
} from '../../../fixtures/generator/writers';
import { repoRoot } from '../../../harness/repoPaths';
import { enc, shared } from '../../helpers';

/** Everything a reader produces, in comparable form (the store's columns and strings included). */
function snapshot(log: LogData): unknown {
  return {
    format: log.format,
    formatDetail: log.formatDetail,
    problems: log.problems,
    nextLink: log.nextLink,
    csv: log.csv,
    files: log.files.map((f) => ({ ...f, bytes: Buffer.from(f.bytes).toString('base64') })),
    store: log.store.toData(),
  };
}

/** Helpers on this thread: the same range reading the worker threads do, without their start-up. */
const inProcess: RangeRunner = {
  read: (bytes, jobs, onProgress) => jobs.map((job, k) => Promise.resolve(readHere(bytes, job, (d) => onProgress(k, d)))),
  stop: () => undefined,
};

const records = generateRecords({ seed: 15, count: 120 });

/** Every JSON shape the readers know, and CSV (which always stays on one thread). */
const FORMATS: readonly [name: string, text: () => string, splits: boolean][] = [
  ['portal download', () => portalJson(records), true],
  ['JSON Lines', () => jsonLines(records), true],
  ['diagnostic JSON Lines without repeats', () => diagnosticJsonLines(records, 0), true],
  ['diagnostic JSON Lines with repeats', () => diagnosticJsonLines(records), false],
  ['PowerShell ConvertTo-Json (indented array)', () => powershellJson(records, { depth: 6 }), true],
  ['PowerShell at depth 2 (flattened values)', () => powershellJson(records), false],
  ['Log Analytics JSON', () => logAnalyticsJson(records), true],
  ['Graph page', () => graphPage(records, 'v1.0', 'https://graph.microsoft.com/v1.0/auditLogs/provisioning?$skiptoken=x'), false],
  ['legacy page', () => legacyPage(records), false],
  ['diagnostic records envelope', () => diagnosticRecords(records), false],
  ['Log Analytics CSV', () => logAnalyticsCsv(records), false],
  ['hostile names', () => portalJson([...hostileRecords(), ...records]), true],
];

async function compare(text: string | Uint8Array, runner: RangeRunner, name = 'log.json'): Promise<number[]> {
  const bytes = shared(typeof text === 'string' ? enc.encode(text) : text);
  const one = snapshot(readLog([{ name, bytes }]));
  const ranges: number[] = [];
  for (const workers of [1, 2, 4]) {
    const r = await readLogParallel([{ name, bytes }], { workers, runner, minRangeBytes: 1, pieceBytes: 20_000 });
    assert.deepEqual(snapshot(r.log), one, `${workers} workers`);
    ranges.push(r.ranges);
  }
  return ranges;
}

describe('parallel reading', () => {
  for (const [name, text, splits] of FORMATS) {
    it(`${name}: the store of 1, 2 and 4 threads is the single reader's${splits ? '' : ' (read on one thread)'}`, async () => {
      const ranges = await compare(text(), inProcess);
      assert.equal(ranges[0], 1);
      if (splits) assert.ok(ranges[1]! >= 2 && ranges[2]! >= 3, `split into ${ranges.join(', ')} ranges`);
      else assert.deepEqual(ranges, [1, 1, 1]);
    });
  }

  it('portal CSV trio: read on one thread, same result', async () => {
    const trio = portalCsvTrio(records);
    const files = [
      { name: 'ProvisioningLogs.csv', bytes: shared(enc.encode(trio.main)) },
      { name: 'ProvisioningLogs_ProvisioningSteps.csv', bytes: shared(enc.encode(trio.steps)) },
    ];
    const r = await readLogParallel(files, { workers: 4, runner: inProcess, minRangeBytes: 1 });
    assert.equal(r.ranges, 1);
    assert.deepEqual(snapshot(r.log), snapshot(readLog(files)));
  });

  it('a seam that only looks like one (inside a string or a nested array) is caught: same result', async () => {
    // Strings holding `},{"id":` and nested arrays whose objects start with "id" too.
    const tricky = records.map((r, k): GraphRecord => ({
      ...r,
      sourceIdentity: { ...(r['sourceIdentity'] as object), displayName: `a"},{"id":"x${k}"` },
      modifiedProperties: [{ id: 'p1', displayName: 'mail' }, { id: 'p2', displayName: 'upn' }],
      details: `[{"id":1},{"id":2}]`,
    }));
    const text = portalJson(tricky);
    for (const parts of [2, 3, 5, 8, 13]) {
      const bytes = shared(enc.encode(text));
      const r = await readLogParallel([{ name: 'log.json', bytes }], { workers: parts, runner: inProcess, minRangeBytes: 1, pieceBytes: 5000 });
      assert.deepEqual(snapshot(r.log), snapshot(readLog([{ name: 'log.json', bytes }])), `${parts} parts`);
    }
  });

  it('damage, a repeated id across ranges, blank lines and a UTF-8 BOM: same result as one thread', async () => {
    const lines = jsonLines(records).split('\n');
    const damaged = [...lines.slice(0, 60), '{"id": "broken", "changeId": ', ...lines.slice(60)].join('\n');
    const repeated = [...lines, lines[2]!].join('\n');
    const blank = lines.join('\n\n\r\n');
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...enc.encode(portalJson(records))]);
    const cut = portalJson(records).slice(0, -2000);
    assert.deepEqual(await compare(damaged, inProcess), [1, 1, 1]);
    assert.deepEqual(await compare(repeated, inProcess), [1, 1, 1]);
    assert.deepEqual(await compare(cut, inProcess), [1, 1, 1]);
    assert.ok((await compare(blank, inProcess))[2]! > 1);
    assert.ok((await compare(bom, inProcess))[2]! > 1);
  });

  it('bytes outside shared memory are read on one thread', async () => {
    const bytes = enc.encode(portalJson(records));
    const r = await readLogParallel([{ name: 'log.json', bytes }], { workers: 4, runner: inProcess, minRangeBytes: 1 });
    assert.equal(r.ranges, 1);
    assert.deepEqual(snapshot(r.log), snapshot(readLog([{ name: 'log.json', bytes }])));
  });

  describe('with worker threads', () => {
    let runner: WorkerRangeRunner;
    before(() => (runner = new WorkerRangeRunner(join(repoRoot, 'dist', 'rangeWorker.js'))));
    after(() => runner.dispose());

    for (const [name, text, splits] of FORMATS.filter(([, , s]) => s)) {
      it(`${name}: 1, 2 and 4 threads give the single reader's store`, async () => {
        const ranges = await compare(text(), runner);
        assert.ok(splits && ranges[2]! >= 3, `split into ${ranges.join(', ')} ranges`);
      });
    }

    it('a helper that cannot start leaves the file to this thread', async () => {
      const broken = new WorkerRangeRunner(join(repoRoot, 'dist', 'no-such-worker.js'));
      try {
        const bytes = shared(enc.encode(portalJson(records)));
        const r = await readLogParallel([{ name: 'log.json', bytes }], { workers: 3, runner: broken, minRangeBytes: 1 });
        assert.equal(r.ranges, 1);
        assert.equal(r.log.store.size, records.length);
      } finally {
        broken.dispose();
      }
    });
  });
});
