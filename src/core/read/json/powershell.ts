/**
 * Windows PowerShell's `ConvertTo-Json` stops at `-Depth 2` by default and writes deeper values as
 * their .NET text: objects as `@{name=EntryImportAdd; status=success}`, arrays as `System.Object[]`.
 * The data below that depth is lost; we read back what the text still holds and say so.
 */
import type { JsonObject } from './json';

const FLATTENED_ARRAY = /^System\.(Object|String|Collections\.[\w.]+)\[\]$|^System\.Collections\.(Hashtable|ArrayList|Generic\.[\w.`[\]]+)$/;

export function isFlattenedArrayText(s: string): boolean {
  return FLATTENED_ARRAY.test(s);
}

/** `@{a=1; b=x y; c=}` → `{a: "1", b: "x y", c: ""}`; undefined when the text is not that form. */
export function parseHashtableText(s: string): JsonObject | undefined {
  if (!s.startsWith('@{') || !s.endsWith('}')) return undefined;
  const body = s.slice(2, -1);
  const out: JsonObject = {};
  if (body.trim() === '') return out;
  // Values may hold "; " themselves, so split only where the next "key=" follows.
  const parts = body.split(/; (?=[A-Za-z_@][\w .@-]*=)/);
  for (const part of parts) {
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    out[part.slice(0, eq).trim()] = part.slice(eq + 1);
  }
  return out;
}

/** `ConvertTo-Json` indents by 4 and writes two spaces after the colon; enough to tell its output apart. */
export function looksLikeConvertToJson(head: string): boolean {
  return /\n(?: {4})+"[^"\n]+": {2}\S/.test(head);
}

export function depthTruncationMessage(where: string): string {
  return (
    `This file was written by PowerShell's ConvertTo-Json at its default -Depth 2: nested values were ` +
    `flattened into text such as "@{name=…}" or "System.Object[]" (first one ${where}). What that text ` +
    `still holds is shown, but deeper details are lost. To export without loss, re-run with a larger ` +
    `depth, e.g. Get-Content in.json | ConvertFrom-Json | ConvertTo-Json -Depth 10 > out.json, or open ` +
    `the original download instead.`
  );
}
