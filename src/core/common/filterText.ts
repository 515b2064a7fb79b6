/**
 * Editing filters in the palette's filter picker: clean a draft, drop its dates, read a typed date
 * range. (A filter in words is the viewer's describeFilter, so both say it the same way.)
 */
import { parseTime } from './time';
import { type EventFilter } from './filter';

/** A filter without empty parts (so "no filter" is `{}`), strings trimmed, arrays copied. */
export function cleanFilter(f: EventFilter): EventFilter {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(f)) {
    if (v === undefined || v === false || (typeof v === 'string' && v.trim() === '') || (Array.isArray(v) && v.length === 0)) continue;
    out[k] = typeof v === 'string' ? v.trim() : Array.isArray(v) ? [...(v as unknown[])] : v;
  }
  if (out['window'] === undefined) delete out['windowFrom'];
  return out as EventFilter;
}

/** The filter without its date parts (window, since, until). */
export function withoutDate(f: EventFilter): EventFilter {
  const out = { ...f };
  delete out.window;
  delete out.windowFrom;
  delete out.since;
  delete out.until;
  return out;
}

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
