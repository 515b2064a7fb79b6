// The example set (test/fixtures/generator/exampleSet.ts) for the integration suites. They all run in one
// extension host, in one mocha run (suites.ts bundles them together), so the set is generated once, and
// written once into one temporary folder that every suite which only reads example files shares.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { type ExampleFile, exampleSet } from '../fixtures/generator/exampleSet';

let set: readonly ExampleFile[] | undefined;

/** Every example file, generated on the first call. */
export function examples(): readonly ExampleFile[] {
  set ??= exampleSet();
  return set;
}

/** The bytes of one example file. */
export function exampleBytes(name: string): Uint8Array {
  const file = examples().find((f) => f.name === name);
  if (!file) throw new Error(`no example file ${name}`);
  return file.bytes;
}

let shared: string | undefined;

/**
 * The example set, written on the first call into a temporary folder shared by the suites that only read
 * it. Never write, change or delete anything in it: copy a file to a folder of your own first (or write the
 * bytes of `exampleBytes` there). No suite removes it, so no suite's cleanup can take it from another;
 * it lives in the host's throw-away TMPDIR, which the harness removes after the run.
 */
export function sharedExampleDir(): string {
  if (shared === undefined) {
    const dir = mkdtempSync(join(tmpdir(), 'provlog-examples-'));
    for (const f of examples()) writeFileSync(join(dir, f.name), f.bytes);
    shared = dir;
  }
  return shared;
}

/** An example file in the shared, read-only folder. */
export function sharedExampleUri(name: string): vscode.Uri {
  if (!examples().some((f) => f.name === name)) throw new Error(`no example file ${name}`);
  return vscode.Uri.file(join(sharedExampleDir(), name));
}

