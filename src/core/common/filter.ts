/**
 * The viewer's filters as data the page and the host share: validation of a filter that arrives
 * from a webview or a command, merging a requested filter into the current one, and the removable
 * chips (and their plain-words description for exports) that show what is filtered.
 */
import { ACTIONS, ACTION_LABELS, STATUSES, STATUS_LABELS, type Action, type Status } from './record';

export type DateWindow = '24h' | '7d' | '30d';

export interface EventFilter {
  /** Name or id of the source or target identity. */
  identity?: string;
  /** `user`, `group`, … matching `User`, `Group` and SCIM URNs (`…:core:2.0:User`). */
  identityType?: string[];
  window?: DateWindow;
  /** What the window is relative to: the newest event of the file (default: downloads are often old) or now. */
  windowFrom?: 'newest' | 'now';
  /** Absolute bounds, epoch ms, inclusive. */
  since?: number;
  until?: number;
  status?: Status[];
  action?: Action[];
  jobId?: string;
  cycleId?: string;
  changeId?: string;
  sourceSystem?: string;
  targetSystem?: string;
  /** Application (service principal) name or id contains. */
  application?: string;
  errorCode?: string;
  /** Free text over every text field of the event. */
  text?: string;
  /**
   * Text filters that match a whole value (case-insensitive) instead of a part of one: set when a
   * value was picked from the log's own list ("Timeout" must not also find "ExportTimeout").
   */
  exact?: ExactFilterKey[];
  hideSkipped?: boolean;
  changesOnly?: boolean;
}

export const WINDOW_MS: Readonly<Record<DateWindow, number>> = {
  '24h': 24 * 3600_000,
  '7d': 7 * 24 * 3600_000,
  '30d': 30 * 24 * 3600_000,
};

export const TEXT_FILTER_KEYS = [
  'identity',
  'jobId',
  'cycleId',
  'changeId',
  'sourceSystem',
  'targetSystem',
  'application',
  'errorCode',
  'text',
] as const;
export type TextFilterKey = (typeof TEXT_FILTER_KEYS)[number];
/** Text filters whose values can be picked from a list; free text is always "contains". */
export type ExactFilterKey = Exclude<TextFilterKey, 'text'>;
export const EXACT_FILTER_KEYS: readonly ExactFilterKey[] = TEXT_FILTER_KEYS.filter((k): k is ExactFilterKey => k !== 'text');

/** True when text filter `key` of `f` matches whole values. */
export function isExact(f: EventFilter, key: TextFilterKey): boolean {
  return key !== 'text' && (f.exact?.includes(key) ?? false);
}

/** `f` with text filter `key` set to `value`, matching whole values when `exact`, else parts. */
export function withText(f: EventFilter, key: TextFilterKey, value: string | undefined, exact: boolean): EventFilter {
  const out: EventFilter = { ...f };
  if (value === undefined || value.trim() === '') delete out[key];
  else out[key] = value;
  const rest = (f.exact ?? []).filter((k) => k !== key);
  if (exact && key !== 'text' && out[key] !== undefined) rest.push(key);
  setExact(out, rest);
  return out;
}

/**
 * A filter to `value` as a whole in `key`: what "filter to this code" (or identity) means when the value
 * comes from the log itself, so that "Timeout" does not also bring every code that contains it.
 */
export function exactFilter(key: ExactFilterKey, value: string): EventFilter {
  return withText({}, key, value, true);
}

/** Sets `f.exact` to `keys`, or removes it when there are none: "no whole-value filter" is no field. */
function setExact(f: EventFilter, keys: ExactFilterKey[]): void {
  if (keys.length > 0) f.exact = keys;
  else delete f.exact;
}

export type ChipField = TextFilterKey | 'identityType' | 'status' | 'action' | 'date' | 'hideSkipped' | 'changesOnly';

export const FILTER_LABELS: Readonly<Record<ChipField, string>> = {
  identity: 'Identity',
  jobId: 'Job ID',
  cycleId: 'Cycle ID',
  changeId: 'Change ID',
  sourceSystem: 'Source system',
  targetSystem: 'Target system',
  application: 'Application',
  errorCode: 'Error code',
  text: 'Text',
  identityType: 'Identity type',
  status: 'Status',
  action: 'Action',
  date: 'Date',
  hideSkipped: 'Hide skipped',
  changesOnly: 'Changes only',
};

export const WINDOW_LABELS: Readonly<Record<DateWindow, string>> = {
  '24h': 'Last 24 hours',
  '7d': 'Last 7 days',
  '30d': 'Last 30 days',
};

/** One removable piece of the current filter; `value` picks one item of a list filter. */
export interface FilterChip {
  field: ChipField;
  value?: string;
  /** "Status", "Cycle ID", … */
  label: string;
  /** What it is filtered to, in words. */
  text: string;
}

const MAX_TEXT = 4096;
const MAX_ITEMS = 64;

/** A filter from untrusted input (webview messages, command arguments): unknown or malformed parts are dropped. */
export function parseEventFilter(v: unknown): EventFilter | undefined {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return undefined;
  const f = v as Record<string, unknown>;
  const out: EventFilter = {};
  for (const k of TEXT_FILTER_KEYS) {
    const s = f[k];
    if (typeof s === 'string' && s.trim() !== '') out[k] = s.slice(0, MAX_TEXT);
  }
  const status = enumList(f['status'], STATUSES);
  if (status) out.status = status;
  const action = enumList(f['action'], ACTIONS);
  if (action) out.action = action;
  const types = f['identityType'];
  if (Array.isArray(types)) {
    const t = types.filter((x): x is string => typeof x === 'string' && x.length <= 256).slice(0, MAX_ITEMS);
    if (t.length > 0) out.identityType = t;
  }
  if (f['window'] === '24h' || f['window'] === '7d' || f['window'] === '30d') out.window = f['window'];
  if (f['windowFrom'] === 'newest' || f['windowFrom'] === 'now') out.windowFrom = f['windowFrom'];
  for (const k of ['since', 'until'] as const) {
    const n = f[k];
    if (typeof n === 'number' && Number.isFinite(n)) out[k] = n;
  }
  if (f['hideSkipped'] === true) out.hideSkipped = true;
  if (f['changesOnly'] === true) out.changesOnly = true;
  const exact = f['exact'];
  if (Array.isArray(exact)) {
    // Only filters that are set: an exact flag without its value would be noise in every later merge.
    const keys = EXACT_FILTER_KEYS.filter((k) => exact.includes(k) && out[k] !== undefined);
    if (keys.length > 0) out.exact = keys;
  }
  return out;
}

function enumList<T extends string>(v: unknown, all: readonly T[]): T[] | undefined {
  if (!Array.isArray(v)) return undefined;
  const out = all.filter((x) => v.includes(x));
  return out.length > 0 ? out : undefined;
}

/** A filter asked for from elsewhere (tree, hover, chart) applied to the current one. */
export function mergeFilters(current: EventFilter, requested: EventFilter, replace: boolean): EventFilter {
  if (replace) return { ...requested };
  const out: EventFilter = { ...current, ...requested };
  // A text filter asked for brings its own exactness; the current one's others keep theirs.
  setExact(out, [...new Set([...(current.exact ?? []).filter((k) => requested[k] === undefined), ...(requested.exact ?? [])])]);
  // A new absolute range replaces a relative window rather than intersecting with it silently.
  if (requested.since !== undefined || requested.until !== undefined) delete out.window;
  if (requested.window !== undefined) {
    delete out.since;
    delete out.until;
  }
  return out;
}

export function isEmptyFilter(f: EventFilter): boolean {
  return filterChips(f, () => '').length === 0;
}

/** The chips of a filter, in the order of the filter bar. `formatTime` renders range bounds. */
export function filterChips(f: EventFilter, formatTime: (t: number) => string): FilterChip[] {
  const chips: FilterChip[] = [];
  const add = (field: ChipField, text: string, value?: string): void => {
    const chip: FilterChip = { field, label: FILTER_LABELS[field], text };
    if (value !== undefined) chip.value = value;
    chips.push(chip);
  };
  if (f.text?.trim()) add('text', f.text.trim());
  if (f.identity?.trim()) add('identity', isExact(f, 'identity') ? `= ${f.identity.trim()}` : f.identity.trim());
  const date = dateText(f, formatTime);
  if (date) add('date', date);
  for (const s of f.status ?? []) add('status', STATUS_LABELS[s as Status] ?? s, s);
  for (const a of f.action ?? []) add('action', ACTION_LABELS[a as Action] ?? a, a);
  for (const k of ['jobId', 'cycleId', 'changeId', 'sourceSystem', 'targetSystem', 'application', 'errorCode'] as const) {
    const v = f[k]?.trim();
    if (v) add(k, isExact(f, k) ? `= ${v}` : v);
  }
  for (const t of f.identityType ?? []) add('identityType', t, t);
  if (f.hideSkipped) add('hideSkipped', 'on');
  if (f.changesOnly) add('changesOnly', 'on');
  return chips;
}

function dateText(f: EventFilter, formatTime: (t: number) => string): string | undefined {
  const parts: string[] = [];
  if (f.window) parts.push(WINDOW_LABELS[f.window] + (f.windowFrom === 'now' ? '' : ' of the log'));
  if (f.since !== undefined && f.until !== undefined) parts.push(`${formatTime(f.since)} – ${formatTime(f.until)}`);
  else if (f.since !== undefined) parts.push(`from ${formatTime(f.since)}`);
  else if (f.until !== undefined) parts.push(`until ${formatTime(f.until)}`);
  return parts.length > 0 ? parts.join(', ') : undefined;
}

/** The filters that hold a list of values, any of which an event may match. */
export type ListFilterKey = 'status' | 'action' | 'identityType';
type ListValue<K extends ListFilterKey> = NonNullable<EventFilter[K]>[number];

/** The filter with `value` added to the end of (or removed from) a list filter; an emptied list is dropped, as "no filter". */
export function setListValue<K extends ListFilterKey>(f: EventFilter, key: K, value: ListValue<K>, on: boolean): EventFilter {
  const list: ListValue<K>[] = (f[key] ?? []).filter((v) => v !== value);
  if (on) list.push(value);
  const out: EventFilter = { ...f, [key]: list };
  if (list.length === 0) delete out[key];
  return out;
}

/** The filter without the part a chip stands for. */
export function removeChip(f: EventFilter, chip: FilterChip): EventFilter {
  const out: EventFilter = { ...f };
  switch (chip.field) {
    case 'status':
      out.status = (f.status ?? []).filter((s) => s !== chip.value);
      if (out.status.length === 0) delete out.status;
      break;
    case 'action':
      out.action = (f.action ?? []).filter((a) => a !== chip.value);
      if (out.action.length === 0) delete out.action;
      break;
    case 'identityType':
      out.identityType = (f.identityType ?? []).filter((t) => t !== chip.value);
      if (out.identityType.length === 0) delete out.identityType;
      break;
    case 'date':
      return withoutDate(f);
    case 'hideSkipped':
    case 'changesOnly':
      delete out[chip.field];
      break;
    case 'identity':
    case 'jobId':
    case 'cycleId':
    case 'changeId':
    case 'sourceSystem':
    case 'targetSystem':
    case 'application':
    case 'errorCode':
    case 'text':
      return withText(f, chip.field, undefined, false);
  }
  return out;
}

/** A chip in words, "Status: Failure"; an on/off flag is its label alone ("Changes only"). */
export function chipWords(chip: FilterChip): string {
  return chip.field === 'hideSkipped' || chip.field === 'changesOnly' ? chip.label : `${chip.label}: ${chip.text}`;
}

/** "Status: Failure; Cycle ID: 1a2b…" for a report's header; "all events" when nothing is filtered. */
export function describeFilter(f: EventFilter, formatTime: (t: number) => string): string {
  const chips = filterChips(f, formatTime);
  if (chips.length === 0) return 'all events';
  return chips.map(chipWords).join('; ');
}

/** One value a filter can take, with how many events have it (the Filter menus, pickers and chips). */
export interface FacetValue<T extends string = string> {
  value: T;
  count: number;
  /** Words to show beside the value (an application's name for a job, a code's title, …). */
  detail?: string;
  /** Newest event time with this value (epoch ms; cycles only). */
  last?: number;
  first?: number;
}

/** A filter without empty parts (so "no filter" is `{}`), strings trimmed, arrays copied. */
export function cleanFilter(f: EventFilter): EventFilter {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(f)) {
    if (v === undefined || v === false || (typeof v === 'string' && v.trim() === '') || (Array.isArray(v) && v.length === 0)) continue;
    out[k] = typeof v === 'string' ? v.trim() : Array.isArray(v) ? [...(v as unknown[])] : v;
  }
  if (out['window'] === undefined) delete out['windowFrom'];
  const clean = out as EventFilter;
  setExact(clean, (clean.exact ?? []).filter((k) => clean[k] !== undefined));
  return clean;
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
