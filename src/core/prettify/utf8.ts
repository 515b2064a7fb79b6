/**
 * UTF-16 columns for a stream of UTF-8 bytes, as VS Code will count them: a minified download is one
 * 250 MB line, so by the time a problem turns up its line's bytes are long gone and the column has
 * to be known on the way. Only non-ASCII bytes come here; ASCII counts one unit per byte.
 */

/**
 * Follows the UTF-8 decoder of the WHATWG Encoding standard (what VS Code uses) over the non-ASCII
 * bytes only, and answers how much each one changes the UTF-16 column relative to one unit per byte.
 * A lead byte counts one unit when it arrives; continuation bytes count none; a 4-byte character
 * gets its second unit when it completes. A sequence cut short is then already counted as the one
 * U+FFFD the decoder puts in its place, so an ASCII byte that interrupts it needs no correction; it
 * is noticed by position (`expectAt`) when the next non-ASCII byte comes, or at the end.
 */
export class Utf8Columns {
  private need = 0;
  private lower = 0x80;
  private upper = 0xbf;
  private four = false;
  private expectAt = -1;
  private seqOffset = 0;
  private seqLine = 0;
  private seqColumn = 0;
  invalid = 0;
  private first: { line: number; column: number; offset: number } | undefined;

  /** Byte `b` (≥ 0x80) at `offset`, `line` and 1-based `column`; returns the column adjustment. */
  step(b: number, offset: number, line: number, column: number): number {
    if (this.need > 0) {
      if (offset === this.expectAt && b >= this.lower && b <= this.upper) {
        this.lower = 0x80;
        this.upper = 0xbf;
        this.expectAt = offset + 1;
        if (--this.need === 0 && this.four) return 0;
        return -1;
      }
      this.need = 0;
      this.bad(this.seqOffset, this.seqLine, this.seqColumn);
    }
    if (b >= 0xc2 && b <= 0xf4) {
      this.need = b < 0xe0 ? 1 : b < 0xf0 ? 2 : 3;
      this.lower = b === 0xe0 ? 0xa0 : b === 0xf0 ? 0x90 : 0x80;
      this.upper = b === 0xed ? 0x9f : b === 0xf4 ? 0x8f : 0xbf;
      this.four = b >= 0xf0;
      this.expectAt = offset + 1;
      this.seqOffset = offset;
      this.seqLine = line;
      this.seqColumn = column;
    } else {
      this.bad(offset, line, column);
    }
    return 0;
  }

  /** The summary warning, if any byte was not UTF-8. Call once, at the end of the input. */
  finish(): { line: number; column: number; offset: number; count: number } | undefined {
    if (this.need > 0) {
      this.need = 0;
      this.bad(this.seqOffset, this.seqLine, this.seqColumn);
    }
    return this.first && { ...this.first, count: this.invalid };
  }

  private bad(offset: number, line: number, column: number): void {
    if (this.invalid++ === 0) this.first = { line, column, offset };
  }
}
