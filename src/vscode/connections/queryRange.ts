/**
 * The time range of a Log Analytics query: the viewer's own date filter when it has absolute bounds,
 * else the last day, week, month or quarter, or a range typed as `start/end`.
 */
import * as vscode from 'vscode';
import { formatUtc, parseTime } from '../../core/common/time';
import { type EventFilter } from '../../core/common/filter';

export interface TimeRange {
  since: number;
  /** Exclusive. */
  until: number;
}

const DAY = 86_400_000;

export async function pickRange(filter: EventFilter, now: number): Promise<TimeRange | undefined> {
  type Item = vscode.QuickPickItem & { range?: TimeRange; custom?: true };
  const items: Item[] = [];
  if (filter.since !== undefined) {
    const until = filter.until !== undefined ? filter.until + 1 : now;
    items.push({ label: "The viewer's date filter", description: `${formatUtc(filter.since)} – ${formatUtc(until - 1)}`, range: { since: filter.since, until } });
  }
  for (const [label, days] of [['Last 24 hours', 1], ['Last 7 days', 7], ['Last 30 days', 30], ['Last 90 days', 90]] as const) {
    items.push({ label, range: { since: now - days * DAY, until: now } });
  }
  items.push({ label: 'Custom range…', description: 'start/end, ISO dates', custom: true });
  const pick = await vscode.window.showQuickPick(items, { title: 'Query Log Analytics: time range', placeHolder: 'Which events to fetch (the filters apply within it)' });
  if (pick === undefined) return undefined;
  if (pick.range) return pick.range;
  const typed = await vscode.window.showInputBox({
    title: 'Query Log Analytics: time range',
    prompt: 'From/to, UTC unless a zone is given; a bare end date includes that day',
    placeHolder: '2026-03-01/2026-03-02',
    ignoreFocusOut: true,
    validateInput: (v) => (parseRange(v) ? undefined : 'Two ISO dates or date-times separated by "/", the first earlier.'),
  });
  return typed === undefined ? undefined : parseRange(typed);
}

export function parseRange(text: string): TimeRange | undefined {
  const [a, b] = text.split('/').map((s) => s.trim());
  if (!a || !b) return undefined;
  const since = parseTime(a);
  let until = parseTime(b);
  if (/^\d{4}-\d{2}-\d{2}$/.test(b)) until += DAY;
  return Number.isNaN(since) || Number.isNaN(until) || since >= until ? undefined : { since, until };
}
