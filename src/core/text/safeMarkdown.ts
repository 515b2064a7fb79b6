/**
 * Log text inside hover Markdown (which renders theme icons): display names, reasons and codes come from
 * HR systems and target apps, so they are hostile. Everything taken from a log goes through
 * `safeMd`, which makes it inert: no emphasis, links, autolinks, HTML, headings or theme icons.
 */

/** Bidirectional controls reorder what is shown (`Evil \u202Egnp.exe`): shown as their code points instead. */
const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
/** C0/C1 controls other than tab; line breaks are folded to spaces so no block syntax can start. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;
const LINE_BREAKS = /\r\n|[\r\n\u2028\u2029]/g;
/**
 * ASCII punctuation, each backslash-escaped (CommonMark allows it for all of them) so that no
 * emphasis, link, code span, table or autolink (`https\:\/\/…`, `a\@b\.c`) can form. `$`, `<` and
 * `&` become entities instead: VS Code looks for `$(icon)` in the rendered HTML, after the escapes
 * are gone, and entities survive until the browser decodes them as plain text.
 */
const SPECIAL = /[!"#$%&'()*+,\-./:;<=>?@[\\\]^_`{|}~]/g;
const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', $: '&#36;' };

export interface MdTextOptions {
  /** Longest text kept, in UTF-16 units (a 100 KB display name must not fill the screen). Default 300. */
  max?: number;
}

/** `text` as inert Markdown inline content, on one line. */
export function safeMd(text: string, options: MdTextOptions = {}): string {
  const max = options.max ?? 300;
  let s = text.replace(LINE_BREAKS, ' ').replace(CONTROL, '').replace(BIDI, (c) => `[U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}]`);
  if (s.length > max) s = `${cutAt(s, max)}…`;
  // One pass, so that the entities' own `&` and `;` are not escaped again.
  return s.replace(SPECIAL, (c) => ENTITIES[c] ?? `\\${c}`);
}

/** Plain text for places that do not render Markdown (diagnostic messages): one line, bidi shown, length capped. */
export function plainText(text: string, max = 120): string {
  const s = text.replace(LINE_BREAKS, ' ').replace(CONTROL, '').replace(BIDI, (c) => `[U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}]`).trim();
  return s.length > max ? `${cutAt(s, max)}…` : s;
}

/**
 * A Markdown link whose target we built (a command URI or a catalog URL): parentheses, spaces and
 * angle brackets are percent-encoded so that the target cannot end early whatever it carries.
 */
export function safeLink(label: string, target: string): string {
  const safe = target.replace(/[()<>\s"'\\]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
  return `[${label}](${safe})`;
}

/** Cuts before `max` without splitting a surrogate pair. */
function cutAt(s: string, max: number): string {
  const c = s.charCodeAt(max - 1);
  return s.slice(0, c >= 0xd800 && c <= 0xdbff ? max - 1 : max);
}
