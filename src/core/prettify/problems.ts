/**
 * What prettify reports about damaged input, and how it words it. Every message names the place as
 * "line L, column C" (1-based, UTF-16 columns as VS Code counts them) so it reads on its own in a
 * notification or the Problems panel.
 */
import { EXPECTED_TEXT } from './tables';

export type PrettifyProblemCode =
  | 'unterminatedString'
  | 'unclosed'
  | 'unexpected'
  | 'trailingComma'
  | 'mismatchedClose'
  | 'invalidValue'
  | 'controlCharacter'
  | 'invalidEscape'
  | 'invalidUtf8'
  | 'byteOrderMark'
  | 'deepNesting'
  | 'tooManyProblems';

/** Damage found on the way. Line and column are 1-based; the column counts UTF-16 units, as VS Code does. */
export interface PrettifyProblem {
  severity: 'error' | 'warning';
  message: string;
  line: number;
  column: number;
  /** Byte offset in the input. */
  offset: number;
  code: PrettifyProblemCode;
}

/** A garbage file could yield one problem per byte; past this many only a count is kept. */
export const MAX_PROBLEMS = 100;

type Severity = PrettifyProblem['severity'];

export class ProblemList {
  private readonly items: PrettifyProblem[] = [];
  /** Summaries (bad UTF-8, deep nesting) that say something about the whole file: never capped. */
  private readonly summaries: PrettifyProblem[] = [];
  private dropped = 0;
  private firstDropped: PrettifyProblem | undefined;

  add(severity: Severity, code: PrettifyProblemCode, message: string, line: number, column: number, offset: number): void {
    const p: PrettifyProblem = { severity, message, line, column, offset, code };
    if (this.items.length < MAX_PROBLEMS) this.items.push(p);
    else if (this.dropped++ === 0) this.firstDropped = p;
  }

  /** Sorted by position, then a note of how many more there were. */
  finish(): PrettifyProblem[] {
    const all = [...this.items, ...this.summaries].sort((a, b) => a.offset - b.offset);
    const d = this.firstDropped;
    if (d) {
      const message = `${this.dropped} more problems are not listed; the next one is at ${at(d.line, d.column)}.`;
      all.push({ ...d, severity: 'warning', code: 'tooManyProblems', message });
    }
    return all;
  }

  unexpected(what: string, expect: number, p: number, line: number, col: number): void {
    this.add('error', 'unexpected', `Unexpected ${what} at ${at(line, col)}; expected ${EXPECTED_TEXT[expect]!}.`, line, col, p);
  }

  strayClose(ch: string, p: number, line: number, col: number): void {
    this.add('error', 'unexpected', `Unexpected '${ch}' at ${at(line, col)}; no object or array is open.`, line, col, p);
  }

  trailingComma(ch: string, p: number, line: number, col: number): void {
    this.add('error', 'trailingComma', `Unexpected '${ch}' after ',' at ${at(line, col)} (a trailing comma).`, line, col, p);
  }

  /** `missing`: the bracket closes the container around, so the inner one lacks its own. */
  mismatchedClose(ch: string, inObject: boolean, opened: string, missing: boolean, p: number, line: number, col: number): void {
    const kind = inObject ? 'object' : 'array';
    const want = inObject ? '}' : ']';
    const why = missing ? `is not closed (a missing '${want}')` : `must be closed with '${want}'`;
    this.add('error', 'mismatchedClose', `Unexpected '${ch}' at ${at(line, col)}; the ${kind} that starts at ${opened} ${why}.`, line, col, p);
  }

  controlCharacter(b: number, p: number, line: number, col: number): void {
    const name = b === 0x0a ? ' (line feed)' : b === 0x0d ? ' (carriage return)' : b === 0x09 ? ' (tab)' : '';
    const code = `U+${b.toString(16).toUpperCase().padStart(4, '0')}`;
    this.add('error', 'controlCharacter', `Unescaped control character ${code}${name} in a string at ${at(line, col)}.`, line, col, p);
  }

  /** At the backslash; `unicode` when it is `\u` without four hex digits. */
  badEscape(unicode: boolean, p: number, line: number, col: number): void {
    const rule = unicode ? '\\u must be followed by four hex digits' : 'a backslash must be followed by one of " \\ / b f n r t u';
    this.add('error', 'invalidEscape', `Invalid escape in a string at ${at(line, col)}: ${rule}.`, line, col, p);
  }

  /** A bare token that is not JSON (`valid` false), or is JSON where `expect` says something else belonged. */
  badToken(text: Uint8Array, valid: boolean, expect: number, p: number, line: number, col: number): void {
    if (!valid) this.add('error', 'invalidValue', `Invalid value ${quoteBytes(text)} at ${at(line, col)}.`, line, col, p);
    else this.unexpected(quoteBytes(text), expect, p, line, col);
  }

  byteOrderMark(betweenValues: boolean, p: number, line: number, col: number): void {
    if (betweenValues) {
      const message = `A byte order mark (U+FEFF) at ${at(line, col)} is not JSON (files joined together?); it is copied unchanged.`;
      this.add('warning', 'byteOrderMark', message, line, col, p);
    } else this.add('error', 'invalidValue', `Unexpected byte order mark (U+FEFF) at ${at(line, col)}.`, line, col, p);
  }

  endInsideString(started: string, p: number, line: number, col: number): void {
    this.add('error', 'unterminatedString', `The file ends inside a string that starts at ${started}.`, line, col, p);
  }

  /** `inner`/`outer`: where the innermost and outermost open containers start. */
  unclosed(inObject: boolean, inner: string, open: number, outer: string, p: number, line: number, col: number): void {
    const more = open > 1 ? ` (${open} brackets are still open; the outermost starts at ${outer})` : '';
    const message = `The file ends inside ${inObject ? 'an object' : 'an array'} that starts at ${inner}${more}.`;
    this.add('error', 'unclosed', message, line, col, p);
  }

  invalidUtf8(count: number, p: number, line: number, col: number): void {
    const what = count === 1 ? 'a byte sequence that is' : `${count} byte sequences that are`;
    const message = `The file has ${what} not valid UTF-8 (the first at ${at(line, col)}); they are copied unchanged.`;
    this.summaries.push({ severity: 'warning', code: 'invalidUtf8', message, line, column: col, offset: p });
  }

  deepNesting(levels: number, p: number, line: number, col: number): void {
    if (this.summaries.some((s) => s.code === 'deepNesting')) return;
    const message = `Nesting deeper than ${levels} levels at ${at(line, col)}; indentation stops growing there.`;
    this.summaries.push({ severity: 'warning', code: 'deepNesting', message, line, column: col, offset: p });
  }
}

export function at(line: number, column: number): string {
  return `line ${line}, column ${column}`;
}

/** A few bytes of input as they would read in a message: decoded, escaped, shortened. */
export function quoteBytes(bytes: Uint8Array, max = 32): string {
  let text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
  let more = '';
  if (text.length > max) {
    text = text.slice(0, max);
    more = '…';
  }
  return `'${JSON.stringify(text).slice(1, -1)}${more}'`;
}
