/**
 * Putting log text into Markdown. Log values are hostile (names come from HR systems and apps), so
 * every value is escaped, kept on one line, its hidden characters shown and its length capped. Two
 * strengths: `mdText` for reports read in the Markdown preview (structure and HTML escaped, the text
 * stays readable when the report is pasted into a ticket), `mdInert` for hovers, where VS Code's
 * renderer also turns bare URLs, e-mail addresses and `$(icon)` into live elements.
 */
import { clip, oneLine } from './safeText';

/** Longest value shown before cutting it with an ellipsis. */
export const MAX_VALUE_CHARS = 300;

/**
 * Hovers: every ASCII punctuation character backslash-escaped (CommonMark allows it for all of them)
 * so that no emphasis, link, code span, table or autolink (`https\:\/\/…`, `a\@b\.c`) can form.
 * `$`, `<` and `&` become entities instead: VS Code looks for `$(icon)` in the rendered HTML, after
 * the escapes are gone, and entities survive until the browser decodes them as plain text.
 */
const ALL_PUNCTUATION = /[!"#$%&'()*+,\-./:;<=>?@[\\\]^_`{|}~]/g;
/** Reports: what can start markup (emphasis, links and their targets, code, tables, HTML, headings, icons). */
const STRUCTURE = /[\\`*_{}[\]()#!|~<>&$]/g;
const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', $: '&#36;' };
/** A value that starts a line must not start a list or a numbered item. */
const LINE_START = /^([-+]|\d+[.)])(?=\s)/;

/** Markdown builds on the one set of rules: one line, hidden characters shown, the one cut. */
const oneLineShown = oneLine;

/** `text` as Markdown inline content for reports: one line, markup and HTML escaped, readable. */
export function mdText(text: string, max = MAX_VALUE_CHARS): string {
  return oneLineShown(text, max)
    .replace(STRUCTURE, (c) => ENTITIES[c] ?? `\\${c}`)
    // `- x` → `\\- x`, but `1. x` → `1\\. x`: CommonMark escapes punctuation only, so `\\1.` would show its backslash.
    .replace(LINE_START, (m) => (/^\d/.test(m) ? `${m.slice(0, -1)}\\${m.slice(-1)}` : `\\${m}`));
}

/** `text` as inert Markdown for hovers: nothing in it can become markup, a link or an icon. */
export function mdInert(text: string, max = MAX_VALUE_CHARS): string {
  // One pass, so that the entities' own `&` and `;` are not escaped again.
  return oneLineShown(text, max).replace(ALL_PUNCTUATION, (c) => (c === '>' ? '\\>' : (ENTITIES[c] ?? `\\${c}`)));
}

/**
 * A code span: backticks cannot be escaped inside one, so they become quotes; line breaks and pipes
 * (which end a table cell even inside a span) become spaces. '' for an empty value.
 */
export function mdCode(s: string, max = MAX_VALUE_CHARS): string {
  if (s === '') return '';
  return '`' + oneLineShown(s, max).replace(/`/g, "'").replace(/\|/g, ' ') + '`';
}

/** A block quote of multi-line text, each line escaped. */
export function mdQuote(s: string, maxChars = 4000): string {
  const shown = clip(s, maxChars);
  return shown
    .split(/\r\n|\r|\n/)
    .map((line) => (line.trim() === '' ? '>' : `> ${mdText(line, maxChars)}`))
    .join('\n');
}

/** A link to a web page; only http(s) targets (never `command:` or `file:`) become links. */
export function mdLink(title: string, url: string): string {
  if (!/^https?:\/\/[^\s<>()]+$/i.test(url)) return mdText(title);
  return `[${mdText(title)}](${url})`;
}

/**
 * A link whose target we built (a command URI or a catalog URL): parentheses, spaces and angle
 * brackets are percent-encoded so that the target cannot end early whatever it carries.
 */
export function safeLink(label: string, target: string): string {
  const safe = target.replace(/[()<>\s"'\\]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
  return `[${label}](${safe})`;
}

/** A Markdown table from a header and rows of already-escaped cells. */
export function mdTable(header: readonly string[], rows: readonly (readonly string[])[], align?: readonly ('l' | 'r')[]): string {
  const rule = header.map((_, k) => (align?.[k] === 'r' ? '---:' : '---'));
  return [header, rule, ...rows].map((r) => `| ${r.join(' | ')} |`).join('\n');
}
