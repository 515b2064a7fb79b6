/** Small helpers shared by unit tests: reading text or bytes as a log. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { LogData } from '../../src/core/model/logData';
import { readLog } from '../../src/core/read/readLog';

export const enc = new TextEncoder();

/** The bytes as the CLI and the viewer hold them: in shared memory, so helper threads can read them. */
export function shared(bytes: Uint8Array): Uint8Array {
  const out = new Uint8Array(new SharedArrayBuffer(bytes.length));
  out.set(bytes);
  return out;
}

export function readText(text: string, name = 'log.json'): LogData {
  return readLog([{ name, bytes: enc.encode(text) }]);
}

export function readBytes(bytes: Uint8Array, name = 'log.json'): LogData {
  return readLog([{ name, bytes }]);
}

export function problemCodes(log: LogData): string[] {
  return log.problems.map((p) => p.code ?? '?');
}

/**
 * The repository's root: the nearest folder above `from` that holds package.json. Tests are bundled
 * into out/test/unit/<mirrored folders>, so a fixed number of `..` would depend on a test's depth.
 */
export function repoRootAbove(from: string): string {
  let dir = from;
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error(`No package.json above ${from}`);
    dir = up;
  }
  return dir;
}
export const REPO_ROOT = repoRootAbove(__dirname);

/** The public samples, when ../shared sits beside the repo (CI has it; a bare clone may not). */
export const SAMPLES_DIR = join(REPO_ROOT, '..', 'shared', 'samples');
export function samples(): { name: string; bytes: Uint8Array }[] {
  const dir = SAMPLES_DIR;
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => !f.endsWith('.txt'))
    .map((name) => ({ name, bytes: readFileSync(join(dir, name)) }));
}
