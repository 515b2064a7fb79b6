/**
 * What the Markdown report tests check: log text must never become HTML or a command link
 * outside code spans.
 */

/** Log text that would be HTML, a command link, a table cell break, code and a codicon if left raw. */
export const HOSTILE = '<script>alert(1)</script> [x](command:workbench.action.terminal.new) | `tick` $(zap)';

/** The text outside code spans: inside one, Markdown shows `<script>` as text (and cannot escape it). */
export function outsideCode(md: string): string {
  return md.replace(/`[^`\n]*`/g, '');
}
