/**
 * Pieces the hover texts share: link targets the caller builds, counts, time spans, link rows.
 */
import { formatCount, plural } from '../../common/displayText';
import { ACTION_LABELS, type Action, type StatusCounts } from '../../common/record';
import { formatUtc } from '../../common/time';
import { mdInert as safeMd, safeLink } from '../../common/markdownText';
import { type EventFilter } from '../../common/filter';

/** Link targets for the hover's actions; each returns a URI string. */
export interface HoverLinks {
  showDetails(index: number): string;
  filter(filter: EventFilter): string;
  copy(text: string, label: string): string;
}

/** `24 events: 20 succeeded · 3 failed · 1 skipped`. */
export function countsText(c: StatusCounts): string {
  const parts: string[] = [];
  if (c.success > 0) parts.push(`${formatCount(c.success)} succeeded`);
  if (c.failure > 0) parts.push(`**${formatCount(c.failure)} failed**`);
  if (c.warning > 0) parts.push(`${formatCount(c.warning)} with warnings`);
  if (c.skipped > 0) parts.push(`${formatCount(c.skipped)} skipped`);
  return `${plural(c.total, 'event')}${parts.length > 0 ? `: ${parts.join(' · ')}` : ''}`;
}

/** `2026-03-02 14:00:05 → 14:03:10 UTC (3 min 5 s)`; one time when both ends are the same. */
export function spanText(first: number, last: number): string {
  if (Number.isNaN(first) || Number.isNaN(last)) return 'time unknown';
  if (first === last) return formatUtc(first);
  const a = formatUtc(first);
  const b = formatUtc(last);
  const end = a.slice(0, 10) === b.slice(0, 10) ? b.slice(11) : b;
  return `${a.replace(/ UTC$/, '')} → ${end} (${durationText(last - first)})`;
}

export function durationText(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min${s % 60 > 0 ? ` ${s % 60} s` : ''}`;
  const h = Math.floor(m / 60);
  if (h < 48) return `${h} h${m % 60 > 0 ? ` ${m % 60} min` : ''}`;
  return `${Math.round(h / 24)} days`;
}

/** Links in one row, separated as VS Code's own hovers do. */
export function linkRow(links: [label: string, target: string][]): string {
  return links.map(([label, target]) => safeLink(label, target)).join(' · ');
}

/** The portal's label (`Create`); for `other`, the action as the log wrote it, when it has one. */
export function actionText(action: Action, written: string): string {
  return action === 'other' && written.trim() !== '' ? safeMd(written, 40) : ACTION_LABELS[action];
}
