import { strict as assert } from 'node:assert';
import { cli } from './cliHarness';

describe('provlog fetch (dispatch)', () => {
  it('needs a source, and names the known ones for an unknown one', async () => {
    const none = await cli(['fetch']);
    assert.equal(none.code, 2);
    assert.match(none.stderr, /"fetch" needs a source/);
    const unknown = await cli(['fetch', 'ftp', '-o', 'x.jsonl']);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /Unknown source "ftp"; sources: /);
    assert.match(unknown.stderr, /provlog help fetch/);
  });

  it('has help of its own, listed in the general help', async () => {
    const help = await cli(['help', 'fetch']);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /^Usage: provlog fetch SOURCE/);
    const general = await cli(['--help']);
    assert.match(general.stdout, /\n {2}fetch {5}pull logs/);
  });
});
