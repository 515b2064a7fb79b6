/** A date range typed in the palette's filter picker. */
import { parseTime } from './time';

/**
 * A date range as typed: `2026-03-01 08:00 .. 2026-03-02` (also `to`, en or em dash), in UTC;
 * either side may be empty; a bare date as the end means the end of that day.
 */
export function parseRange(text: string): { since?: number; until?: number; problem?: string } {
  const parts = text.split(/\s*(?:\.\.|–|—|\bto\b)\s*/i);
  if (parts.length > 2) return { problem: 'Write one "..": from .. until' };
  const read = (s: string | undefined, end: boolean): number | undefined | null => {
    const t = (s ?? '').trim().replace(/\s*UTC$/i, '');
    if (t === '') return undefined;
    const ms = parseTime(t);
    if (Number.isNaN(ms)) return null;
    return end && /^\d{4}-\d{2}-\d{2}$/.test(t) ? ms + 24 * 3600_000 - 1 : ms;
  };
  const since = read(parts[0], false);
  const until = read(parts[1], true);
  if (since === null || until === null) return { problem: 'Times look like 2026-03-01 or 2026-03-01 08:00 (UTC)' };
  if (since !== undefined && until !== undefined && since > until) return { problem: 'The start is after the end' };
  return { ...(since !== undefined ? { since } : {}), ...(until !== undefined ? { until } : {}) };
}
