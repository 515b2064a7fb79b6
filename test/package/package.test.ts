// The README's install path, proven: `npm run package` builds the .vsix, which holds the extension's
// bundles and nothing a user does not need (tests, source maps, fixtures, sources), and stays small.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../harness/repoPaths';
import { type ZipEntry, zipEntries } from './zipEntries';

const VSIX = join(repoRoot, 'entra-provisioning-logs.vsix');
const MAX_BYTES = 1024 * 1024;

describe('package (npm run package)', function () {
  let entries: ZipEntry[] = [];
  let output = '';

  before(function () {
    this.timeout(300_000);
    rmSync(VSIX, { force: true });
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const r = spawnSync(npm, ['run', 'package'], { cwd: repoRoot, encoding: 'utf8' });
    output = `${r.stdout ?? ''}${r.stderr ?? ''}`;
    assert.equal(r.status, 0, `npm run package failed:\n${output}`);
    assert.ok(existsSync(VSIX), `npm run package did not write ${VSIX}:\n${output}`);
    entries = zipEntries(VSIX);
  });

  it('builds the .vsix the README installs, under 1 MB', function () {
    const bytes = statSync(VSIX).size;
    console.log(`      entra-provisioning-logs.vsix: ${(bytes / 1024).toFixed(1)} KB, ${entries.length} files`);
    assert.ok(bytes < MAX_BYTES, `the package is ${bytes} bytes, over ${MAX_BYTES}`);
  });

  it('holds the extension, its worker, both pages and the manifest', function () {
    const names = new Set(entries.map((e) => e.name));
    for (const needed of [
      'extension/package.json',
      'extension/readme.md',
      'extension/dist/extension.js',
      'extension/dist/loadWorker.js',
      'extension/dist/webview/viewer.js',
      'extension/dist/webview/viewer.css',
      'extension/dist/webview/detail.js',
      'extension/dist/webview/detail.css',
      'extension/dist/webview/codicon.ttf',
      'extension/media/provlog.svg',
    ]) {
      assert.ok(names.has(needed), `${needed} is missing from the package`);
    }
  });

  it('holds no tests, source maps, fixtures, sources or screenshots', function () {
    const unwanted = entries
      .map((e) => e.name)
      .filter((n) => /\.map$|\.tsx?$|(^|\/)(test|out|src|node_modules|fixtures|samples|docs|\.host)\//.test(n));
    assert.deepEqual(unwanted, [], `the package holds files a user does not need: ${unwanted.join(', ')}`);
  });
});
