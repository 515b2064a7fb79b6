/**
 * Byte offsets in UTF-8 text ↔ 1-based line and UTF-16 column, as VS Code counts them (\n, \r\n
 * and a lone \r end a line; characters outside the BMP count 2). A minified 250 MB download is one
 * line, so a plain "count from the line start" would be quadratic; checkpoints every `step` bytes
 * make any lookup, in either direction, cost at most one step of scanning.
 */
import type { Position } from '../common/record';

interface Checkpoint {
  offset: number;
  line: number; // 0-based
  col: number; // 0-based, UTF-16 units
  afterCR: boolean; // the byte before `offset` was a \r (a following \n does not start another line)
}

export class PositionMapper {
  private readonly checkpoints: Checkpoint[] = [{ offset: 0, line: 0, col: 0, afterCR: false }];
  /** The last answer: queries in increasing order (diagnostics, a reader's problems) continue from it. */
  private last: Checkpoint = { offset: 0, line: 0, col: 0, afterCR: false };

  constructor(
    private readonly bytes: Uint8Array,
    private readonly step = 1 << 20,
  ) {}

  /** Position of the character that starts at `offset` (clamped to the text). */
  positionAt(offset: number): Position {
    const target = Math.max(0, Math.min(offset, this.bytes.length));
    let k = Math.floor(target / this.step);
    while (this.checkpoints.length <= k) this.extend();
    k = Math.min(k, this.checkpoints.length - 1);
    let from = this.checkpoints[k]!;
    if (this.last.offset <= target && this.last.offset > from.offset) from = this.last;
    const s = advance(this.bytes, from, target);
    this.last = s;
    return { line: s.line + 1, column: s.col + 1 };
  }

  /**
   * Byte offset of the character at 1-based `line`, `column` (UTF-16). A column past the end of its
   * line gives the line's end; a line past the end of the text gives the text's length.
   */
  offsetAt(line: number, column: number): number {
    const tl = line - 1;
    const tc = column - 1;
    const complete = (): boolean => this.checkpoints[this.checkpoints.length - 1]!.offset >= this.bytes.length;
    while (!complete() && isBefore(this.checkpoints[this.checkpoints.length - 1]!, tl, tc, false)) this.extend();
    // The last checkpoint at or before the target.
    let lo = 0;
    let hi = this.checkpoints.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (isBefore(this.checkpoints[mid]!, tl, tc, true)) lo = mid;
      else hi = mid - 1;
    }
    return scanTo(this.bytes, this.checkpoints[lo]!, tl, tc);
  }

  private extend(): void {
    const last = this.checkpoints[this.checkpoints.length - 1]!;
    const next = Math.min(last.offset + this.step, this.bytes.length);
    this.checkpoints.push(advance(this.bytes, last, next));
  }
}

/**
 * One PositionMapper per file of a log, made on first use. A LoadedLog keeps one (`positions`), as
 * long as the log (hovers and diagnostics ask many times); a single pass (a reader's problems,
 * diagnostics worked out off the main thread) makes its own.
 */
export class FilePositions {
  private readonly mappers: (PositionMapper | undefined)[] = [];

  constructor(private readonly files: readonly { readonly bytes: Uint8Array }[]) {}

  /** The mapper of file `file`, or undefined when the log has no such file. */
  of(file: number): PositionMapper | undefined {
    const f = this.files[file];
    return f === undefined ? undefined : (this.mappers[file] ??= new PositionMapper(f.bytes));
  }
}

function isBefore(c: Checkpoint, line: number, col: number, orAt: boolean): boolean {
  return c.line < line || (c.line === line && (orAt ? c.col <= col : c.col < col));
}

/** From a checkpoint forward to the byte where 0-based (line, col) starts. */
function scanTo(b: Uint8Array, from: Checkpoint, tl: number, tc: number): number {
  let { line, col, afterCR } = from;
  for (let i = from.offset; i < b.length; i++) {
    const c = b[i]!;
    if ((c & 0xc0) === 0x80) continue; // inside a character
    if (c === 0x0a && afterCR) {
      // The \n of a \r\n: the line already ended at the \r.
      afterCR = false;
      continue;
    }
    afterCR = false;
    if (line === tl && col >= tc) return i;
    if (line > tl) return i;
    if (c === 0x0a || c === 0x0d) {
      if (line === tl) return i; // the column was past the end of the line
      line++;
      col = 0;
      afterCR = c === 0x0d;
    } else {
      col += c >= 0xf0 ? 2 : 1;
    }
  }
  return b.length;
}

function advance(b: Uint8Array, from: Checkpoint, to: number): Checkpoint {
  let line = from.line;
  let col = from.col;
  let afterCR = from.afterCR;
  for (let i = from.offset; i < to; i++) {
    const c = b[i]!;
    if (c < 0x80) {
      if (c === 0x0a) {
        if (!afterCR) line++;
        col = 0;
        afterCR = false;
      } else if (c === 0x0d) {
        line++;
        col = 0;
        afterCR = true;
      } else {
        col++;
        afterCR = false;
      }
    } else if (c >= 0xc0) {
      // A lead byte starts one character; 4-byte sequences are a surrogate pair in UTF-16.
      col += c >= 0xf0 ? 2 : 1;
      afterCR = false;
    }
  }
  return { offset: to, line, col, afterCR };
}

/**
 * Position of UTF-16 index `k` inside `text`, where `text` starts at `start` in the file: lines
 * after the first are counted within the text itself (cheap), the first line adds the start column.
 */
export function positionInText(start: Position, text: string, k: number): Position {
  let line = start.line;
  let lineStart = 0;
  for (let i = 0; i < k && i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a || c === 0x0d) {
      if (c === 0x0d && text.charCodeAt(i + 1) === 0x0a) i++;
      line++;
      lineStart = i + 1;
    }
  }
  return line === start.line ? { line, column: start.column + k } : { line, column: k - lineStart + 1 };
}
