/**
 * Peak memory of load+index, measured in a fresh child process (the parent's heap is full of
 * generator objects and earlier runs): the child's high-water mark of resident memory after
 * reading, minus its high-water mark before, compared with the file's size. The file's own bytes
 * are part of it: LogData keeps them, so events can be shown as written.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { EventIndex } from '../../src/core/index/eventIndex';
import { readLog } from '../../src/core/read/readLog';
import { collect, highWaterMark, mbText } from './measure';
import type { Row } from './report';

export const CHILD_FLAG = '--child-memory';

interface ChildReport {
  baseline: number;
  peak: number;
  size: number;
  events: number;
  source: string;
}

/** The child's side: load+index one file, print what it cost as one JSON line. */
export function childMain(path: string): void {
  collect();
  const before = highWaterMark();
  const bytes = readFileSync(path);
  const log = readLog([{ name: path, bytes }]);
  const index = new EventIndex(log.store);
  const after = highWaterMark();
  const report: ChildReport = { baseline: before.bytes, peak: after.bytes, size: bytes.length, events: index.store.size, source: after.source };
  process.stdout.write(JSON.stringify(report) + '\n');
}

/** Runs the child (this same bundle) on the file; one run: a high-water mark needs a fresh process. */
export function peakMemory(path: string, label: string): Row {
  const measure = `peak memory load+index ${label}`;
  const r = spawnSync(process.execPath, ['--expose-gc', process.argv[1]!, CHILD_FLAG, path], { encoding: 'utf8', maxBuffer: 1 << 20 });
  let report: ChildReport;
  try {
    report = JSON.parse(r.stdout.trim().split('\n').pop() ?? '') as ChildReport;
  } catch {
    return { measure, unit: 'bytes', value: null, baseline: null, baselineLabel: '', target: null, runs: 0, note: `the child failed: ${r.stderr.trim().split('\n')[0] ?? r.status}` };
  }
  return {
    measure,
    unit: 'bytes',
    value: report.peak - report.baseline,
    baseline: report.size,
    baselineLabel: 'file size',
    target: { kind: 'ratio', max: 2.5 },
    runs: 1,
    note: `${report.source} of a fresh process, minus its ${mbText(report.baseline)} at start; ${report.events} events`,
  };
}
