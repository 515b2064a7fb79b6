/**
 * The scalar JSON value under a byte offset inside one record's text, with the path of keys and
 * array positions that leads to it (`provisioningSteps`, 2, `status`). Scans from the record's
 * start and stops at the offset: records are a few KB, so a hover costs microseconds.
 */

export type JsonPath = (string | number)[];

export interface JsonValueHit {
  path: JsonPath;
  /** Byte range of the value (inside the quotes for strings). */
  start: number;
  end: number;
  quoted: boolean;
  /** The value: a string decoded, a number or literal as written. */
  value: string;
}

interface Frame {
  kind: 'object' | 'array';
  key: string | undefined;
  index: number;
  expectKey: boolean;
}

const DELIMITERS = new Set([0x20, 0x09, 0x0a, 0x0d, 0x2c, 0x3a, 0x5b, 0x5d, 0x7b, 0x7d, 0x22]);

/** The value at `offset` in `bytes[from, to)`, or undefined when the offset is on a key, punctuation or white space. */
export function jsonValueAt(bytes: Uint8Array, from: number, to: number, offset: number): JsonValueHit | undefined {
  const stack: Frame[] = [];
  let i = from;
  while (i < to && i <= offset) {
    const c = bytes[i]!;
    const top = stack[stack.length - 1];
    switch (c) {
      case 0x7b: // {
        stack.push({ kind: 'object', key: undefined, index: 0, expectKey: true });
        i++;
        continue;
      case 0x5b: // [
        stack.push({ kind: 'array', key: undefined, index: 0, expectKey: false });
        i++;
        continue;
      case 0x7d: // }
      case 0x5d: // ]
        stack.pop();
        i++;
        continue;
      case 0x2c: // ,
        if (top?.kind === 'object') top.expectKey = true;
        else if (top?.kind === 'array') top.index++;
        i++;
        continue;
      case 0x3a: // :
      case 0x20:
      case 0x09:
      case 0x0a:
      case 0x0d:
        i++;
        continue;
      case 0x22: {
        const close = closingQuote(bytes, i + 1, to);
        if (top?.kind === 'object' && top.expectKey) {
          top.key = decodeString(bytes, i + 1, close);
          top.expectKey = false;
        } else if (offset >= i && offset <= close) {
          return { path: pathOf(stack), start: i + 1, end: close, quoted: true, value: decodeString(bytes, i + 1, close) };
        }
        i = close + 1;
        continue;
      }
      default: {
        let j = i;
        while (j < to && !DELIMITERS.has(bytes[j]!)) j++;
        if (offset >= i && offset <= j) {
          return { path: pathOf(stack), start: i, end: j, quoted: false, value: new TextDecoder().decode(bytes.subarray(i, j)) };
        }
        i = Math.max(j, i + 1);
      }
    }
  }
  return undefined;
}

/** The last key of a path, and the key of the object that holds it (for `initiatedBy.Type`). */
export function lastKeys(path: JsonPath): { key: string | undefined; parent: string | undefined } {
  const keys = path.filter((p): p is string => typeof p === 'string');
  const last = path[path.length - 1];
  return { key: typeof last === 'string' ? last : undefined, parent: keys[keys.length - 2] };
}

function pathOf(stack: Frame[]): JsonPath {
  const path: JsonPath = [];
  for (const f of stack) {
    if (f.kind === 'object') {
      if (f.key !== undefined) path.push(f.key);
    } else {
      path.push(f.index);
    }
  }
  return path;
}

/** Index of the quote that closes a string whose content starts at `from` (or `to` when it never closes). */
function closingQuote(b: Uint8Array, from: number, to: number): number {
  for (let i = from; i < to; i++) {
    const c = b[i]!;
    if (c === 0x5c) i++;
    else if (c === 0x22) return i;
  }
  return to;
}

function decodeString(b: Uint8Array, start: number, end: number): string {
  const raw = new TextDecoder().decode(b.subarray(start, end));
  if (!raw.includes('\\')) return raw;
  try {
    return JSON.parse(`"${raw}"`) as string;
  } catch {
    return raw;
  }
}
