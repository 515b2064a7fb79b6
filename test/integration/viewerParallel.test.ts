// A download big enough to be read on several threads, opened in the viewer in the real VS Code: the
// local file is read in chunks into shared memory, the load worker splits it among helper threads,
// and the model the viewer shows is exactly what one thread reads from the same bytes.
import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { readLog } from '../../src/core/read/readLog';
import { VIEW_TYPE } from '../../src/vscode/viewer/viewType';
import { repoRoot } from '../harness/repoPaths';
import { closeAll, postedSince, probe, services, until } from './viewerHelpers';

/**
 * About 11 MB. A second thread takes part from 2 × 32 MB; the test lowers that to 2 × 2 MB through the
 * loader rather than paint a 73 MB log, which kept the workbench's renderer busy for the next suites.
 */
const COUNT = 4_000;
const MIN_RANGE_BYTES = 2 << 20;

function generate(path: string): Promise<void> {
  const script = join(repoRoot, 'out', 'test', 'integration', 'viewerBigFile.js');
  return new Promise((resolve, reject) => execFile(process.execPath, [script, path, String(COUNT)], (err) => (err ? reject(err) : resolve())));
}

describe('viewer: a large download read on several threads', function () {
  this.timeout(300_000);
  const dir = mkdtempSync(join(tmpdir(), 'provlog-viewer-parallel-'));
  const settings = (): vscode.WorkspaceConfiguration => vscode.workspace.getConfiguration('provlog');
  after(async () => {
    await closeAll();
    await settings().update('load.threads', undefined, vscode.ConfigurationTarget.Global);
    (await services()).loader.minRangeBytes = undefined;
    rmSync(dir, { recursive: true, force: true });
  });

  it('shows the same model as one thread reads, from bytes shared rather than copied', async () => {
    const path = join(dir, 'ProvisioningLogs_parallel.json');
    await generate(path);
    await settings().update('load.threads', 2, vscode.ConfigurationTarget.Global);
    const p = await probe();
    const { registry, loader } = await services();
    loader.minRangeBytes = MIN_RANGE_BYTES;
    const uri = vscode.Uri.file(path);
    const since = Date.now();
    await vscode.commands.executeCommand('vscode.openWith', uri, VIEW_TYPE);
    await until('every event read', () => {
      const init = postedSince(p, uri, 'init', since);
      return init && init.preview === undefined && init.header.events === COUNT;
    }, 240_000);
    const marks = p.entry(uri.toString())!.marks.map((m) => m.message);
    const ranges = Number(/read in (\d+) range/.exec(marks.join('\n'))?.[1] ?? 0);
    assert.ok(ranges >= 2, `read in ${ranges} range(s): ${marks.join('; ')}`);

    const shown = registry.getFrom(uri, 'viewer')!.model.data;
    const truth = readLog([{ name: 'ProvisioningLogs_parallel.json', bytes: readFileSync(path) }]);
    assert.equal(shown.format, truth.format);
    assert.deepEqual(shown.problems, truth.problems);
    assert.equal(shown.store.size, COUNT);
    assert.deepEqual(shown.store.toData(), truth.store.toData());
    assert.ok(shown.files[0]!.bytes.buffer instanceof SharedArrayBuffer, 'the bytes stay in shared memory');
  });
});
