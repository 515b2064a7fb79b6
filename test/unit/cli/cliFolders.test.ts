/**
 * The CLI on a storage account's diagnostic export as downloaded (a folder tree of hourly
 * PT1H.json blobs with other files beside them), and a closed pipe.
 */
import { strict as assert } from 'node:assert';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MemorySink, type CliIo, type OutputSink } from '../../../src/cli/io';
import { nodeFileSystem } from '../../../src/cli/nodeIo';
import { run } from '../../../src/cli/run';
import { cli, json, TempFolder } from './cliHarness';
import { diagnosticRecord, docsPage, docsRecord, failedOverrides, lines } from '../../fixtures/realShapes';

const tmp = new TempFolder();
after(() => tmp.remove());

/** `insights-logs-provisioninglogs/resourceId=/tenants/T/providers/Microsoft.aadiam/y=/m=/d=/h=/m=00/PT1H.json` */
function blob(root: string, hour: number, text: string): string {
  const dir = join(root, 'insights-logs-provisioninglogs', 'resourceId=', 'tenants', '0d9e7c41', 'providers', 'Microsoft.aadiam', 'y=2026', 'm=03', 'd=07', `h=${String(hour).padStart(2, '0')}`, 'm=00');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, 'PT1H.json');
  writeFileSync(path, text);
  return path;
}

describe('CLI: a storage account export folder as one log', () => {
  const root = tmp.path('export');
  let h14 = '';
  before(() => {
    blob(root, 9, lines([diagnosticRecord('e1')]));
    // Hour 14 re-delivers e1 (same content) and holds a failure.
    h14 = blob(root, 14, lines([diagnosticRecord('e2', failedOverrides(), { resultType: 'Failure' }), diagnosticRecord('e1')]));
    blob(root, 10, lines([diagnosticRecord('e3'), diagnosticRecord('e4')]));
    writeFileSync(join(root, 'README.txt'), 'Downloaded with azcopy.\n');
    writeFileSync(join(root, 'insights-logs-provisioninglogs', '.DS_Store'), new Uint8Array([0, 0, 0, 1, 66, 117, 100, 49, 0, 0]));
  });

  it('summary reads every blob under the folder, recursively, counts re-deliveries once and notes the skipped files', async () => {
    const r = await cli(['summary', '--json', root]);
    assert.equal(r.code, 0, r.stderr);
    const s = json<{ events: number; problems: { message: string }[] }>(r);
    assert.equal(s.events, 4);
    const skipped = s.problems.filter((p) => /skipped:/.test(p.message));
    assert.equal(skipped.length, 1);
    assert.match(skipped[0]!.message, /^2 files were skipped: .*\.DS_Store \(not text\), .*README\.txt \(not a provisioning log\)\.$/);
    const dup = s.problems.filter((p) => /repeats/.test(p.message));
    assert.equal(dup.length, 1);
    assert.match(dup[0]!.message, /^1 record repeats .*\(Azure Monitor delivers a record more than once now and then\)/);
    const text = await cli(['summary', root]);
    assert.match(text.stdout, /^Format: {4}Azure Monitor diagnostic export \(JSON Lines\)$/m);
  });

  it('list reads the blobs in time order; errors names the blob of each failure', async () => {
    const list = await cli(['list', '--json', '--sort', 'time:asc', root]);
    assert.equal(list.code, 0, list.stderr);
    assert.deepEqual(json<{ id: string }[]>(list).map((e) => e.id).sort(), ['e1', 'e2', 'e3', 'e4']);
    const errors = await cli(['errors', root]);
    assert.equal(errors.code, 0, errors.stderr);
    assert.equal(errors.stdout.trim().split('\n').length, 1);
    assert.ok(errors.stdout.startsWith(`${h14}:1:`), errors.stdout);
  });

  it('export writes the events of the whole folder', async () => {
    const out = tmp.path('folder-export.json');
    const r = await cli(['export', root, '--format', 'json', '-o', out]);
    assert.equal(r.code, 0, r.stderr);
    const again = await cli(['list', '--json', out]);
    assert.equal(json<unknown[]>(again).length, 4);
  });

  it('a folder without logs gets one sentence and exit 3', async () => {
    const empty = tmp.path('no-logs');
    mkdirSync(empty);
    writeFileSync(join(empty, 'settings.json'), '{"value": [{"name": "x"}]}');
    const r = await cli(['summary', empty]);
    assert.equal(r.code, 3);
    assert.match(r.stdout, /^Format: {4}Not a provisioning log$/m);
    assert.match(r.stdout, /None of the file is a provisioning log: .*settings\.json \(not a provisioning log\)\./);
  });
});

describe('CLI: a closed pipe', () => {
  it('prettify into a pipe whose reader went away ends quietly, without blaming the input', async () => {
    const file = tmp.file('page.json', docsPage(Array.from({ length: 200 }, (_, i) => docsRecord(`r${i}`))));
    let writes = 0;
    const closed: OutputSink = {
      isTTY: false,
      write() {
        if (writes++ > 0) throw Object.assign(new Error('write EPIPE'), { code: 'EPIPE' });
      },
    };
    const stderr = new MemorySink();
    const io: CliIo = { stdout: closed, stderr, fs: { ...nodeFileSystem, readChunks: (p) => smallChunks(p) }, now: () => 0 };
    const code = await run(['prettify', file], io);
    assert.equal(stderr.text, '');
    assert.equal(code, 0);
    assert.ok(writes >= 2, 'the pipe closed after the first write');
  });
});

/** The file in 4 KB chunks, so that output starts before the input ends. */
async function* smallChunks(path: string): AsyncIterable<Uint8Array> {
  for await (const chunk of nodeFileSystem.readChunks(path)) {
    for (let at = 0; at < chunk.length; at += 4096) yield chunk.subarray(at, at + 4096);
  }
}
