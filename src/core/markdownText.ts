/**
 * Putting log text into Markdown safely. Log values come from HR systems and target apps, so a
 * name can hold markup, HTML, link syntax or a megabyte of text: every value is escaped (md), kept
 * on one line, and cut to a length a report can show.
 */
import { md } from './export/markdownExport';

/** Longest value a report shows before cutting it with an ellipsis. */
export const MAX_VALUE_CHARS = 300;

/** Cut to `max`, bidi overrides and isolates made visible (they can make a name read backwards). */
function cut(s: string, max: number): string {
  const shown = s.replace(/[\u202a-\u202e\u2066-\u2069]/g, '\ufffd');
  return shown.length > max ? `${shown.slice(0, max)}…` : shown;
}

/** Escaped text on one line, safe anywhere inline (table cells included). */
export function mdText(s: string, max = MAX_VALUE_CHARS): string {
  return md(cut(s, max));
}

/**
 * A code span: backticks cannot be escaped inside one, so they become quotes; line breaks and pipes
 * (which end a table cell even inside a span) become spaces. '' for an empty value.
 */
export function mdCode(s: string, max = MAX_VALUE_CHARS): string {
  if (s === '') return '';
  return '`' + cut(s, max).replace(/`/g, "'").replace(/[\r\n|]+/g, ' ') + '`';
}

/** A block quote of multi-line text, each line escaped. */
export function mdQuote(s: string, maxChars = 4000): string {
  return cut(s, maxChars)
    .split(/\r\n|\r|\n/)
    .map((line) => (line.trim() === '' ? '>' : `> ${md(line)}`))
    .join('\n');
}

/** A link to a web page; only http(s) targets (never `command:` or `file:`) become links. */
export function mdLink(title: string, url: string): string {
  if (!/^https?:\/\/[^\s<>()]+$/i.test(url)) return mdText(title);
  return `[${mdText(title)}](${url})`;
}

/** A Markdown table from a header and rows of already-escaped cells. */
export function mdTable(header: readonly string[], rows: readonly (readonly string[])[], align?: readonly ('l' | 'r')[]): string {
  const rule = header.map((_, k) => (align?.[k] === 'r' ? '---:' : '---'));
  return [header, rule, ...rows].map((r) => `| ${r.join(' | ')} |`).join('\n');
}
