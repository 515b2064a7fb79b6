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
