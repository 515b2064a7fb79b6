/**
 * Lossless, streaming JSON prettify and minify, for logs too big to parse (downloads are minified
 * and reach 250 MB; Microsoft's docs tell users to format them).
 *
 * Only the whitespace between tokens changes: every token is copied byte for byte, so numbers such
 * as `12345678901234567890` or `1.50`, escapes such as `\u003c` or `\/`, key order, and even bytes
 * that are not UTF-8 come out as they went in. The layout is `JSON.stringify(value, null, indent)`'s.
 * Several top-level values (JSON Lines, concatenated exports) come out one after another, each on
 * its own line(s); a byte order mark stays in front.
 *
 * Damaged input never throws: everything is still copied, and each problem (truncation, a stray
 * byte, an unbalanced bracket) is reported with its line and UTF-16 column in the input.
 *
 * Works on UTF-8 bytes in chunks, so the input never has to be one JS string (V8 caps strings near
 * 512 MB) and the output reaches the sink in chunks of at most `chunkSize` bytes.
 */
import { type PrettifyProblem } from './problems';
import { PrettifyEngine } from './engine';
import { type EngineConfig, type PrettifyResult } from './state';

export type { PrettifyProblem, PrettifyProblemCode } from './problems';
export type { PrettifyResult } from './state';

export interface MinifyOptions {
  eol?: '\n' | '\r\n';
  /** Largest chunk handed to the sink, in bytes (never below about 1.3 KB). Default 64 KB. */
  chunkSize?: number;
  /** The input's size, passed on to `onProgress` (createPrettifier cannot know it; 0 when not given). */
  totalBytes?: number;
  /** Called after each MB of input and at the end of each write. */
  onProgress?: (done: number, total: number) => void;
  /** Asked as often as onProgress is called; once it says yes, nothing more reaches the sink. */
  shouldCancel?: () => boolean;
  /** Whether the output ends with `eol`. Default: true for prettify, false for minify. */
  finalEol?: boolean;
}

export interface PrettifyOptions extends MinifyOptions {
  /** Spaces per level (0–10, as for JSON.stringify; 0 writes each value on one line) or a tab. Default 2. */
  indent?: number | '\t';
}

/** Takes the input in chunks of any size, split anywhere (even inside a character). */
export interface Prettifier {
  /** Returns false once cancelled: the caller can stop reading. The chunk is not kept. */
  write(chunk: Uint8Array): boolean;
  /** Writes what is left to the sink and reports; call once, after the last write. */
  end(): PrettifyResult;
}

export interface TextResult {
  /** Empty when cancelled. */
  text: string;
  problems: PrettifyProblem[];
  cancelled: boolean;
}

/** `sink` receives each output chunk once and may keep it (a fresh buffer follows). */
export function createPrettifier(options: PrettifyOptions, sink: (chunk: Uint8Array) => void): Prettifier {
  const indent = options.indent ?? 2;
  const unit = indent === '\t' ? '\t' : ' '.repeat(Math.max(0, Math.min(10, Math.floor(indent))));
  return new PrettifyEngine(config(options, unit, true), sink);
}

/** Removes the whitespace between tokens; top-level values stay one per line. */
export function createMinifier(options: MinifyOptions, sink: (chunk: Uint8Array) => void): Prettifier {
  return new PrettifyEngine(config(options, '', false), sink);
}

export function prettifyBytes(input: Uint8Array, sink: (chunk: Uint8Array) => void, options: PrettifyOptions = {}): PrettifyResult {
  return whole(createPrettifier({ totalBytes: input.length, ...options }, sink), input);
}

export function minifyBytes(input: Uint8Array, sink: (chunk: Uint8Array) => void, options: MinifyOptions = {}): PrettifyResult {
  return whole(createMinifier({ totalBytes: input.length, ...options }, sink), input);
}

/** For documents already in memory as text (the editor path, under 50 MB). */
export function prettifyText(text: string, options: PrettifyOptions = {}): TextResult {
  return viaBytes(text, (bytes, sink) => prettifyBytes(bytes, sink, { chunkSize: 1 << 20, ...options }));
}

export function minifyText(text: string, options: MinifyOptions = {}): TextResult {
  return viaBytes(text, (bytes, sink) => minifyBytes(bytes, sink, { chunkSize: 1 << 20, ...options }));
}

function config(options: MinifyOptions, indent: string, finalEol: boolean): EngineConfig {
  return {
    indent,
    eol: options.eol ?? '\n',
    finalEol: options.finalEol ?? finalEol,
    chunkSize: options.chunkSize ?? 1 << 16,
    totalBytes: options.totalBytes ?? 0,
    onProgress: options.onProgress,
    shouldCancel: options.shouldCancel,
  };
}

function whole(p: Prettifier, input: Uint8Array): PrettifyResult {
  p.write(input);
  return p.end();
}

/**
 * Text goes through UTF-8 so there is one engine. Lossless except for a lone surrogate in the
 * string itself (not the `\ud800` escape), which UTF-8 cannot carry and becomes U+FFFD.
 */
function viaBytes(text: string, run: (bytes: Uint8Array, sink: (chunk: Uint8Array) => void) => PrettifyResult): TextResult {
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  const parts: string[] = [];
  const r = run(new TextEncoder().encode(text), (chunk) => parts.push(decoder.decode(chunk, { stream: true })));
  parts.push(decoder.decode());
  return { text: r.cancelled ? '' : parts.join(''), problems: r.problems, cancelled: r.cancelled };
}


/**
 * The first thing in `input` that is not strict JSON (a trailing comma, a comment), located by the
 * same grammar prettify uses, so that the reader and prettify name the same place. Offsets are
 * relative to `input`.
 */
export function firstJsonProblem(input: Uint8Array): PrettifyProblem | undefined {
  return minifyBytes(input, () => undefined).problems[0];
}
