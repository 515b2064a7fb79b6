/**
 * Numbers, sizes, durations and times as the page shows them. Times follow the one rule of
 * core/time (setting provlog.time.zone, given by the host's init): one zone shown, the other on hover.
 */
import { formatOtherZone, formatShortIn, formatSpanIn, formatTimeIn, formatUtc as coreFormatUtc, type TimeZoneChoice } from '../../../src/core/common/time';

let zone: TimeZoneChoice = 'utc';

export function setTimeZone(z: TimeZoneChoice): void {
  zone = z;
}

/** `2026-03-02 14:00:27 UTC` (or local, per the setting). */
export function formatTime(t: number | null): string {
  return t === null ? '' : formatTimeIn(t, zone);
}

/** The hover's other zone: `Your time: …` / `UTC: …`. */
export function formatTimeOther(t: number | null): string {
  return t === null ? '' : formatOtherZone(t, zone);
}

/** `2026-03-02 14:00 UTC`: chart axes and chips. */
export function formatTimeShort(t: number | null): string {
  return t === null ? '' : formatShortIn(t, zone);
}

/** A span in the shown zone (seconds when it lasts under a minute), and in the other for the hover. */
export function formatTimeSpan(first: number | null, last: number | null, other = false): string {
  if (first === null || last === null) return '';
  return formatSpanIn(first, last, other ? (zone === 'utc' ? 'local' : 'utc') : zone);
}

export { formatBytes, formatCount, plural } from '../../../src/core/common/displayText';
/** `2026-03-02 10:00:05 UTC`. */
export function formatUtc(t: number | null): string {
  return t === null ? '' : coreFormatUtc(t);
}


export function formatDuration(ms: number | null): string {
  if (ms === null || !Number.isFinite(ms)) return '';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
  return `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`;
}


/** `datetime-local` input value (local time) ↔ epoch ms. */
export function toLocalInput(t: number): string {
  const d = new Date(t - new Date(t).getTimezoneOffset() * 60_000);
  return d.toISOString().slice(0, 16);
}

export function fromLocalInput(v: string): number | undefined {
  if (!v) return undefined;
  const t = new Date(v).getTime();
  return Number.isFinite(t) ? t : undefined;
}
