/**
 * `provlog prettify FILE [-o OUT]`: the core's lossless prettify, streamed from disk to OUT (or
 * stdout) in chunks, so a 250 MB download never becomes one string. UTF-16 input (Windows
 * PowerShell's `>`) is transcoded to UTF-8 on the way. The input is never written to.
 */
import { toUtf8 } from '../../core/read/encoding';
import { createPrettifier } from '../../core/prettify/prettify';
import type { CommandRequest } from '../args';
import { problemLine } from '../format';
import { CliFailure, EXIT, outputOrStdout, statInput, type CliIo, type ExitCode } from '../io';
import { Progress, PROGRESS_THRESHOLD } from '../readInputs';

export async function prettifyCommand(req: CommandRequest, io: CliIo): Promise<ExitCode> {
  const input = req.files[0]!;
  const info = statInput(io, input);
  if (info.size === 0) throw new CliFailure(`"${input}" is empty: nothing to prettify.`, EXIT.unreadable);
  const out = outputOrStdout(io, req.output, [input], 'prettify');
  const progress = info.size >= PROGRESS_THRESHOLD && io.stderr.isTTY ? new Progress(io.stderr, info.size) : undefined;
  // A failed write (the reader of a pipe went away: `prettify … | head`) is not the input's fault.
  let writeError: unknown;
  const prettifier = createPrettifier(
    { totalBytes: info.size, ...(progress ? { onProgress: (done: number) => progress.show('Prettifying', done) } : {}) },
    (chunk) => {
      try {
        out.write(chunk);
      } catch (e) {
        writeError = e;
        throw e;
      }
    },
  );
  const notes: string[] = [];
  let transcode: ((chunk: Uint8Array, last: boolean) => Uint8Array) | undefined;
  let first = true;
  try {
    for await (const chunk of io.fs.readChunks(input)) {
      if (first) {
        first = false;
        transcode = transcoderFor(chunk, notes);
      }
      prettifier.write(transcode ? transcode(chunk, false) : chunk);
    }
    if (transcode) prettifier.write(transcode(new Uint8Array(0), true));
  } catch (e) {
    out.close();
    if (e === writeError) throw e;
    throw new CliFailure(`cannot read "${input}": ${(e as Error).message}`, EXIT.unreadable);
  }
  const result = prettifier.end();
  out.close();
  progress?.clear();
  const lines = [...notes, ...result.problems.map(problemLine)];
  if (lines.length > 0) io.stderr.write(lines.map((l) => `provlog: ${l}`).join('\n') + '\n');
  if (result.problems.some((p) => p.severity === 'error')) return EXIT.readErrors;
  return result.values === 0 ? EXIT.unreadable : EXIT.ok;
}

/**
 * UTF-16 → UTF-8 in a streaming decoder (it keeps a code unit or surrogate pair split across
 * chunks whole); undefined for UTF-8, which goes through untouched (a BOM included).
 */
function transcoderFor(head: Uint8Array, notes: string[]): ((chunk: Uint8Array, last: boolean) => Uint8Array) | undefined {
  // toUtf8 recognises the encoding from the first bytes; only its verdict is used here.
  const probe = toUtf8(head.subarray(0, 4));
  if (probe.encoding !== 'utf-16le' && probe.encoding !== 'utf-16be') return undefined;
  notes.push(`info: the input is ${probe.encoding.toUpperCase()}; the output is UTF-8.`);
  const decoder = new TextDecoder(probe.encoding);
  const encoder = new TextEncoder();
  return (chunk, last) => encoder.encode(last ? decoder.decode() : decoder.decode(chunk, { stream: true }));
}
