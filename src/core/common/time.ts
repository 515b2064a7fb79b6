/**
 * Timestamps as they appear in provisioning logs, all read as UTC (downloads are UTC, and Log
 * Analytics' display form carries no zone):
 *  - ISO 8601 with 0–7 fraction digits, `Z`, an offset, or no zone: `2022-08-23T13:36:50.3538931Z`
 *  - Log Analytics display form: `3/2/2026, 10:00:05.000 AM` (month/day/year, 12-hour clock)
 *  - .NET JSON dates written by Windows PowerShell: `/Date(1561409588000)/`
 */

const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;
const DISPLAY =
  /^(\d{1,2})\/(\d{1,2})\/(\d{4}),?\s+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?\s*(AM|PM)?(?:\s*(?:UTC|Z|GMT))?$/i;
const DOTNET = /^\/?Date\((-?\d+)(?:[+-]\d{4})?\)\/?$/;

/** Epoch milliseconds, or NaN when the text is not a timestamp we know. */
export function parseTime(text: string): number {
  const s = text.trim();
  if (s === '') return NaN;
  let m = ISO.exec(s);
  if (m) {
    const ms = m[7] ? Number((m[7] + '00').slice(0, 3)) : 0;
    let t = Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0), ms);
    const zone = m[8];
    if (zone && zone.toUpperCase() !== 'Z') {
      const sign = zone.startsWith('-') ? -1 : 1;
      const digits = zone.slice(1).replace(':', '');
      t -= sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4))) * 60_000;
    }
    return validDate(m, t);
  }
  m = DISPLAY.exec(s);
  if (m) {
    let hour = +m[4]!;
    const ampm = m[8]?.toUpperCase();
    if (ampm === 'PM' && hour < 12) hour += 12;
    if (ampm === 'AM' && hour === 12) hour = 0;
    const ms = m[7] ? Number((m[7] + '00').slice(0, 3)) : 0;
    return Date.UTC(+m[3]!, +m[1]! - 1, +m[2]!, hour, +m[5]!, +(m[6] ?? 0), ms);
  }
  m = DOTNET.exec(s);
  if (m) return Number(m[1]);
  const fallback = Date.parse(s);
  return Number.isNaN(fallback) ? NaN : fallback;
}

function validDate(m: RegExpExecArray, t: number): number {
  const month = +m[2]!;
  const day = +m[3]!;
  if (month < 1 || month > 12 || day < 1 || day > 31) return NaN;
  return t;
}

/** `2026-03-02 10:00:05 UTC` style, for places where the zone must be explicit. */
export function formatUtc(t: number, withMs = false): string {
  if (Number.isNaN(t)) return '';
  const iso = new Date(t).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, withMs ? 23 : 19)} UTC`;
}

/** `14:40 UTC`. */
export function formatUtcClock(t: number): string {
  if (Number.isNaN(t)) return '';
  return `${new Date(t).toISOString().slice(11, 16)} UTC`;
}

/**
 * The one rule for showing times (setting provlog.time.zone): every view writes a time the same way,
 * `2026-03-02 14:00:27 UTC`, or in the person's zone `2026-03-02 15:00:27 UTC+1`, and offers the other
 * zone on hover. 24-hour clock, ISO-like dates: the file, the portal's downloads and support tickets
 * read the same way.
 */
export type TimeZoneChoice = 'utc' | 'local';

export function isTimeZoneChoice(v: unknown): v is TimeZoneChoice {
  return v === 'utc' || v === 'local';
}

interface Parts {
  date: string;
  clock: string;
  zone: string;
}

function partsOf(t: number, zone: TimeZoneChoice, withMs = false): Parts {
  if (zone === 'utc') {
    const iso = new Date(t).toISOString();
    return { date: iso.slice(0, 10), clock: iso.slice(11, withMs ? 23 : 19), zone: 'UTC' };
  }
  // Local wall-clock time: shift by the offset and read it back as if it were UTC.
  const offset = -new Date(t).getTimezoneOffset();
  const iso = new Date(t + offset * 60_000).toISOString();
  const sign = offset < 0 ? '−' : '+';
  const h = Math.floor(Math.abs(offset) / 60);
  const m = Math.abs(offset) % 60;
  const label = offset === 0 ? 'UTC' : `UTC${sign}${h}${m ? `:${String(m).padStart(2, '0')}` : ''}`;
  return { date: iso.slice(0, 10), clock: iso.slice(11, withMs ? 23 : 19), zone: label };
}

/** `2026-03-02 14:00:27 UTC` / `2026-03-02 15:00:27 UTC+1`; '' for NaN. */
export function formatTimeIn(t: number, zone: TimeZoneChoice, withMs = false): string {
  if (!Number.isFinite(t)) return '';
  const p = partsOf(t, zone, withMs);
  return `${p.date} ${p.clock} ${p.zone}`;
}

/** The other zone's writing, for a hover: `In your time: …` or `In UTC: …`. */
export function formatOtherZone(t: number, zone: TimeZoneChoice): string {
  if (!Number.isFinite(t)) return '';
  return zone === 'utc' ? `Your time: ${formatTimeIn(t, 'local')}` : `UTC: ${formatTimeIn(t, 'utc')}`;
}

/** `2026-03-02 14:00 UTC` without seconds: chart axes and chips. */
export function formatShortIn(t: number, zone: TimeZoneChoice): string {
  if (!Number.isFinite(t)) return '';
  const p = partsOf(t, zone);
  return `${p.date} ${p.clock.slice(0, 5)} ${p.zone}`;
}

/**
 * A span: `2026-03-02 11:14 – 14:00 UTC` (the date again only across midnight); within one minute
 * with seconds, `2026-03-02 09:00:02 – 09:00:41 UTC`, never "09:00 – 09:00".
 */
export function formatSpanIn(first: number, last: number, zone: TimeZoneChoice): string {
  if (!Number.isFinite(first) || !Number.isFinite(last)) return '';
  const a = partsOf(first, zone);
  const b = partsOf(last, zone);
  const seconds = Math.abs(last - first) < 60_000 || (a.date === b.date && a.clock.slice(0, 5) === b.clock.slice(0, 5));
  const clock = (p: Parts): string => (seconds ? p.clock : p.clock.slice(0, 5));
  if (first === last) return `${a.date} ${clock(a)} ${a.zone}`;
  const end = a.date === b.date ? clock(b) : `${b.date} ${clock(b)}`;
  // Across a change of offset (summer time) each end says its own zone.
  return a.zone === b.zone ? `${a.date} ${clock(a)} – ${end} ${b.zone}` : `${a.date} ${clock(a)} ${a.zone} – ${end} ${b.zone}`;
}
