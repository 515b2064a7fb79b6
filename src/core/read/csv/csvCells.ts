/**
 * One cell's text on its way out of and back into a CSV file. Log text is attacker-influenced
 * (display names come from HR systems), and Excel runs a cell that starts with `=`, `+`, `-`, `@`,
 * tab or CR as a formula. The writer therefore puts an apostrophe in front of such a cell (OWASP's
 * advice, and what Excel itself shows as "text"); the reader takes exactly that apostrophe off
 * again, so export → read gives back the original text.
 */

/** Characters that make a spreadsheet read a cell as a formula, full-width forms included (East Asian IMEs). */
const FORMULA_START = new Set(['=', '+', '-', '@', '\t', '\r', '\uff1d', '\uff0b', '\uff0d', '\uff20']);
const APOSTROPHE = 0x27;

/**
 * True when `text` is (optional apostrophes +) a formula start. Apostrophes already in front are
 * counted in, so that a value that really starts with `'=` survives the round trip too.
 */
function startsLikeFormula(text: string): boolean {
  let k = 0;
  while (text.charCodeAt(k) === APOSTROPHE) k++;
  return k < text.length && FORMULA_START.has(text[k]!);
}

/** The cell text to write for a value: defused against formula injection. */
export function defuseFormula(value: string): string {
  return startsLikeFormula(value) ? `'${value}` : value;
}

/** The value a cell stands for: the writer's apostrophe taken off (only when it defused a formula). */
export function restoreFormula(cell: string): string {
  return cell.charCodeAt(0) === APOSTROPHE && startsLikeFormula(cell) ? cell.slice(1) : cell;
}

/** RFC 4180 quoting: only when needed, or always for an empty string (`""` is how a CSV says "empty, not absent"). */
export function csvField(value: string | null): string {
  if (value === null) return '';
  const text = defuseFormula(value);
  if (text === '' || /[",\r\n]/.test(text) || text.trim() !== text) return `"${text.replace(/"/g, '""')}"`;
  return text;
}

/** One CSV line (CRLF: what RFC 4180 and Excel expect). */
export function csvLine(values: readonly (string | null)[]): string {
  return values.map(csvField).join(',') + '\r\n';
}

/**
 * V8 keeps a substring as a view of its parent string, so one kept cell would keep its whole row (or
 * chunk) alive. Values that outlive the parse (interned in the store, keys of the join maps) are
 * copied into strings of their own: concatenation then slice forces a flat copy of just the value.
 */
export function ownCopy(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}
