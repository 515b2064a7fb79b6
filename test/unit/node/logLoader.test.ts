// The loader the viewer and the benchmark share: a real load worker (dist/loadWorker.js), real threads.
import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import type { LogData } from '../../../src/core/model/logData';
import { readLog } from '../../../src/core/read/readLog';
import { LogLoader, type Cancellation } from '../../../src/node/logLoader';
import { generateRecords } from '../../fixtures/generator/records';
import { portalJson } from '../../fixtures/generator/writers';
import { repoRoot } from '../../harness/repoPaths';
import { enc, shared } from '../helpers';

const WORKER = join(repoRoot, 'dist', 'loadWorker.js');
const records = generateRecords({ seed: 7, count: 300 });
const text = portalJson(records);

/** A token that can be cancelled by hand, shaped as VS Code's. */
function token(): Cancellation & { cancel(): void } {
  const listeners: (() => void)[] = [];
  const t = {
    isCancellationRequested: false,
    onCancellationRequested(l: () => void) {
      listeners.push(l);
      return { dispose: () => listeners.splice(listeners.indexOf(l), 1) };
    },
    cancel() {
      t.isCancellationRequested = true;
      for (const l of [...listeners]) l();
    },
  };
  return t;
}

const comparable = (log: LogData): unknown => ({ format: log.format, problems: log.problems, store: log.store.toData() });

describe('log loader (load worker and helper threads)', function () {
  this.timeout(30_000);

  it('reads a log in its worker and hands back what one pass reads, its bytes still usable here', async () => {
    const bytes = enc.encode(text);
    const truth = readLog([{ name: 'ProvisioningLogs.json', bytes: bytes.slice() }]);
    const r = await new LogLoader(WORKER).load([{ name: 'ProvisioningLogs.json', bytes }]);
    assert.equal(r.kind, 'loaded');
    if (r.kind !== 'loaded') return;
    // The worker's end after its answer is expected: not "the reader stopped unexpectedly".
    assert.deepEqual(comparable(r.model.data), comparable(truth));
    assert.equal(r.ranges, 1);
    assert.equal(new TextDecoder().decode(r.model.data.files[0]!.bytes), text);
  });

  it('splits a file in shared memory among helper threads when asked, with the same result', async () => {
    const bytes = shared(enc.encode(text));
    const loader = new LogLoader(WORKER);
    loader.minRangeBytes = 64 << 10;
    const r = await loader.load([{ name: 'ProvisioningLogs.json', bytes }], { threads: 3 });
    assert.equal(r.kind, 'loaded');
    if (r.kind !== 'loaded') return;
    assert.ok(r.ranges >= 3, `read in ${r.ranges} range(s)`);
    assert.deepEqual(comparable(r.model.data), comparable(readLog([{ name: 'ProvisioningLogs.json', bytes }])));
    assert.ok(r.model.data.files[0]!.bytes.buffer instanceof SharedArrayBuffer, 'the bytes were shared, not copied');
  });

  it('answers "cancelled" when cancelled before or while it reads', async () => {
    const before = token();
    before.cancel();
    assert.equal((await new LogLoader(WORKER).load([{ name: 'a.json', bytes: enc.encode(text) }], { token: before })).kind, 'cancelled');
    const during = token();
    const pending = new LogLoader(WORKER).load([{ name: 'a.json', bytes: enc.encode(text) }], { token: during });
    during.cancel();
    assert.equal((await pending).kind, 'cancelled');
  });

  it('turns a reader that cannot start into a problem in the result, never a throw', async () => {
    const r = await new LogLoader(join(repoRoot, 'dist', 'no-such-worker.js')).load([{ name: 'a.json', bytes: enc.encode(text) }]);
    assert.equal(r.kind, 'loaded');
    if (r.kind !== 'loaded') return;
    assert.equal(r.model.data.problems[0]?.code, 'readerFailed');
    assert.equal(r.model.data.store.size, 0);
  });
});
