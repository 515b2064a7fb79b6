/**
 * Lookup over the error-code catalog: exact codes, codes with the target app's name in front
 * (`ContosoEntryConflict`), and a generic answer for codes we do not know.
 */
import { formatUtcClock } from '../common/time';
import { ERROR_CODES, GENERAL_TABLE } from './catalogData';
import { SKIP_REASONS } from './skipReasonData';
import { type CatalogEntry, type CatalogMatch, type ExplainJson, type SkipReasonEntry } from './catalogTypes';

export * from './catalogTypes';

const byLowerCode = new Map<string, CatalogEntry>(ERROR_CODES.map((e) => [e.code.toLowerCase(), e]));
/** Longest first, so that `EntryConflict` wins over `Conflict` as a suffix. */
const bySuffixLength = [...ERROR_CODES].sort((a, b) => b.code.length - a.code.length);
const skipReasons = new Map<string, SkipReasonEntry>(SKIP_REASONS.map((s) => [s.value.toLowerCase(), s]));

/**
 * Distinct codes in a log are few but records are many (100k+); remember answers. Bounded because
 * the codes come from the file and a hostile file could make every one unique.
 */
const cache = new Map<string, CatalogMatch>();
const CACHE_LIMIT = 512;

export function lookupErrorCode(code: string): CatalogMatch {
  const hit = cache.get(code);
  if (hit) return hit;
  // Frozen because the same object is handed to every caller that asks for this code.
  const match = Object.freeze(resolve(code));
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(code, match);
  return match;
}

function resolve(code: string): CatalogMatch {
  const trimmed = code.trim();
  const lower = trimmed.toLowerCase();
  const exact = byLowerCode.get(lower);
  if (exact) return { code, canonical: exact.code, known: true, entry: exact };
  // A step's SkipReason answers like a code (explain, hovers), from its own catalog.
  const skip = skipReasons.get(lower);
  if (skip) return { code, canonical: skip.value, known: true, skipReason: true, entry: skipAsEntry(skip) };
  for (const entry of bySuffixLength) {
    const base = entry.code.toLowerCase();
    if (lower.length <= base.length || !lower.endsWith(base)) continue;
    const at = trimmed.length - base.length;
    if (looksLikeAppPrefix(trimmed, at)) {
      return { code, canonical: entry.code, known: true, prefix: trimmed.slice(0, at), entry };
    }
  }
  return { code, canonical: trimmed, known: false, entry: unknownEntry(trimmed) };
}

/**
 * `Contoso` + `EntryConflict`: the prefix must read like a name (starts with a letter, no spaces or
 * punctuation other than `._-`) and end on a word boundary, so that `Unconflict` does not become
 * `Un` + `Conflict`. A code written in a single case has no visible boundary; accept it then.
 */
function looksLikeAppPrefix(code: string, at: number): boolean {
  const prefix = code.slice(0, at);
  if (!/^[A-Za-z][A-Za-z0-9._-]*$/.test(prefix)) return false;
  const first = code.charAt(at);
  const singleCase = code === code.toLowerCase() || code === code.toUpperCase();
  return singleCase || /[._-]$/.test(prefix) || (first >= 'A' && first <= 'Z');
}

const UNKNOWN_REMEDIATION = [
  '1. Read the reason and additional details of the record, and the description of the step that failed.',
  "2. Search learn.microsoft.com for the code; Microsoft's provisioning error table asks for feedback on codes it lacks.",
  '3. If Microsoft support is involved, give them the change ID and cycle ID of the record.',
  "4. Report the code to this extension's maintainers (with a redacted record) so that it can be added.",
].join('\n');

/**
 * The code itself stays out of the texts: it comes from the file, and the texts end up in hovers
 * and Markdown where it could inject markup.
 */
function unknownEntry(code: string): CatalogEntry {
  return {
    code,
    title: code === '' ? 'No error code' : 'Unrecognized error code',
    meaning:
      (code === '' ? 'This record carries no error code. ' : 'This code is not in the catalog. ') +
      "The record's reason and additional details usually carry the target system's own message, the best explanation available.",
    remediation: UNKNOWN_REMEDIATION,
    retry: 'none',
    severity: 'error',
    category: 'Unknown',
    docs: GENERAL_TABLE,
  };
}

/** A skip reason in the shape of a catalog entry: never retried, `info` when no action is needed. */
function skipAsEntry(s: SkipReasonEntry): CatalogEntry {
  return {
    code: s.value,
    title: s.title,
    meaning: s.meaning,
    remediation: s.remediation,
    retry: 'none',
    severity: s.actionNeeded ? 'warning' : 'info',
    category: 'Skip reason',
    docs: s.docs,
  };
}

/** Epoch ms when the service retries, or undefined when it does not, the delay is undocumented, or the time is unknown. */
export function retryTime(eventTime: number, match: CatalogMatch): number | undefined {
  const minutes = match.entry.retryAfterMinutes;
  if (match.entry.retry !== 'automatic' || minutes === undefined || !Number.isFinite(eventTime)) return undefined;
  return eventTime + minutes * 60_000;
}

export function describeRetry(eventTime: number, match: CatalogMatch): string {
  const { retry, retryAfterMinutes: minutes, severity } = match.entry;
  if (retry === 'automatic') {
    if (minutes === undefined) return 'Retried automatically by the service; no delay is documented.';
    const at = retryTime(eventTime, match);
    if (at === undefined) return `Retried automatically about ${minutes} minutes after the event.`;
    return `Retried automatically around ${formatUtcClock(at)} (${minutes} minutes after the event).`;
  }
  if (!match.known) return 'No documented retry for this code: treat it as needing action.';
  if (match.skipReason === true) {
    return severity === 'info'
      ? 'A skip, not an error: the service evaluates the object again each cycle; no action needed unless it should have been provisioned.'
      : 'A skip, not an error: the service evaluates the object again each cycle, and skips it again until the cause is fixed.';
  }
  if (severity === 'info') return 'Not retried: an expected skip, no action needed unless the object should have been provisioned.';
  return 'Not retried automatically: action needed.';
}

export function allCatalogEntries(): readonly CatalogEntry[] {
  return ERROR_CODES;
}

/** The `provlog explain --json` answer; `retryAfterMinutes` is left out when undefined. */
export function explainJson(code: string): ExplainJson {
  const m = lookupErrorCode(code);
  const e = m.entry;
  const minutes = e.retryAfterMinutes === undefined ? {} : { retryAfterMinutes: e.retryAfterMinutes };
  return {
    code,
    known: m.known,
    canonical: m.canonical,
    retry: e.retry,
    ...minutes,
    severity: e.severity,
    meaning: e.meaning,
    remediation: e.remediation,
    docs: e.docs,
    ...(m.skipReason === true ? { skipReason: true as const } : {}),
  };
}

export function allSkipReasons(): readonly SkipReasonEntry[] {
  return SKIP_REASONS;
}

export function lookupSkipReason(value: string): SkipReasonEntry | undefined {
  return skipReasons.get(value.trim().toLowerCase());
}
