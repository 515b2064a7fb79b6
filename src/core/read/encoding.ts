/**
 * Every reader works on UTF-8 bytes. UTF-8 (with or without BOM) is used in place; UTF-16 (Windows
 * PowerShell's `>` writes UTF-16 LE with BOM) is transcoded in chunks. Lines and UTF-16 columns do
 * not depend on the encoding, so positions found in the UTF-8 bytes are the editor's positions too.
 */
import { concatBytes } from './bytes';
import type { Problem } from '../common/record';
import type { EncodingId } from '../model/logData';

export const ENCODING_LABELS: Readonly<Record<EncodingId, string>> = {
  'utf-8': 'UTF-8',
  'utf-8-bom': 'UTF-8 with BOM',
  'utf-16le': 'UTF-16 LE',
  'utf-16be': 'UTF-16 BE',
};

export interface Utf8Text {
  /** UTF-8 without BOM; a view of the input when it already was UTF-8. */
  bytes: Uint8Array;
  encoding: EncodingId;
  problems: Problem[];
}

const CHUNK = 8 << 20;

export function toUtf8(input: Uint8Array): Utf8Text {
  if (input[0] === 0xef && input[1] === 0xbb && input[2] === 0xbf) {
    return { bytes: input.subarray(3), encoding: 'utf-8-bom', problems: [] };
  }
  if (input[0] === 0xff && input[1] === 0xfe) return transcode(input.subarray(2), 'utf-16le', []);
  if (input[0] === 0xfe && input[1] === 0xff) return transcode(input.subarray(2), 'utf-16be', []);
  const guess = guessUtf16(input);
  if (guess !== undefined) {
    return transcode(input, guess, [
      {
        severity: 'info',
        code: 'utf16NoBom',
        message: `The file has no byte-order mark but looks like ${ENCODING_LABELS[guess]}; it was read as such.`,
      },
    ]);
  }
  return { bytes: input, encoding: 'utf-8', problems: [] };
}

/** JSON and CSV start with ASCII, so UTF-16 shows as NUL bytes in every other position. */
function guessUtf16(b: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  if (b.length < 4) return undefined;
  if (b[0] !== 0 && b[1] === 0 && b[2] !== 0 && b[3] === 0) return 'utf-16le';
  if (b[0] === 0 && b[1] !== 0 && b[2] === 0 && b[3] !== 0) return 'utf-16be';
  return undefined;
}

function transcode(b: Uint8Array, encoding: EncodingId, problems: Problem[]): Utf8Text {
  const decoder = new TextDecoder(encoding);
  const encoder = new TextEncoder();
  const parts: Uint8Array[] = [];
  // Chunks of even length keep code units whole; the streaming decoder keeps surrogate pairs whole.
  for (let at = 0; at < b.length; at += CHUNK) {
    const end = Math.min(b.length, at + CHUNK);
    const text = decoder.decode(b.subarray(at, end), { stream: end < b.length });
    parts.push(encoder.encode(text));
  }
  const tail = encoder.encode(decoder.decode());
  if (tail.length > 0) parts.push(tail);
  if (b.length % 2 === 1) {
    problems.push({
      severity: 'warning',
      code: 'oddUtf16',
      message: `The file is ${ENCODING_LABELS[encoding]} but has an odd number of bytes: its last byte was dropped (the file is probably cut off).`,
    });
  }
  return { bytes: concatBytes(parts), encoding, problems };
}

const strict = new TextDecoder('utf-8', { fatal: true });
const lenient = new TextDecoder('utf-8');

/** Decodes a slice; `invalid` is true when bytes had to be replaced by U+FFFD. */
export function decodeSlice(b: Uint8Array, start: number, end: number): { text: string; invalid: boolean } {
  const view = b.subarray(start, end);
  try {
    return { text: strict.decode(view), invalid: false };
  } catch {
    return { text: lenient.decode(view), invalid: true };
  }
}
