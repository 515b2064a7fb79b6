/**
 * The parallel reader in the benchmark: load+index with every core against one JSON.parse of the
 * same bytes, timed in alternation in the same run. Threads are started inside the timed part (a
 * first load pays for them; the CLI and the viewer start them while the file is still being read).
 */
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { EventIndex } from '../../src/core/index/eventIndex';
import { readLogParallel } from '../../src/core/read/readParallel';
import { readShared } from '../../src/node/readShared';
import { WorkerRangeRunner, workerCount } from '../../src/node/rangeWorkers';
import type { BenchInputs } from './inputs';
import { mbText, timePairAsync } from './measure';
import type { Row } from './report';

const k = (count: number): string => (count >= 1000 ? `${count / 1000}k` : String(count));

/** The helper script bundled next to the benchmark (out/bench/rangeWorker.js). */
export const benchWorkerScript = (): string => join(__dirname, 'rangeWorker.js');

export async function loadParallel(inputs: BenchInputs, count: number, runs: number, target: number): Promise<Row> {
  const path = inputs.jsonInput(count).path;
  const bytes = await readShared(path);
  const workers = workerCount();
  let ranges = 0;
  const ours = async (): Promise<unknown> => {
    const runner = new WorkerRangeRunner(benchWorkerScript());
    try {
      const r = await readLogParallel([{ name: path, bytes }], { workers, runner });
      ranges = r.ranges;
      return new EventIndex(r.log.store);
    } finally {
      runner.dispose();
    }
  };
  const [o, b] = await timePairAsync(ours, () => JSON.parse(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8')) as unknown, runs, count <= 20_000 ? 2 : 0, count > 20_000);
  return {
    measure: `load+index ${k(count)} (${mbText(bytes.length)}), ${workers} threads`,
    unit: 'ms', value: o.median, baseline: b.median, baselineLabel: 'JSON.parse', target: { kind: 'ratio', max: target }, runs,
    note: `${availableParallelism()} cores; read in ${ranges} range(s), thread start-up included`,
  };
}
