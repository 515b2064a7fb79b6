/**
 * The one set of rules for log text shown to a person, on every surface (CLI, tree, viewer, detail
 * panel, hovers, reports, notifications). Names come from HR systems and target apps, so they may
 * hold characters that hide or reorder what is displayed: a right-to-left override makes
 * "Evil \u202Egnp.exe" read "Evil exe.png", an escape sequence restyles a terminal. Those are made
 * visible as ⟨U+202E⟩ everywhere, by the same rule. Joiners (U+200C/U+200D) stay: Persian, Indic
 * scripts and emoji need them.
 */

/**
 * What is revealed: C0/C1 controls other than tab and line breaks, bidi marks, embeddings, overrides
 * and isolates, zero-width space, word joiner, the BOM, and surrogates without their other half.
 */
// eslint-disable-next-line no-control-regex -- control characters are what is revealed
const HIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200b\u200e\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
/** Where one-line surfaces put a space: tabs and line breaks (a run of them becomes one space). */
const LINE_BREAKS = /[\t\n\r\u2028\u2029]+/g;

/** Every hidden character written as ⟨U+XXXX⟩; tabs and line breaks stay (multi-line surfaces keep them). */
export function revealControls(s: string): string {
  return s.replace(HIDDEN, (c) => `⟨U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}⟩`);
}

/** `s` on one line, uncapped: tabs and line breaks become a space, hidden characters are shown. */
export function oneLineUncut(s: string): string {
  return revealControls(s.replace(LINE_BREAKS, ' '));
}

/** One line for plain-text places (tree labels, quick picks, diagnostics): oneLineUncut, cut by `clip`. */
export function oneLine(s: string, max = 200): string {
  return clip(oneLineUncut(s), max);
}

/** How much of a text each kind of place VS Code draws shows (labels take workbenchText's default). */
export const WORKBENCH_LIMITS = { notification: 1000, button: 60, panelTitle: 40 } as const;

/**
 * Text for VS Code to draw (titles, labels, notifications): oneLine, and VS Code's own syntax in plain
 * strings (`$(icon)` in labels, `[text](link)` in notifications) broken by a zero-width space of ours
 * between `$`/`]` and `(`, so it is drawn as the text it is.
 */
export function workbenchText(s: string, max = 200): string {
  return oneLine(s, max).replace(/\$\(/g, '$\u200b(').replace(/\]\(/g, ']\u200b(');
}

/**
 * The one cut rule: text longer than `max` UTF-16 units keeps its first `max` (never half a surrogate
 * pair) and ends in `…`, which says where it was cut.
 */
export function clip(s: string, max: number): string {
  return s.length <= max ? s : `${cutAt(s, max)}…`;
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
