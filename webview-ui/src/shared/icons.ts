/**
 * Codicons both pages share, so a status looks the same in the table, the header, the menus and
 * the detail panel.
 */
import type { Status } from '../../../src/core/common/record';
import { h } from './dom';

export const STATUS_ICONS: Readonly<Record<Status, string>> = {
  success: 'pass',
  failure: 'error',
  skipped: 'circle-slash',
  warning: 'warning',
};

/** A decorative codicon: hidden from screen readers, the words beside it say what it means. */
export function icon(name: string, className = ''): HTMLElement {
  return h('span', { className: `codicon codicon-${name} ${className}`.trim(), attrs: { 'aria-hidden': 'true' } });
}
