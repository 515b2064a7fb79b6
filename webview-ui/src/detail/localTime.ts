/**
 * Local times, computed in the page: the page runs where the user sits (in VS Code for the web the
 * extension host may be in another time zone), so "your time" is the browser's.
 */
import type { TimeZoneChoice } from '../../../src/core/common/time';

/** The zone the person chose for times (setting provlog.time.zone), as the host last said. */
let chosenZone: TimeZoneChoice = 'utc';

export function setTimeZone(zone: TimeZoneChoice | undefined): void {
  chosenZone = zone ?? 'utc';
}

export function timeZone(): TimeZoneChoice {
  return chosenZone;
}

const dateTime = new Intl.DateTimeFormat(undefined, {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  timeZoneName: 'short',
});
const clock = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', timeZoneName: 'short' });

/** Whether the user's clock is UTC at `t`: the local time then repeats the UTC one and is left out. */
function localIsUtc(t: number): boolean {
  return new Date(t).getTimezoneOffset() === 0;
}

/** `2 Mar 2026, 15:00:05 CET`; '' when the time is unknown or local time is UTC anyway. */
export function localDateTime(t: number): string {
  return Number.isFinite(t) && !localIsUtc(t) ? dateTime.format(new Date(t)) : '';
}

/** `15:40 CET`; '' as for localDateTime. */
export function localClock(t: number): string {
  return Number.isFinite(t) && !localIsUtc(t) ? clock.format(new Date(t)) : '';
}

/** `3 hours ago`, `in 20 minutes`: how far a time is from now, within a week ('' beyond: old downloads). */
export function relativeToNow(t: number, now = Date.now()): string {
  if (!Number.isFinite(t) || Math.abs(t - now) > 7 * 24 * 3600_000) return '';
  const rtf = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });
  const minutes = Math.round((t - now) / 60_000);
  if (Math.abs(minutes) < 60) return rtf.format(minutes, 'minute');
  const hours = Math.round(minutes / 60);
  if (Math.abs(hours) < 48) return rtf.format(hours, 'hour');
  return rtf.format(Math.round(hours / 24), 'day');
}
