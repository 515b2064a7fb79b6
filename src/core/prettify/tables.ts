/**
 * Lookup tables for the prettify byte loop (prettifyEngine.ts). The loop classifies each byte with
 * one indexed load instead of a chain of comparisons, which keeps the inner loops short.
 */

/*
 * Constants are const enums because esbuild inlines those into the loop; a plain module-level
 * `const` becomes a `var` that V8 reloads and re-checks on every iteration (measured: ~10% slower).
 */

/** Byte classes between tokens. */
export const enum C {
  Other, // starts a bare token (number, literal, or junk)
  Quote,
  OpenObj,
  OpenArr, // classes up to here start a value
  CloseObj,
  CloseArr,
  Comma,
  Colon,
  Space, // space, tab; classes above are line breaks
  LF,
  CR,
}

export const BETWEEN = new Uint8Array(256);
BETWEEN[0x20] = C.Space;
BETWEEN[0x09] = C.Space;
BETWEEN[0x0a] = C.LF;
BETWEEN[0x0d] = C.CR;
BETWEEN[0x22] = C.Quote;
BETWEEN[0x7b] = C.OpenObj;
BETWEEN[0x5b] = C.OpenArr;
BETWEEN[0x7d] = C.CloseObj;
BETWEEN[0x5d] = C.CloseArr;
BETWEEN[0x2c] = C.Comma;
BETWEEN[0x3a] = C.Colon;

/**
 * Inside a string: 0 for bytes copied as they are; the rest stop the bulk scan. Non-ASCII bytes stop
 * it only so columns can be counted in UTF-16 units (and bad UTF-8 noticed); they are still copied.
 */
export const enum S {
  Plain,
  Quote,
  Backslash,
  Control,
  NonAscii,
}

export const IN_STRING = new Uint8Array(256);
for (let b = 0; b < 0x20; b++) IN_STRING[b] = S.Control;
for (let b = 0x80; b < 0x100; b++) IN_STRING[b] = S.NonAscii;
IN_STRING[0x22] = S.Quote;
IN_STRING[0x5c] = S.Backslash;

/** Characters allowed after a backslash (`u` is handled apart: four hex digits follow). */
export const SIMPLE_ESCAPE = new Uint8Array(256);
for (const c of '"\\/bfnrt') SIMPLE_ESCAPE[c.charCodeAt(0)] = 1;

export const HEX = new Uint8Array(256);
for (const c of '0123456789abcdefABCDEF') HEX[c.charCodeAt(0)] = 1;

/**
 * A DFA over bare tokens: state × byte → next state, 0 when the byte ends the token (whitespace or
 * punctuation). It recognises JSON numbers and true/false/null; anything else ends in B.Bad, which is
 * still copied byte for byte but reported. A UTF-8 byte order mark is a token of its own, so one at
 * the start of the input (or of a concatenated file) never glues onto the value behind it.
 */
export const enum B {
  End, // the byte is not part of the token
  Start,
  Minus,
  Zero,
  Int,
  Dot,
  Frac,
  E,
  ESign,
  Exp,
  Lit, // Lit..Lit+12: the letters of true, false, null
  Bad = 23,
  Bom1,
  Bom2,
  Bom,
  States,
}

export const BARE = new Uint8Array(B.States << 8);
/** Whether a token that ended in this state is valid JSON. */
export const BARE_OK = new Uint8Array(B.States);

function isDelimiter(b: number): boolean {
  return BETWEEN[b] !== C.Other;
}

function buildBare(): void {
  const set = (from: number, chars: string, to: number): void => {
    for (const c of chars) BARE[(from << 8) | c.charCodeAt(0)] = to;
  };
  for (let s = 1; s < B.States; s++) {
    for (let b = 0; b < 256; b++) BARE[(s << 8) | b] = isDelimiter(b) ? 0 : B.Bad;
  }
  const digits = '0123456789';
  set(B.Start, '-', B.Minus);
  set(B.Start, '0', B.Zero);
  set(B.Start, '123456789', B.Int);
  set(B.Minus, '0', B.Zero);
  set(B.Minus, '123456789', B.Int);
  set(B.Int, digits, B.Int);
  for (const s of [B.Zero, B.Int]) {
    set(s, '.', B.Dot);
    set(s, 'eE', B.E);
  }
  set(B.Dot, digits, B.Frac);
  set(B.Frac, digits, B.Frac);
  set(B.Frac, 'eE', B.E);
  set(B.E, '+-', B.ESign);
  set(B.E, digits, B.Exp);
  set(B.ESign, digits, B.Exp);
  set(B.Exp, digits, B.Exp);
  let next = B.Lit;
  for (const word of ['true', 'false', 'null']) {
    let from = B.Start;
    for (const c of word) {
      set(from, c, next);
      from = next++;
    }
    BARE_OK[from] = 1;
  }
  BARE[(B.Start << 8) | 0xef] = B.Bom1;
  BARE[(B.Bom1 << 8) | 0xbb] = B.Bom2;
  BARE[(B.Bom2 << 8) | 0xbf] = B.Bom;
  for (let b = 0; b < 256; b++) BARE[(B.Bom << 8) | b] = 0;
  for (const s of [B.Zero, B.Int, B.Frac, B.Exp]) BARE_OK[s] = 1;
}
buildBare();

/**
 * What the grammar expects next. Inside a container the state also tells which kind it is
 * (A_* array, O_* object), so closing brackets are checked without a separate type stack.
 */
export const enum X {
  Top,
  AFirst,
  AValue,
  AComma,
  OFirst, // states from here on are inside an object
  OKey,
  OColon,
  OValue,
  OComma,
  /** Flag in GRAMMAR entries: the token is out of place. */
  Err = 0x80,
}

export const EXPECTED_TEXT = [
  'a value',
  "a value or ']'",
  'a value',
  "',' or ']'",
  "a string key or '}'",
  'a string key',
  "':'",
  'a value',
  "',' or '}'",
] as const;

/** Token kinds the grammar table is indexed by: GRAMMAR[(x << 2) | kind]. */
export const enum K {
  String,
  Value, // number, literal, junk, or an opening bracket
  Comma,
  Colon,
}

/**
 * GRAMMAR[x * KINDS + kind]: the next state, plus X.Err when the token is out of place. After a
 * mistake the next state is the likeliest reading (a missing comma, a missing colon, a number used
 * as a key), so one slip gives one problem rather than a cascade.
 */
export const GRAMMAR = new Uint8Array(9 << 2);
function rule(x: X, str: number, value: number, comma: number, colon: number): void {
  GRAMMAR.set([str, value, comma, colon], x << 2);
}
rule(X.Top, X.Top, X.Top, X.Top | X.Err, X.Top | X.Err);
rule(X.AFirst, X.AComma, X.AComma, X.AValue | X.Err, X.AFirst | X.Err);
rule(X.AValue, X.AComma, X.AComma, X.AValue | X.Err, X.AValue | X.Err);
rule(X.AComma, X.AComma | X.Err, X.AComma | X.Err, X.AValue, X.AComma | X.Err);
rule(X.OFirst, X.OColon, X.OColon | X.Err, X.OKey | X.Err, X.OValue | X.Err);
rule(X.OKey, X.OColon, X.OColon | X.Err, X.OKey | X.Err, X.OValue | X.Err);
rule(X.OColon, X.OComma | X.Err, X.OComma | X.Err, X.OKey | X.Err, X.OValue);
rule(X.OValue, X.OComma, X.OComma, X.OKey | X.Err, X.OValue | X.Err);
rule(X.OComma, X.OColon | X.Err, X.OComma | X.Err, X.OKey, X.OValue | X.Err);

/** CLOSES[x]: the closing bracket's byte class that is valid in state x (none at the top level). */
export const CLOSES = new Uint8Array(9).fill(0xff);
CLOSES[X.AFirst] = C.CloseArr;
CLOSES[X.AComma] = C.CloseArr;
CLOSES[X.OFirst] = C.CloseObj;
CLOSES[X.OComma] = C.CloseObj;
