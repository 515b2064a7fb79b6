/**
 * The streaming byte loop behind prettify and minify. It never parses: it copies every token's
 * bytes unchanged and decides only the whitespace between tokens, so numbers, escapes, key order and
 * even invalid UTF-8 survive byte for byte, and input of any size streams through in chunks.
 *
 * Hot state lives in locals inside `run` (V8 keeps them in registers) and is stored back on `this`
 * at the end of each slice; everything rare (problems, growing the stack) is a method call.
 */
import { B, BARE, BARE_OK, BETWEEN, C, CLOSES, GRAMMAR, HEX, IN_STRING, K, S, SIMPLE_ESCAPE, X } from './tables';
import { Close, EngineBase, M, P } from './state';

/** Copies shorter than this go byte by byte: cheaper than creating a subarray for `set`. */
const enum Copy {
  Short = 32,
}

/**
 * The end of the run of bytes that `table` marks 0. Kept out of `run` so V8 compiles the loop in
 * isolation: inside the big function it spills to the stack and re-checks the arrays every byte.
 */
function plainRun(input: Uint8Array, j: number, to: number, table: Uint8Array): number {
  while (j < to && table[input[j]!] === 0) j++;
  return j;
}

export class PrettifyEngine extends EngineBase {
  /** Prettifies `input[from, to)`, the continuation of everything given before. */
  protected run(input: Uint8Array, from: number, to: number): void {
    const base = this.base;
    const brk = this.brk;
    const inEol = this.inEol;
    const unit = this.unit;
    const maxLevel = this.maxLevel;
    const limit = this.limit;
    const compact = this.compact;
    // Module-level bindings are reloaded and re-checked on every use; locals let V8 keep them in registers.
    const between = BETWEEN;
    const inString = IN_STRING;
    const bareNext = BARE;
    const grammar = GRAMMAR;
    const closes = CLOSES;
    const simpleEscape = SIMPLE_ESCAPE;
    const hex = HEX;
    const bareOk = BARE_OK;
    let out = this.out;
    let o = this.o;
    let line = this.line;
    let lineStart = this.lineStart;
    let adj = this.adj;
    let crAt = this.crAt;
    let mode = this.mode;
    let esc = this.esc;
    let bare = this.bare;
    let depth = this.depth;
    let expect = this.expect;
    let prev = this.prev;
    let i = from;
    // A token continued from the previous slice has not been through a check yet.
    if (o > limit) {
      out = this.flush(out, o);
      o = 0;
    }

    main: while (i < to) {
      if (mode === M.String) {
        for (;;) {
          // The one flush check in strings: every path below writes less than the reserve.
          if (o > limit) {
            out = this.flush(out, o);
            o = 0;
          }
          if (esc !== 0) {
            if (i >= to) break main;
            const e = input[i]!;
            if (esc === 1) {
              if (e === 0x75) esc = 2;
              else if (simpleEscape[e] === 1) esc = 0;
              else {
                // Not consumed: the byte is read again as ordinary string content.
                this.problems.badEscape(false, base + i - 1, line, base + i - lineStart + adj);
                esc = 0;
                continue;
              }
            } else if (hex[e] === 1) {
              esc = esc === 5 ? 0 : esc + 1;
            } else {
              // The backslash is `esc` bytes back, all of them ASCII.
              this.problems.badEscape(true, base + i - esc, line, base + i - esc - lineStart + adj + 1);
              esc = 0;
              continue;
            }
            out[o++] = e;
            i++;
            continue;
          }
          let j = i;
          let s = S.Plain;
          for (;;) {
            j = plainRun(input, j, to, inString);
            if (j >= to) break;
            s = inString[input[j]!]!;
            if (s !== S.NonAscii) break;
            adj += this.utf8.step(input[j]!, base + j, line, base + j - lineStart + adj + 1);
            j++;
          }
          const len = j - i;
          if (len < Copy.Short) for (let k = i; k < j; k++) out[o++] = input[k]!;
          else if (len <= limit - o) {
            out.set(input.subarray(i, j), o);
            o += len;
          } else {
            o = this.copyLong(input, i, j, out, o);
            out = this.out;
          }
          i = j;
          if (i >= to) break main;
          const q = input[i]!;
          out[o++] = q;
          i++;
          if (s === S.Quote) {
            mode = M.Between;
            prev = P.Value;
            if (depth === 0) this.values++;
            break;
          }
          if (s === S.Backslash) {
            esc = 1;
            continue;
          }
          // A raw control character: invalid, copied anyway; line breaks still count as lines.
          const p = base + i - 1;
          this.problems.controlCharacter(q, p, line, p - lineStart + adj + 1);
          if (q === 0x0a || q === 0x0d) {
            if (q === 0x0d || crAt !== p - 1) line++;
            if (q === 0x0d) crAt = p;
            lineStart = p + 1;
            adj = 0;
          }
        }
        continue;
      }

      if (mode === M.Bare) {
        let st = bare;
        let j = i;
        while (j < to) {
          const b = input[j]!;
          const n = bareNext[(st << 8) | b]!;
          if (n === 0) break;
          if (b >= 0x80) adj += this.utf8.step(b, base + j, line, base + j - lineStart + adj + 1);
          st = n;
          j++;
        }
        // Leaves o within the reserve: the next write comes after the check between tokens.
        const len = j - i;
        if (len < Copy.Short) for (let k = i; k < j; k++) out[o++] = input[k]!;
        else {
          o = this.copyLong(input, i, j, out, o);
          out = this.out;
        }
        i = j;
        bare = st;
        if (i >= to) break;
        mode = M.Between;
        if (bareOk[st] === 1 && this.tokExpect < 0) {
          prev = P.Value;
          if (depth === 0) this.values++;
        } else {
          // Rare: a bad token, a misplaced one, or a byte order mark.
          const bom = st === B.Bom;
          if (bom && this.tokStart === 0) adj -= 1; // VS Code drops a leading BOM: it takes no column
          this.endBadToken(input, j, st, depth);
          if (bom && depth === 0) prev = P.None;
          else {
            prev = P.Value;
            if (depth === 0) this.values++;
          }
        }
      }

      // Between tokens.
      const b = input[i]!;
      const c = between[b]!;
      if (c === C.Space) {
        i++;
        while (i < to && between[input[i]!] === C.Space) i++;
        continue;
      }
      if (c > C.Space) {
        const p = base + i;
        if (c === C.CR || crAt !== p - 1) line++;
        if (c === C.CR) crAt = p;
        lineStart = p + 1;
        adj = 0;
        i++;
        continue;
      }
      if (o > limit) {
        out = this.flush(out, o);
        o = 0;
      }
      const p = base + i;
      const col = p - lineStart + adj + 1;
      let close = Close.One;
      if (c === C.CloseObj || c === C.CloseArr) {
        if (closes[expect] !== c) close = this.badClose(b, expect, depth, p, line, col);
        if (close !== Close.Stray) {
          // Close.Two: the bracket closes the container around too, standing in for one that is missing.
          if (prev !== P.Open || close === Close.Two) {
            const d = depth - close;
            const n = inEol + (d < maxLevel ? d : maxLevel) * unit;
            for (let k = 0; k < n; k++) out[o++] = brk[k]!;
          }
          depth -= close;
          expect = this.resume[depth]!;
          if (depth === 0) this.values++;
          out[o++] = b;
          prev = P.Value;
          i++;
          continue;
        }
      }
      if (c <= C.OpenArr || close === Close.Stray) {
        // A value starts (or a stray bracket stands where one would): the break or separator in front of it.
        if (prev !== P.Colon && prev !== P.None) {
          if (depth === 0) for (let k = 0; k < this.eolLen; k++) out[o++] = brk[k]!;
          else if (compact && prev === P.Value) out[o++] = 0x20; // keeps `1 2` from becoming `12`
          else {
            const n = inEol + (depth < maxLevel ? depth : maxLevel) * unit;
            for (let k = 0; k < n; k++) out[o++] = brk[k]!;
          }
        }
        const g = grammar[(expect << 2) | (c === C.Quote ? K.String : K.Value)]!;
        if (c === C.Other) {
          // The grammar verdict waits for the token's end, when its text can go in the message.
          this.tokExpect = g & X.Err ? expect : -1;
          this.tokStart = p;
          this.tokLine = line;
          this.tokColumn = col;
          this.head = undefined;
          expect = g & ~X.Err;
          bare = B.Start;
          mode = M.Bare;
          continue;
        }
        if (g & X.Err && close === Close.One) this.problems.unexpected(c === C.Quote ? 'string' : c === C.OpenObj ? "'{'" : "'['", expect, p, line, col);
        expect = g & ~X.Err;
        out[o++] = b;
        i++;
        if (c === C.Quote) {
          this.tokLine = line;
          this.tokColumn = col;
          mode = M.String;
        } else if (close === Close.Stray) {
          prev = P.Value;
        } else {
          this.push(depth, expect, line, col, p);
          depth++;
          expect = c === C.OpenObj ? X.OFirst : X.AFirst;
          prev = P.Open;
        }
        continue;
      }
      // ',' or ':'
      const g = grammar[(expect << 2) | (c === C.Comma ? K.Comma : K.Colon)]!;
      if (g & X.Err) this.problems.unexpected(c === C.Comma ? "','" : "':'", expect, p, line, col);
      expect = g & ~X.Err;
      out[o++] = b;
      if (c === C.Comma) prev = P.Comma;
      else {
        if (!compact) out[o++] = 0x20;
        prev = P.Colon;
      }
      i++;
    }

    this.out = out;
    this.o = o;
    this.line = line;
    this.lineStart = lineStart;
    this.adj = adj;
    this.crAt = crAt;
    this.mode = mode;
    this.esc = esc;
    this.bare = bare;
    this.depth = depth;
    this.expect = expect;
    this.prev = prev;
  }
}
