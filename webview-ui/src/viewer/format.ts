/**
 * Numbers, sizes, durations and times as the page shows them: local time in the table (what a
 * person reads), UTC beside it on hover (what the file, the portal and support tickets use).
 */
import { formatUtc as coreFormatUtc } from '../../../src/core/time';

export { formatBytes, formatCount, plural } from '../../../src/core/displayText';
const local = new Intl.DateTimeFormat(undefined, {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});
const localShort = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });

export function formatLocal(t: number | null): string {
  return t === null || !Number.isFinite(t) ? '' : local.format(t);
}

export function formatLocalShort(t: number | null): string {
  return t === null || !Number.isFinite(t) ? '' : localShort.format(t);
}

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


/** A span in words: "Mar 1, 14:00 – Mar 2, 14:00". */
export function formatSpan(first: number | null, last: number | null): string {
  if (first === null || last === null) return '';
  return first === last ? formatLocalShort(first) : `${formatLocalShort(first)} – ${formatLocalShort(last)}`;
}

/** "2026-03-02 11:14 – 14:00 UTC" (the date repeated only when the span crosses midnight). */
export function formatUtcSpan(first: number | null, last: number | null): string {
  if (first === null || last === null) return '';
  const a = new Date(first).toISOString();
  const b = new Date(last).toISOString();
  const end = a.slice(0, 10) === b.slice(0, 10) ? b.slice(11, 16) : `${b.slice(0, 10)} ${b.slice(11, 16)}`;
  return `${a.slice(0, 10)} ${a.slice(11, 16)} – ${end} UTC`;
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
