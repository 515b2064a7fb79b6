/**
 * The filter options (the viewer's filters, spelled for a shell) → the core's EventFilter. Values
 * are checked when the command line is read; times relative to "the newest event" can only be
 * resolved once the log is loaded, hence the two steps.
 */
import { ACTIONS, STATUSES, type Action, type Status } from '../core/common/record';
import type { QueryEngine } from '../core/query/engine';
import { parseTime } from '../core/common/time';
import { UsageError } from './io';
import { type EventFilter } from '../core/common/filter';

/** util.parseArgs option definitions (multi-valued ones take repeats; commas are split below). */
export const FILTER_OPTIONS = {
  status: { type: 'string', multiple: true },
  action: { type: 'string', multiple: true },
  identity: { type: 'string' },
  'identity-type': { type: 'string', multiple: true },
  'job-id': { type: 'string' },
  'cycle-id': { type: 'string' },
  'change-id': { type: 'string' },
  'source-system': { type: 'string' },
  'target-system': { type: 'string' },
  application: { type: 'string' },
  'error-code': { type: 'string' },
  since: { type: 'string' },
  until: { type: 'string' },
  'relative-to': { type: 'string' },
  text: { type: 'string' },
  'hide-skipped': { type: 'boolean' },
  'changes-only': { type: 'boolean' },
} as const;

/** A time bound: so long before the anchor, or an absolute instant (epoch ms). */
export type TimeBound = { relativeMs: number } | { at: number };

export interface FilterSpec {
  /** The text-valued filters, as EventFilter names them. */
  text: Pick<EventFilter, 'identity' | 'jobId' | 'cycleId' | 'changeId' | 'sourceSystem' | 'targetSystem' | 'application' | 'errorCode' | 'text'>;
  status?: Status[];
  action?: Action[];
  identityType?: string[];
  since?: TimeBound;
  until?: TimeBound;
  relativeTo: 'newest' | 'now';
  hideSkipped: boolean;
  changesOnly: boolean;
  /** The options as given, in words, for reports ("status failure, since 7d"). */
  description: string;
}

type Values = Partial<Record<keyof typeof FILTER_OPTIONS, string | string[] | boolean>>;

const TEXT_OPTIONS: readonly [keyof typeof FILTER_OPTIONS, keyof FilterSpec['text']][] = [
  ['identity', 'identity'],
  ['job-id', 'jobId'],
  ['cycle-id', 'cycleId'],
  ['change-id', 'changeId'],
  ['source-system', 'sourceSystem'],
  ['target-system', 'targetSystem'],
  ['application', 'application'],
  ['error-code', 'errorCode'],
  ['text', 'text'],
];

export function parseFilterOptions(values: Values, command: string): FilterSpec {
  const spec: FilterSpec = {
    text: {},
    relativeTo: 'newest',
    hideSkipped: values['hide-skipped'] === true,
    changesOnly: values['changes-only'] === true,
    description: describe(values),
  };
  for (const [option, key] of TEXT_OPTIONS) {
    const v = values[option];
    if (typeof v === 'string' && v.trim() !== '') spec.text[key] = v;
  }
  const status = list(values.status);
  if (status) spec.status = status.map((s) => member(s, STATUSES, '--status', command));
  const action = list(values.action);
  if (action) spec.action = action.map((a) => member(a, ACTIONS, '--action', command));
  const types = list(values['identity-type']);
  if (types) spec.identityType = types;
  const rel = values['relative-to'];
  if (typeof rel === 'string') spec.relativeTo = member(rel, ['newest', 'now'] as const, '--relative-to', command);
  if (typeof values.since === 'string') spec.since = timeBound(values.since, '--since', command, false);
  if (typeof values.until === 'string') spec.until = timeBound(values.until, '--until', command, true);
  return spec;
}

/** The core filter; relative bounds count back from the newest event (default) or from now. */
export function resolveFilter(spec: FilterSpec, engine: QueryEngine, now: number): EventFilter {
  const filter: EventFilter = { ...spec.text, hideSkipped: spec.hideSkipped, changesOnly: spec.changesOnly };
  if (spec.status) filter.status = spec.status;
  if (spec.action) filter.action = spec.action;
  if (spec.identityType) filter.identityType = spec.identityType;
  const anchor = spec.relativeTo === 'now' || Number.isNaN(engine.newestTime) ? now : engine.newestTime;
  const at = (b: TimeBound): number => ('at' in b ? b.at : anchor - b.relativeMs);
  if (spec.since) filter.since = at(spec.since);
  if (spec.until) filter.until = at(spec.until);
  return filter;
}

/** Repeats and commas: `--status failure --status warning` = `--status failure,warning`. */
function list(v: string | string[] | boolean | undefined): string[] | undefined {
  if (v === undefined || typeof v === 'boolean') return undefined;
  const items = (Array.isArray(v) ? v : [v]).flatMap((s) => s.split(',')).map((s) => s.trim()).filter((s) => s !== '');
  return items.length > 0 ? items : undefined;
}

export function member<T extends string>(value: string, allowed: readonly T[], option: string, command: string): T {
  const hit = allowed.find((a) => a.toLowerCase() === value.trim().toLowerCase());
  if (hit === undefined) throw new UsageError(`${option} must be one of ${allowed.join(', ')} (got "${value}").`, command);
  return hit;
}

const RELATIVE = /^(\d+)\s*(h|d|w)$/i;
const UNIT_MS: Readonly<Record<string, number>> = { h: 3600_000, d: 86400_000, w: 7 * 86400_000 };
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * `24h`, `7d`, `30d` (any whole number of h, d or w) or an ISO date/time (UTC unless it carries a
 * zone). A bare date as --until means the end of that day, so `--until 2026-03-01` includes it.
 */
function timeBound(value: string, option: string, command: string, isUntil: boolean): TimeBound {
  const v = value.trim();
  const rel = RELATIVE.exec(v);
  if (rel) return { relativeMs: Number(rel[1]) * UNIT_MS[rel[2]!.toLowerCase()]! };
  const t = /^\d{4}-\d{2}-\d{2}/.test(v) ? parseTime(v) : NaN;
  if (Number.isNaN(t)) {
    throw new UsageError(`${option} takes 24h, 7d, 30d (a number of h, d or w) or an ISO date such as 2026-03-01 or 2026-03-01T12:00:00Z (got "${value}").`, command);
  }
  return { at: isUntil && DATE_ONLY.test(v) ? t + 86400_000 - 1 : t };
}

function describe(values: Values): string {
  const parts: string[] = [];
  for (const [name, v] of Object.entries(values)) {
    if (!(name in FILTER_OPTIONS) || v === undefined || v === false) continue;
    parts.push(v === true ? name : `${name} ${Array.isArray(v) ? v.join(',') : v}`);
  }
  return parts.join('; ');
}
