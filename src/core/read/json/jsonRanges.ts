/**
 * Splits one JSON download into byte ranges that start at record boundaries, and reads one range
 * into its own store, so that several threads can each read a part of the same bytes.
 *
 * Boundaries are guessed, then proven: JSON Lines split at newlines (each line is read on its own
 * anyway); a top-level array splits before an element that starts like the first one (`},{"id":`),
 * which may also match inside a nested array or a string. A range reports itself clean only when
 * its scan, started at its guess, ends exactly between two elements; the first range is read as
 * the whole file would be, so a clean chain of ranges proves every seam. Anything else (a doubtful
 * seam, damage, a duplicate, a stray value) makes the caller read the file on one thread instead,
 * which is what defines the result.
 */
import type { Problem } from '../../common/record';
import { PositionMapper } from '../positions';
import type { StoreBuilder } from '../../model/store';
import { isJsonLines } from './jsonReader';
import { isJsonSpace, scanJson, skipWhitespace, type ScanSink } from './jsonScanner';
import { RecordParser } from './recordParser';

/**
 * `lines`: whole lines of a JSON Lines file. `arrayHead`: from the top-level `[` to the first seam.
 * `elements`: array elements from a seam (a record's `{`) to the next seam or the closing `]`.
 */
export type RangeMode = 'lines' | 'arrayHead' | 'elements';

export interface RangeJob {
  mode: RangeMode;
  from: number;
  to: number;
}

export interface RangePlan {
  /** How the single-thread reader would take the file: as JSON Lines or as one array. */
  kind: 'lines' | 'array';
  /** Offset of the first byte that is not white space. */
  first: number;
  jobs: RangeJob[];
}

export interface RangeResult {
  /** The range read exactly as a single pass over the whole file would have read it. */
  clean: boolean;
  kinds: { diagnostic: number; logAnalytics: number; graph: number };
  records: number;
}

/**
 * Ranges that start at the record boundary next after each of `cuts` (fractions of the file, in
 * increasing order), or undefined when the file's shape does not split (a Graph page or envelope,
 * a single record, not JSON): those are read on one thread.
 */
export function planRanges(bytes: Uint8Array, cuts: readonly number[]): RangePlan | undefined {
  const n = bytes.length;
  const first = skipWhitespace(bytes, 0, n);
  if (cuts.length === 0) return undefined;
  if (bytes[first] === 0x7b && isJsonLines(bytes, first)) {
    const jobs = lineJobs(bytes, first, cuts);
    return jobs.length < 2 ? undefined : { kind: 'lines', first, jobs };
  }
  if (bytes[first] !== 0x5b) return undefined;
  let close = n;
  while (close > first && isJsonSpace(bytes[close - 1]!)) close--;
  close--;
  if (close <= first || bytes[close] !== 0x5d) return undefined;
  const head = skipWhitespace(bytes, first + 1, close);
  const signature = recordSignature(bytes, head, close);
  if (signature === undefined) return undefined;
  const seams: number[] = [];
  for (const cut of cuts) {
    const target = first + Math.floor((close - first) * cut);
    const from = Math.max(target, seams[seams.length - 1] ?? head + 1);
    const seam = findSeam(bytes, from, close, signature);
    if (seam < 0) break;
    if (seam > (seams[seams.length - 1] ?? head)) seams.push(seam);
  }
  if (seams.length === 0) return undefined;
  const jobs: RangeJob[] = [{ mode: 'arrayHead', from: first, to: seams[0]! }];
  seams.forEach((s, k) => jobs.push({ mode: 'elements', from: s, to: seams[k + 1] ?? close }));
  return { kind: 'array', first, jobs };
}

function lineJobs(bytes: Uint8Array, first: number, cuts: readonly number[]): RangeJob[] {
  const n = bytes.length;
  const starts = [first];
  for (const cut of cuts) {
    const target = Math.max(starts[starts.length - 1]!, first + Math.floor((n - first) * cut));
    const nl = bytes.indexOf(0x0a, target);
    if (nl < 0 || nl + 1 >= n) break;
    if (nl + 1 > starts[starts.length - 1]!) starts.push(nl + 1);
  }
  return starts.length < 2 ? [] : starts.map((from, k) => ({ mode: 'lines', from, to: starts[k + 1] ?? n }));
}

/** The first record's opening bytes up to its first key's colon: `{"id":`. */
function recordSignature(b: Uint8Array, at: number, to: number): Uint8Array | undefined {
  if (b[at] !== 0x7b) return undefined;
  const colon = b.indexOf(0x3a, at);
  if (colon < 0 || colon >= to || colon - at > 64) return undefined;
  const sig = b.slice(at, colon + 1);
  // Only `{`, white space and one plain key: anything fancier is not worth guessing at.
  return sig.includes(0x5c) || sig.filter((c) => c === 0x22).length !== 2 ? undefined : sig;
}

/** A `{` that starts like the first record and follows `}` `,` (white space allowed between). */
function findSeam(b: Uint8Array, from: number, to: number, sig: Uint8Array): number {
  for (let at = b.indexOf(0x7b, from); at >= 0 && at + sig.length < to; at = b.indexOf(0x7b, at + 1)) {
    let j = 1;
    while (j < sig.length && b[at + j] === sig[j]) j++;
    if (j < sig.length) continue;
    let p = at - 1;
    while (p > from && isJsonSpace(b[p]!)) p--;
    if (b[p] !== 0x2c) continue;
    p--;
    while (p > from && isJsonSpace(b[p]!)) p--;
    if (b[p] === 0x7d) return at;
  }
  return -1;
}

/**
 * Reads one range's records into `builder` (byte offsets are the file's). `problems` gets what the
 * record parser noticed; any problem, or a scan that does not end cleanly, makes the range unclean.
 */
export function readRange(
  bytes: Uint8Array,
  job: RangeJob,
  fileIndex: number,
  builder: StoreBuilder,
  onProgress?: (done: number) => void,
): RangeResult {
  const problems: Problem[] = [];
  const parser = new RecordParser(bytes, fileIndex, builder, new PositionMapper(bytes), problems);
  let irregular = false;
  let records = 0;
  let nextProgress = job.from + (4 << 20);
  const sink: ScanSink = {
    record(start, end) {
      records++;
      if (job.mode === 'elements' && !afterComma(bytes, start)) irregular = true;
      parser.add(start, end);
      if (onProgress && end >= nextProgress) {
        onProgress(end - job.from);
        nextProgress = end + (4 << 20);
      }
    },
    // In the file as a whole these are inside records (array) or set the log's Graph links (lines).
    outerString(key) {
      if (job.mode === 'lines' && key.startsWith('@odata.')) irregular = true;
    },
    envelope() {
      if (job.mode !== 'lines') irregular = true;
    },
    stray() {
      irregular = true;
    },
  };
  if (job.mode === 'lines') {
    for (let lineStart = job.from; lineStart < job.to; ) {
      let lineEnd = bytes.indexOf(0x0a, lineStart);
      if (lineEnd < 0 || lineEnd > job.to) lineEnd = job.to;
      const start = skipWhitespace(bytes, lineStart, lineEnd);
      if (start < lineEnd) {
        const end = scanJson(bytes, start, lineEnd, sink);
        if (end.depth !== 0 || end.inString) irregular = true;
      }
      lineStart = lineEnd + 1;
    }
  } else {
    const end = scanJson(bytes, job.from, job.to, sink);
    // The head stops inside the top-level array, between two elements; other ranges hold whole values.
    const between = job.mode === 'arrayHead' ? end.depth === 1 && end.openStart === job.from : end.depth === 0 && end.topValues === records;
    if (!between || end.inString) irregular = true;
  }
  onProgress?.(job.to - job.from);
  parser.finish();
  return { clean: !irregular && records > 0 && problems.length === 0, kinds: { ...parser.kinds }, records };
}

/** An element of the array is preceded by a comma (the range's own first one by the seam's). */
function afterComma(b: Uint8Array, start: number): boolean {
  let p = start - 1;
  while (p >= 0 && isJsonSpace(b[p]!)) p--;
  return b[p] === 0x2c;
}
