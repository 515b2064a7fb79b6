/**
 * Everything around prettify's byte loop (prettifyEngine.ts): its state between chunks, the output
 * buffer handed to the sink, progress and cancellation, and what each problem is. Only the loop
 * itself is hot; the methods here run once per chunk, per output buffer, or per problem.
 */
import { at, ProblemList, type PrettifyProblem } from './problems';
import { B, BARE_OK, X } from './tables';
import { Utf8Columns } from './utf8';

/** Where the loop is: between tokens, inside a string, inside a bare token. */
export const enum M {
  Between,
  String,
  Bare,
}

/** The last token written, which decides the whitespace in front of the next one. */
export const enum P {
  None,
  Open,
  Comma,
  Colon,
  Value,
}

/** What an unexpected closing bracket does (see badClose); the number is the levels it closes. */
export const enum Close {
  Stray,
  One,
  Two,
}

/**
 * Indentation stops growing at this depth. Real logs nest about ten deep; without a cap, a damaged
 * file full of `[` would make output quadratic in its size.
 */
const MAX_LEVEL = 128;
/** Progress, cancellation and the loop's locals are refreshed this often. */
const SLICE = 1 << 20;
/** How much of a bad token is kept for the message when the token spans chunks. */
const HEAD = 48;

export interface EngineConfig {
  /** One level of indentation; '' lays out compactly, as minify does. */
  indent: string;
  eol: '\n' | '\r\n';
  finalEol: boolean;
  chunkSize: number;
  totalBytes: number;
  onProgress: ((done: number, total: number) => void) | undefined;
  shouldCancel: (() => boolean) | undefined;
}

export interface PrettifyResult {
  bytesIn: number;
  bytesOut: number;
  /** Complete top-level values (more than one in JSON Lines and concatenated JSON). */
  values: number;
  cancelled: boolean;
  problems: PrettifyProblem[];
}

export abstract class EngineBase {
  /** The line break followed by MAX_LEVEL levels of indentation: every break is a prefix of it. */
  protected readonly brk: Uint8Array;
  protected readonly eolLen: number;
  /** Bytes of line break inside containers: none when compact. */
  protected readonly inEol: number;
  protected readonly unit: number;
  protected readonly maxLevel = MAX_LEVEL;
  protected readonly compact: boolean;
  /** Small writes happen only while `o <= limit`, so they never need their own bounds check. */
  protected readonly limit: number;
  private readonly cap: number;
  protected out: Uint8Array;
  protected o = 0;
  private bytesOut = 0;

  /** Input offset of the current chunk's first byte. */
  protected base = 0;
  protected line = 1;
  protected lineStart = 0;
  /** UTF-16 column minus bytes since `lineStart`: non-zero only after non-ASCII bytes on the line. */
  protected adj = 0;
  protected crAt = -2;
  protected mode = M.Between;
  /** 0, 1 just after a backslash, 2..5 inside `\uXXXX` (hex digits seen + 2). */
  protected esc = 0;
  protected bare = 0;
  protected depth = 0;
  protected expect = X.Top;
  protected prev = P.None;
  /** Per open container: the parent's grammar state once it closes, and where it opened. */
  protected resume = new Uint8Array(32);
  private openLine = new Float64Array(32);
  private openColumn = new Float64Array(32);
  protected values = 0;

  /** The current string or bare token: where it starts, and (bare) the grammar state it broke, or -1. */
  protected tokStart = 0;
  protected tokLine = 0;
  protected tokColumn = 0;
  protected tokExpect = -1;
  protected head: Uint8Array | undefined;

  protected readonly utf8 = new Utf8Columns();
  protected readonly problems = new ProblemList();
  private cancelled = false;
  private result: PrettifyResult | undefined;

  constructor(
    private readonly config: EngineConfig,
    private readonly sink: (chunk: Uint8Array) => void,
  ) {
    const eol = new TextEncoder().encode(config.eol);
    const unit = new TextEncoder().encode(config.indent);
    this.compact = unit.length === 0;
    this.unit = unit.length;
    this.eolLen = eol.length;
    this.inEol = this.compact ? 0 : eol.length;
    this.brk = new Uint8Array(eol.length + MAX_LEVEL * unit.length);
    this.brk.set(eol);
    for (let k = 0; k < MAX_LEVEL; k++) this.brk.set(unit, eol.length + k * unit.length);
    const reserve = this.brk.length + 64; // a break, a colon and space, a short copy (< 32 bytes)
    const asked = Number.isFinite(config.chunkSize) ? Math.min(Math.floor(config.chunkSize), 1 << 30) : 1 << 16;
    this.cap = Math.max(asked, 4 * reserve);
    this.limit = this.cap - reserve;
    this.out = new Uint8Array(this.cap);
  }

  protected abstract run(input: Uint8Array, from: number, to: number): void;

  /** Feeds the next bytes. Returns false once cancelled: the caller can stop reading. */
  write(chunk: Uint8Array): boolean {
    if (this.result) throw new Error('prettify: write() after end()');
    if (this.cancelled) return false;
    const { onProgress, shouldCancel, totalBytes } = this.config;
    for (let from = 0; from < chunk.length; ) {
      const to = Math.min(chunk.length, from + SLICE);
      this.run(chunk, from, to);
      from = to;
      onProgress?.(this.base + to, totalBytes);
      if (shouldCancel?.()) {
        this.cancelled = true;
        return false;
      }
    }
    if (this.mode === M.Bare) this.keepHead(chunk);
    this.base += chunk.length;
    return true;
  }

  /** Finishes the output (nothing more reaches the sink after a cancel) and says what was found. */
  end(): PrettifyResult {
    if (this.result) return this.result;
    if (!this.cancelled) this.finish();
    this.result = {
      bytesIn: this.base,
      bytesOut: this.bytesOut,
      values: this.values,
      cancelled: this.cancelled,
      problems: this.problems.finish(),
    };
    return this.result;
  }

  private finish(): void {
    const p = this.base;
    const line = this.line;
    const col = p - this.lineStart + this.adj + 1;
    if (this.mode === M.Bare) {
      if (BARE_OK[this.bare] !== 1 || this.tokExpect >= 0) this.endBadToken(undefined, 0, this.bare, this.depth);
      else if (this.depth === 0) this.values++;
    } else if (this.mode === M.String) {
      this.problems.endInsideString(at(this.tokLine, this.tokColumn), p, line, col);
    }
    const d = this.depth;
    if (d > 0) {
      const inner = at(this.openLine[d - 1]!, this.openColumn[d - 1]!);
      this.problems.unclosed(this.expect >= X.OFirst, inner, d, at(this.openLine[0]!, this.openColumn[0]!), p, line, col);
    }
    const bad = this.utf8.finish();
    if (bad) this.problems.invalidUtf8(bad.count, bad.offset, bad.line, bad.column);
    let out = this.out;
    let o = this.o;
    if (this.config.finalEol && this.bytesOut + o > 0) {
      if (o > this.limit) {
        out = this.flush(out, o);
        o = 0;
      }
      for (let k = 0; k < this.eolLen; k++) out[o++] = this.brk[k]!;
    }
    if (o > 0) this.sink(out.subarray(0, o));
    this.bytesOut += o;
    this.o = 0;
  }

  /** Hands the full buffer to the sink, which may keep it; returns a fresh one. */
  protected flush(out: Uint8Array, o: number): Uint8Array {
    if (o > 0) this.sink(out.subarray(0, o));
    this.bytesOut += o;
    return new Uint8Array(this.cap);
  }

  /** Copies `input[i, j)` across as many buffers as it takes, leaving `o <= limit`; the last buffer is `this.out`. */
  protected copyLong(input: Uint8Array, i: number, j: number, out: Uint8Array, o: number): number {
    for (;;) {
      const room = this.limit - o;
      if (j - i <= room) {
        out.set(input.subarray(i, j), o);
        this.out = out;
        return o + (j - i);
      }
      if (room > 0) {
        out.set(input.subarray(i, i + room), o);
        i += room;
        o += room;
      }
      out = this.flush(out, o);
      o = 0;
    }
  }

  protected push(depth: number, resume: number, line: number, col: number, p: number): void {
    if (depth >= this.resume.length) {
      const grow = <T extends Uint8Array | Float64Array>(a: T, make: (n: number) => T): T => {
        const b = make(a.length * 2);
        b.set(a);
        return b;
      };
      this.resume = grow(this.resume, (n) => new Uint8Array(n));
      this.openLine = grow(this.openLine, (n) => new Float64Array(n));
      this.openColumn = grow(this.openColumn, (n) => new Float64Array(n));
    }
    this.resume[depth] = resume;
    this.openLine[depth] = line;
    this.openColumn[depth] = col;
    if (depth === MAX_LEVEL) this.problems.deepNesting(MAX_LEVEL, p, line, col);
  }

  /** While a bare token spans chunks, keeps its first bytes for the message in case it is bad. */
  private keepHead(chunk: Uint8Array): void {
    const from = Math.max(0, this.tokStart - this.base);
    const had = this.head?.length ?? 0;
    if (had >= HEAD) return;
    const part = chunk.subarray(from, Math.min(chunk.length, from + HEAD - had));
    const head = new Uint8Array(had + part.length);
    if (this.head) head.set(this.head);
    head.set(part, had);
    this.head = head;
  }

  /** A bare token that is not valid JSON, sits where it may not, or is a byte order mark. */
  protected endBadToken(input: Uint8Array | undefined, j: number, st: number, depth: number): void {
    const start = this.tokStart - this.base;
    let text: Uint8Array;
    if (input && start >= 0) text = input.subarray(start, Math.min(j, start + HEAD));
    else {
      // The head holds every byte before this chunk unless it is full; only then is it not followed by the tail.
      const full = (this.head?.length ?? 0) >= HEAD;
      const tail = input && !full ? input.subarray(0, Math.min(j, HEAD)) : new Uint8Array(0);
      text = new Uint8Array((this.head?.length ?? 0) + tail.length);
      text.set(this.head ?? new Uint8Array(0));
      text.set(tail, this.head?.length ?? 0);
    }
    const [line, col, p] = [this.tokLine, this.tokColumn, this.tokStart];
    if (st !== B.Bom) this.problems.badToken(text, BARE_OK[st] === 1, this.tokExpect, p, line, col);
    else if (p > 0) this.problems.byteOrderMark(depth === 0, p, line, col);
  }

  /**
   * A closing bracket the grammar did not expect. Returns how many levels it closes: 1 when it
   * matches the open container (a trailing comma, a missing value), 2 when it matches the one
   * around that (the inner bracket is missing), 0 when it matches neither and stands on its own.
   */
  protected badClose(b: number, expect: number, depth: number, p: number, line: number, col: number): Close {
    const ch = String.fromCharCode(b);
    if (depth === 0) {
      this.problems.strayClose(ch, p, line, col);
      return Close.Stray;
    }
    const inObject = expect >= X.OFirst;
    if (inObject === (ch === '}')) {
      if (expect === X.AValue || expect === X.OKey) this.problems.trailingComma(ch, p, line, col);
      else this.problems.unexpected(`'${ch}'`, expect, p, line, col);
      return Close.One;
    }
    const opened = at(this.openLine[depth - 1]!, this.openColumn[depth - 1]!);
    const parent = this.resume[depth - 1]!;
    const missing = parent !== X.Top && parent >= X.OFirst === (ch === '}');
    this.problems.mismatchedClose(ch, inObject, opened, missing, p, line, col);
    return missing ? Close.Two : Close.Stray;
  }
}
