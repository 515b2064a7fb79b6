/**
 * Runs the CLI in-process for tests: the real file system in a temp folder, stdout and stderr
 * captured in memory, a fixed clock. Also the expectations tests compute straight from generated
 * records, independently of the readers.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MemorySink, type CliIo } from '../../../src/cli/io';
import { nodeFileSystem } from '../../../src/cli/nodeIo';
import { run } from '../../../src/cli/run';
import type { GraphRecord } from '../../fixtures/generator/records';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** The generator's newest events are shortly before 2026-03-02T14:00Z; "now" is 22 hours later. */
export const NOW = Date.UTC(2026, 2, 3, 12, 0, 0);

export async function cli(args: readonly string[], options: { stderrTTY?: boolean } = {}): Promise<CliResult> {
  const stdout = new MemorySink();
  const stderr = new MemorySink(options.stderrTTY ?? false);
  const io: CliIo = { stdout, stderr, fs: nodeFileSystem, now: () => NOW };
  const code = await run(args, io);
  return { code, stdout: stdout.text, stderr: stderr.text };
}

/** A temp folder per suite; `file()` writes into it and returns the path. */
export class TempFolder {
  readonly dir = mkdtempSync(join(tmpdir(), 'provlog-cli-'));

  file(name: string, content: string | Uint8Array): string {
    const path = join(this.dir, name);
    writeFileSync(path, content);
    return path;
  }

  path(name: string): string {
    return join(this.dir, name);
  }

  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

type Obj = Record<string, unknown>;

/** Plain views of a generated record, for expectations. */
export const rec = {
  status: (r: GraphRecord): string => String((r['provisioningStatusInfo'] as Obj)['status']),
  action: (r: GraphRecord): string => String(r['provisioningAction']),
  errorCode: (r: GraphRecord): string => String(((r['provisioningStatusInfo'] as Obj)['errorInformation'] as Obj | null)?.['errorCode'] ?? ''),
  sourceName: (r: GraphRecord): string => String((r['sourceIdentity'] as Obj)['displayName']),
  sourceType: (r: GraphRecord): string => String((r['sourceIdentity'] as Obj)['identityType']),
  sourceSystem: (r: GraphRecord): string => String((r['sourceSystem'] as Obj)['displayName']),
  targetSystem: (r: GraphRecord): string => String((r['targetSystem'] as Obj)['displayName']),
  application: (r: GraphRecord): string => String((r['servicePrincipal'] as Obj)['displayName']),
  time: (r: GraphRecord): number => Date.parse(String(r['activityDateTime'])),
  str: (r: GraphRecord, key: string): string => String(r[key]),
};

/** Distinct values in first-seen order. */
export function unique(values: Iterable<string>): string[] {
  return [...new Set([...values].filter((v) => v !== ''))];
}

export function ids(records: readonly GraphRecord[]): string[] {
  return records.map((r) => String(r['id']));
}

/** The ids as `provlog list` orders them without --sort: newest first, ties in file order (the viewer's order). */
export function listOrder(records: readonly GraphRecord[]): string[] {
  return ids(records.map((x, k) => ({ x, k })).sort((a, b) => rec.time(b.x) - rec.time(a.x) || a.k - b.k).map((a) => a.x));
}

/** Parses stdout as JSON, with the output in the message when it is not JSON. */
export function json<T = unknown>(r: CliResult): T {
  try {
    return JSON.parse(r.stdout) as T;
  } catch {
    throw new Error(`stdout is not JSON (exit ${r.code}):\n${r.stdout.slice(0, 500)}\nstderr:\n${r.stderr.slice(0, 500)}`);
  }
}
