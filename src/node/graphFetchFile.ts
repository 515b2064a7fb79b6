/**
 * A Graph pull into a JSON Lines file, shared by the CLI and the extension host: the file (user-only), the
 * resume state beside it (OUT.jsonl.fetch-state, written whole by rename so it is never half a file), and the
 * three ways to start — a new pull, Resume (cut the file back to the last complete window and continue) and
 * Fetch newer (from the newest record, with an overlap, to now).
 */
import { createReadStream } from 'node:fs';
import { chmod, readFile, rename, stat, truncate, writeFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { isComplete, parseState, sameQuery, serializeState, stateFileName, type GraphFetchState, type GraphQuery } from '../core/sources/graph/fetchState';
import { GraphPullError } from '../core/sources/graph/graphErrors';
import { OVERLAP_MS, pullGraph, type GraphSink, type PullOptions, type PullProgress } from '../core/sources/graph/graphPuller';
import { rememberLine, SeenIds } from '../core/sources/graph/seenIds';
import { JsonLinesFile } from './jsonLinesFile';

/** Fetch newer starts this long before the newest record: Graph's logs can arrive a few minutes late. */
export const NEWER_OVERLAP_MS = 15 * 60_000;

export type FetchMode = { kind: 'new'; query: GraphQuery; since: number; until: number } | { kind: 'resume'; query?: GraphQuery } | { kind: 'newer'; until: number };

export type FileFetchOptions = Omit<PullOptions, 'query' | 'since' | 'until' | 'resume' | 'sink'> & { readonly output: string; readonly mode: FetchMode };

export interface FileFetchResult {
  readonly state: GraphFetchState;
  readonly progress: PullProgress;
}

export async function fetchGraphToFile(opts: FileFetchOptions): Promise<FileFetchResult> {
  const statePath = stateFileName(opts.output);
  const start = await startingPoint(opts.output, statePath, opts.mode);
  const file = await JsonLinesFile.open(opts.output, { append: start.resume !== undefined });
  try {
    await chmod(opts.output, 0o600);
    const sink: GraphSink = {
      append: async (lines) => {
        await file.appendLines(lines);
        return file.bytesWritten;
      },
      checkpoint: async (state) => {
        // The state must never claim bytes the disk does not have yet.
        await file.sync();
        await writeState(statePath, state);
      },
    };
    const { resume, query, since, until } = start;
    return await pullGraph({ ...opts, query, since, until, sink, ...(resume ? { resume } : {}) });
  } finally {
    await file.close();
  }
}

/** The saved state of `output`, or undefined when there is none. */
export async function readFetchState(output: string): Promise<GraphFetchState | undefined> {
  let text: string;
  try {
    text = await readFile(stateFileName(output), 'utf8');
  } catch {
    return undefined;
  }
  const s = parseState(text);
  if (typeof s === 'string') throw new GraphPullError('other', `${s} (${stateFileName(output)})`);
  return s;
}

interface Start {
  readonly query: GraphQuery;
  readonly since: number;
  readonly until: number;
  readonly resume?: { state: GraphFetchState; seen: SeenIds };
}

async function startingPoint(output: string, statePath: string, mode: FetchMode): Promise<Start> {
  if (mode.kind === 'new') return mode;
  const saved = await readFetchState(output);
  if (!saved) throw new GraphPullError('other', `There is nothing to continue: ${statePath} (written by a fetch beside its file) was not found.`);
  if (mode.kind === 'resume' && mode.query && !sameQuery(mode.query, saved.query)) {
    throw new GraphPullError('other', 'The file was fetched with other filters or from another endpoint: resume with the same options, or fetch into a new file.');
  }
  const size = (await stat(output)).size;
  if (size < saved.bytes) throw new GraphPullError('other', `${output} is shorter than when it was fetched (it was changed since): fetch it again into a new file.`);
  const until = mode.kind === 'newer' ? mode.until : saved.until;
  if (!isComplete(saved)) {
    // The half-drained window's records go: the next window brings them again, in the same order.
    await truncate(output, saved.bytes);
    const seen = (await scan(output, saved.done - OVERLAP_MS)).seen;
    return { query: saved.query, since: saved.since, until, resume: { state: { ...saved, until }, seen } };
  }
  if (mode.kind === 'resume') return { query: saved.query, since: saved.since, until, resume: { state: saved, seen: new SeenIds() } };
  // Fetch newer: from the newest record (less an overlap for late arrivals) to now, appended after what is there.
  const newest = (await scan(output, Infinity)).newest;
  const from = Math.max(saved.since, (Number.isNaN(newest) ? saved.done : newest) - NEWER_OVERLAP_MS);
  const seen = (await scan(output, from - OVERLAP_MS)).seen;
  return { query: saved.query, since: from, until, resume: { state: { ...saved, since: from, until, done: from, bytes: size }, seen } };
}

async function writeState(path: string, state: GraphFetchState): Promise<void> {
  const tmp = `${path}.tmp`;
  await writeFile(tmp, serializeState(state), { mode: 0o600 });
  await rename(tmp, path);
}

async function* lines(path: string): AsyncGenerator<string> {
  const rl = createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity });
  for await (const line of rl) if (line.trim() !== '') yield line;
}

/** The ids of the file's records from `from` on, and the newest record's time. */
async function scan(path: string, from: number): Promise<{ seen: SeenIds; newest: number }> {
  const seen = new SeenIds();
  let newest = NaN;
  for await (const line of lines(path)) {
    const t = rememberLine(seen, line, from);
    if (!(t <= newest)) newest = Number.isNaN(t) ? newest : t;
  }
  return { seen, newest };
}
