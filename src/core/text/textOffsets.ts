/**
 * Editor positions ↔ byte offsets in a log's UTF-8 text. Hovers and code actions get a position
 * (line, UTF-16 character) and need the byte the store's ranges speak of; ranges found in the bytes
 * go back as positions. A minified download is one line of up to 50 MB (in an editor), so neither
 * direction counts from the line start: checkpoints every `step` bytes bound each lookup to one step.
 */
import type { Position } from '../model';
import { PositionMapper } from '../positions';

interface Checkpoint {
  offset: number;
  line: number; // 0-based
  col: number; // 0-based, UTF-16 units
  afterCR: boolean;
}

export class TextOffsets {
  private readonly checkpoints: Checkpoint[] = [{ offset: 0, line: 0, col: 0, afterCR: false }];
  private readonly positions: PositionMapper;

  constructor(
    private readonly bytes: Uint8Array,
    private readonly step = 1 << 20,
  ) {
    this.positions = new PositionMapper(bytes, step);
  }

  /** One instance per text, kept as long as the text is. */
  static of(bytes: Uint8Array): TextOffsets {
    let t = cache.get(bytes);
    if (t === undefined) cache.set(bytes, (t = new TextOffsets(bytes)));
    return t;
  }

  /**
   * Byte offset of the character at 1-based `line`, `column` (UTF-16). A column past the end of its
   * line gives the line's end; a line past the end of the text gives the text's length.
   */
  offsetAt(line: number, column: number): number {
    const tl = line - 1;
    const tc = column - 1;
    while (!this.complete && before(this.last, tl, tc)) this.extend();
    // The last checkpoint at or before the target.
    let lo = 0;
    let hi = this.checkpoints.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (atOrBefore(this.checkpoints[mid]!, tl, tc)) lo = mid;
      else hi = mid - 1;
    }
    return scanTo(this.bytes, this.checkpoints[lo]!, tl, tc);
  }

  /** 1-based position of the character that starts at `offset`. */
  positionAt(offset: number): Position {
    return this.positions.positionAt(offset);
  }

  private get last(): Checkpoint {
    return this.checkpoints[this.checkpoints.length - 1]!;
  }

  private get complete(): boolean {
    return this.last.offset >= this.bytes.length;
  }

  private extend(): void {
    const from = this.last;
    this.checkpoints.push(advance(this.bytes, from, Math.min(from.offset + this.step, this.bytes.length)));
  }
}

const cache = new WeakMap<Uint8Array, TextOffsets>();

function before(c: Checkpoint, line: number, col: number): boolean {
  return c.line < line || (c.line === line && c.col < col);
}

function atOrBefore(c: Checkpoint, line: number, col: number): boolean {
  return c.line < line || (c.line === line && c.col <= col);
}

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
  let { line, col, afterCR } = from;
  for (let i = from.offset; i < to; i++) {
    const c = b[i]!;
    if (c === 0x0a) {
      if (!afterCR) line++;
      col = 0;
      afterCR = false;
    } else if (c === 0x0d) {
      line++;
      col = 0;
      afterCR = true;
    } else if ((c & 0xc0) !== 0x80) {
      col += c >= 0xf0 ? 2 : 1;
      afterCR = false;
    }
  }
  return { offset: to, line, col, afterCR };
}
