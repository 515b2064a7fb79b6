/**
 * KQL literals from untrusted text. Filter text comes from log files and users; it must stay one
 * string literal whatever it holds (quotes, backslashes, `|`, newlines, `//`), so every character
 * that could end the literal or a line is escaped and nothing else is interpreted.
 */

/** A double-quoted KQL string literal holding exactly `s`. */
export function kqlString(s: string): string {
  let out = '"';
  for (const ch of s) {
    switch (ch) {
      case '\\':
        out += '\\\\';
        break;
      case '"':
        out += '\\"';
        break;
      case '\n':
        out += '\\n';
        break;
      case '\r':
        out += '\\r';
        break;
      case '\t':
        out += '\\t';
        break;
      default:
        // Kusto ends a line only at \n or \r: every other character is safe as itself.
        out += ch;
    }
  }
  return `${out}"`;
}

/** `datetime(2024-01-02T03:04:05.678Z)` for epoch ms. */
export function kqlDatetime(ms: number): string {
  return `datetime(${new Date(ms).toISOString()})`;
}

/** A KQL timespan literal for whole milliseconds (`1d`, `3h`, `1500ms`). */
export function kqlTimespan(ms: number): string {
  if (ms % 86_400_000 === 0) return `${ms / 86_400_000}d`;
  if (ms % 3_600_000 === 0) return `${ms / 3_600_000}h`;
  if (ms % 60_000 === 0) return `${ms / 60_000}m`;
  return `${ms}ms`;
}

/** The needle an in-memory text filter uses (NULs dropped, trimmed), or undefined when it filters nothing. */
export function filterNeedle(text: string | undefined): string | undefined {
  const n = text?.split('\u0000').join('').trim();
  return n ? n : undefined;
}
