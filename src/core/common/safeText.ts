/**
 * Log text shown to a person. Names come from HR systems and target apps, so they may hold
 * characters that hide or reorder what is displayed: a right-to-left override makes
 * "Evil \u202Egnp.exe" read "Evil exe.png". Those are made visible as ⟨U+202E⟩ wherever log text is
 * shown (tree, viewer, detail panel, hovers, reports). Joiners (U+200C/U+200D) stay: Persian, Indic
 * scripts and emoji need them.
 */

const HIDDEN = /[\u061c\u200b\u200e\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]/g;
// eslint-disable-next-line no-control-regex -- control characters are what is replaced
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g;

/** Direction controls, zero-width spaces and the BOM written as ⟨U+XXXX⟩. */
export function revealControls(s: string): string {
  return s.replace(HIDDEN, (c) => `⟨U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}⟩`);
}

/** One line for plain-text places (tree labels, quick picks, diagnostics): controls become spaces, hidden characters shown, length capped. */
export function oneLine(s: string, max = 200): string {
  const clean = revealControls(s.replace(CONTROLS, ' '));
  return clean.length > max ? `${cutAt(clean, max)}…` : clean;
}

/**
 * Text for VS Code to draw (titles, labels, notifications): oneLine, and VS Code's own syntax in plain
 * strings (`$(icon)` in labels, `[text](link)` in notifications) broken by a zero-width space of ours
 * between `$`/`]` and `(`, so it is drawn as the text it is.
 */
export function workbenchText(s: string, max = 200): string {
  return oneLine(s, max).replace(/\$\(/g, '$\u200b(').replace(/\]\(/g, ']\u200b(');
}

/**
 * `s` in at most `max` units with its middle cut out (`HybridSynchro…NameNotUnique`): codes share
 * long prefixes, so keeping both ends keeps two different codes apart where an end-ellipsis would not.
 */
export function middleEllipsis(s: string, max: number): string {
  if (s.length <= max) return s;
  if (max <= 1) return '…';
  const tailLength = Math.floor((max - 1) / 2);
  const head = cutAt(s, max - 1 - tailLength);
  let tail = s.slice(s.length - tailLength);
  const first = tail.charCodeAt(0);
  if (first >= 0xdc00 && first <= 0xdfff) tail = tail.slice(1);
  return `${head}…${tail}`;
}

/** The first `max` UTF-16 units, without splitting a surrogate pair. */
export function cutAt(s: string, max: number): string {
  if (s.length <= max) return s;
  const c = s.charCodeAt(max - 1);
  return s.slice(0, c >= 0xd800 && c <= 0xdbff ? max - 1 : max);
}
