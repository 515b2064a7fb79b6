import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cliTokenSource } from '../../../src/cli/token';
import { JsonLinesFile } from '../../../src/node/jsonLinesFile';

describe('CLI token source', () => {
  it('takes PROVLOG_TOKEN, and refuses to hand the same one out after a 401', async () => {
    const src = cliTokenSource({ env: { PROVLOG_TOKEN: ' abc.def.ghi \n' } });
    assert.equal((await src.token({ forceNew: false })).reveal(), 'abc.def.ghi');
    await assert.rejects(src.token({ forceNew: true }), /was refused/);
  });

  it('runs the token command again when a new token is needed', async () => {
    let runs = 0;
    const src = cliTokenSource({ env: {}, tokenCommand: 'get-token', runCommand: async () => `tok-${++runs}\n` });
    assert.equal((await src.token({ forceNew: false })).reveal(), 'tok-1');
    assert.equal((await src.token({ forceNew: false })).reveal(), 'tok-1');
    assert.equal((await src.token({ forceNew: true })).reveal(), 'tok-2');
  });

  it('runs a real shell command, and explains a failing one without echoing its output', async () => {
    const good = cliTokenSource({ env: {}, tokenCommand: 'printf "%s" tok-from-shell' });
    assert.equal((await good.token({ forceNew: false })).reveal(), 'tok-from-shell');
    const bad = cliTokenSource({ env: {}, tokenCommand: 'echo leaked-token-value; echo "please az login" >&2; exit 3' });
    await assert.rejects(bad.token({ forceNew: false }), (e: Error) => /token command failed: please az login/.test(e.message) && !e.message.includes('leaked-token-value'));
    const noisy = cliTokenSource({ env: {}, tokenCommand: 'echo two words' });
    await assert.rejects(noisy.token({ forceNew: false }), /alone on standard output/);
  });

  it('says where a token can come from when there is none', async () => {
    await assert.rejects(cliTokenSource({ env: {} }).token({ forceNew: false }), /set PROVLOG_TOKEN or pass --token-command/);
  });
});

describe('JsonLinesFile', () => {
  it('creates a user-only file, writes whole lines, and appends on resume', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'provlog-jsonl-'));
    try {
      const path = join(dir, 'out.jsonl');
      const f = await JsonLinesFile.open(path, { append: false });
      await f.appendLines(['{"id":"1"}', '{"id":"2"}']);
      await f.close();
      assert.equal(statSync(path).mode & 0o777, 0o600);
      const g = await JsonLinesFile.open(path, { append: true });
      assert.equal(g.bytesWritten, 22);
      await g.appendLines(['{"id":"3"}']);
      await assert.rejects(g.appendLines(['{"a":\n1}']), /one line/);
      await g.close();
      assert.equal(readFileSync(path, 'utf8'), '{"id":"1"}\n{"id":"2"}\n{"id":"3"}\n');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
