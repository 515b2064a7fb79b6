import {
  ACTIONS,
  FLAVORS,
  STATUSES,
  type Action,
  type Flavor,
  type ProvisioningRecord,
  type Status,
  STRING_FIELDS,
  type StringField,
} from '../common/record';
import { skipReasonText } from '../catalog/skipReason';

/**
 * The compact, columnar form of a log's events: one typed array per field, strings interned in one
 * table. 100,000 events fit in a few tens of MB, filter in milliseconds, and cross a worker boundary
 * as transferable buffers instead of 100,000 cloned objects.
 */


/** Bits of `flags`. */
export const FLAG_CHANGED = 1; // an export step succeeded: the target system was really changed
export const FLAG_HAS_MODIFIED = 2; // modifiedProperties is not empty
export const FLAG_DEPTH_TRUNCATED = 4; // PowerShell flattened nested values in this record

/** Where an event's own text lives: byte range in one of the input files (-1 when it has none). */
export interface SourceRef {
  file: number;
  start: number;
  end: number;
}

/** One event as plain data (for pages of rows, CLI output, tests). */
export type EventSummary = Readonly<Record<StringField, string>> & {
  index: number;
  time: number;
  action: Action;
  status: Status;
  durationMs: number | null;
  changed: boolean;
  flavor: Flavor;
};

/** Structured-clone friendly form (typed arrays can be transferred). */
export interface StoreData {
  size: number;
  strings: string[];
  str: Uint32Array[];
  time: Float64Array;
  duration: Float64Array;
  action: Uint8Array;
  status: Uint8Array;
  flavor: Uint8Array;
  flags: Uint8Array;
  /** 16 bits: a storage account's export folder holds one blob an hour, hundreds of files. */
  file: Uint16Array;
  start: Float64Array;
  end: Float64Array;
  extraNames: string[];
  extra: Uint32Array[];
}

export class EventStore {
  readonly size: number;
  readonly strings: readonly string[];
  readonly time: Float64Array;
  readonly duration: Float64Array;
  readonly action: Uint8Array;
  readonly status: Uint8Array;
  readonly flavor: Uint8Array;
  readonly flags: Uint8Array;
  readonly file: Uint16Array;
  readonly start: Float64Array;
  readonly end: Float64Array;
  /** Names of columns we do not model (CSV), in file order. */
  readonly extraNames: readonly string[];
  private readonly _str: Uint32Array[];
  private readonly _extra: Uint32Array[];

  constructor(data: StoreData) {
    this.size = data.size;
    this.strings = data.strings;
    this._str = data.str;
    this.time = data.time;
    this.duration = data.duration;
    this.action = data.action;
    this.status = data.status;
    this.flavor = data.flavor;
    this.flags = data.flags;
    this.file = data.file;
    this.start = data.start;
    this.end = data.end;
    this.extraNames = data.extraNames;
    this._extra = data.extra;
  }

  /** The id column of a string field: compare ids instead of strings in hot loops. */
  column(field: StringField): Uint32Array {
    return this._str[STRING_FIELDS.indexOf(field)]!;
  }

  get(field: StringField, i: number): string {
    return this.strings[this.column(field)[i]!]!;
  }

  actionOf(i: number): Action {
    return ACTIONS[this.action[i]!]!;
  }

  statusOf(i: number): Status {
    return STATUSES[this.status[i]!]!;
  }

  flavorOf(i: number): Flavor {
    return FLAVORS[this.flavor[i]!]!;
  }

  extraColumn(name: string): Uint32Array | undefined {
    const k = this.extraNames.indexOf(name);
    return k < 0 ? undefined : this._extra[k];
  }

  extraOf(i: number): Record<string, string> {
    const out: Record<string, string> = {};
    this.extraNames.forEach((name, k) => {
      const v = this.strings[this._extra[k]![i]!]!;
      if (v !== '') out[name] = v;
    });
    return out;
  }

  sourceOf(i: number): SourceRef {
    return { file: this.file[i]!, start: this.start[i]!, end: this.end[i]! };
  }

  summary(i: number): EventSummary {
    const s = (f: StringField): string => this.get(f, i);
    const d = this.duration[i]!;
    return {
      index: i,
      id: s('id'),
      activityDateTime: s('activityDateTime'),
      time: this.time[i]!,
      tenantId: s('tenantId'),
      jobId: s('jobId'),
      cycleId: s('cycleId'),
      changeId: s('changeId'),
      action: this.actionOf(i),
      actionLabel: s('actionLabel'),
      status: this.statusOf(i),
      durationMs: Number.isNaN(d) ? null : d,
      sourceName: s('sourceName'),
      sourceId: s('sourceId'),
      sourceType: s('sourceType'),
      targetName: s('targetName'),
      targetId: s('targetId'),
      targetType: s('targetType'),
      sourceSystem: s('sourceSystem'),
      targetSystem: s('targetSystem'),
      appName: s('appName'),
      appId: s('appId'),
      initiatorName: s('initiatorName'),
      initiatorType: s('initiatorType'),
      errorCode: s('errorCode'),
      errorCategory: s('errorCategory'),
      reason: s('reason'),
      changed: (this.flags[i]! & FLAG_CHANGED) !== 0,
      flavor: this.flavorOf(i),
    };
  }

  /** The data behind this store; pass `transferList(data)` to postMessage to move instead of copy. */
  toData(): StoreData {
    return {
      size: this.size,
      strings: this.strings as string[],
      str: this._str,
      time: this.time,
      duration: this.duration,
      action: this.action,
      status: this.status,
      flavor: this.flavor,
      flags: this.flags,
      file: this.file,
      start: this.start,
      end: this.end,
      extraNames: this.extraNames as string[],
      extra: this._extra,
    };
  }
}

/** The buffers of a StoreData, for `postMessage(data, transferList(data))`. */
export function transferList(data: StoreData): ArrayBuffer[] {
  const arrays: ArrayBufferView[] = [
    ...data.str,
    ...data.extra,
    data.time,
    data.duration,
    data.action,
    data.status,
    data.flavor,
    data.flags,
    data.file,
    data.start,
    data.end,
  ];
  return arrays.map((a) => a.buffer as ArrayBuffer);
}

const ACTION_ORD = new Map<string, number>(ACTIONS.map((a, i) => [a, i]));
const STATUS_ORD = new Map<string, number>(STATUSES.map((s, i) => [s, i]));
const FLAVOR_ORD = new Map<string, number>(FLAVORS.map((f, i) => [f, i]));

/** `finish()` keeps its columns as views when they are at least this full (else it copies them to size). */
const KEEP_VIEWS_ABOVE = 0.6;

/**
 * A field keeps its own small map of the values it has held while it has held at most this many.
 * Most fields repeat a handful of values (tenant, job, application, types, error codes): looking
 * those up in a map this small stays in the processor's cache, where the table of every string of a
 * 2.5 GB log (millions of entries) costs several cache misses per lookup, about a third of reading
 * such a file. A field with more values than this (ids, times, names) goes straight to the table.
 */
const FIELD_VALUES_MAX = 512;

/** Grows columns while a reader streams records in; `finish()` trims them into an EventStore. */
export class StoreBuilder {
  private size = 0;
  private cap: number;
  private readonly strings: string[] = [''];
  private readonly ids = new Map<string, number>([['', 0]]);
  /** Per string field, its values while they are few (see FIELD_VALUES_MAX); undefined past that. */
  private readonly fieldValues: (Map<string, number> | undefined)[] = STRING_FIELDS.map(() => new Map());
  private str: Uint32Array[];
  private time: Float64Array;
  private duration: Float64Array;
  private action: Uint8Array;
  private status: Uint8Array;
  private flavor: Uint8Array;
  private flags: Uint8Array;
  private file: Uint16Array;
  private start: Float64Array;
  private end: Float64Array;
  private readonly extraNames: string[] = [];
  private extra: Uint32Array[] = [];
  /** Event index of each non-empty id added so far. */
  private readonly seen = new Map<string, number>();
  /**
   * Records whose id was seen before. Only a true re-delivery (same content) is merged; records
   * that differ are both kept, and both are listed here for the reader to report.
   */
  readonly repeats: RepeatedId[] = [];
  /**
   * Reads an earlier event's record back from its source, to compare contents when its id comes
   * again (rare, so nothing is kept per event for it). Without one, the store's own columns are
   * compared.
   */
  reread: ((src: SourceRef) => ProvisioningRecord | undefined) | undefined;

  constructor(initialCapacity = 1024) {
    this.cap = Math.max(16, initialCapacity);
    this.str = STRING_FIELDS.map(() => new Uint32Array(this.cap));
    this.time = new Float64Array(this.cap);
    this.duration = new Float64Array(this.cap);
    this.action = new Uint8Array(this.cap);
    this.status = new Uint8Array(this.cap);
    this.flavor = new Uint8Array(this.cap);
    this.flags = new Uint8Array(this.cap);
    this.file = new Uint16Array(this.cap);
    this.start = new Float64Array(this.cap);
    this.end = new Float64Array(this.cap);
  }

  get count(): number {
    return this.size;
  }

  intern(s: string): number {
    let id = this.ids.get(s);
    if (id === undefined) {
      id = this.strings.length;
      this.strings.push(s);
      this.ids.set(s, id);
    }
    return id;
  }

  /** `intern`, through field `f`'s own small map while it has one: the same number either way. */
  private internField(f: number, s: string): number {
    const values = this.fieldValues[f];
    if (values === undefined) return this.intern(s);
    let id = values.get(s);
    if (id === undefined) {
      id = this.intern(s);
      if (values.size < FIELD_VALUES_MAX) values.set(s, id);
      else this.fieldValues[f] = undefined;
    }
    return id;
  }

  /** Records merged into an earlier one with the same id and content. */
  get duplicates(): number {
    return this.repeats.reduce((n, r) => n + (r.same ? 1 : 0), 0);
  }

  /**
   * Adds one event; returns its index, or -1 when it repeats an earlier record with the same
   * non-empty id and the same content (a re-delivery), which is kept once.
   */
  add(rec: ProvisioningRecord, src: SourceRef, flags = 0): number {
    if (rec.id !== '') {
      const earlier = this.seen.get(rec.id);
      if (earlier !== undefined) {
        const first = this.sourceAt(earlier);
        const same = this.sameContent(earlier, first, rec);
        this.repeats.push({ id: rec.id, first, second: src, same });
        if (same) return -1;
      } else this.seen.set(rec.id, this.size);
    }
    if (this.size === this.cap) this.grow();
    const i = this.size++;
    const values = this.valuesOf(rec);
    for (let f = 0; f < STRING_FIELDS.length; f++) {
      this.str[f]![i] = this.internField(f, values[STRING_FIELDS[f]!]);
    }
    this.time[i] = rec.time;
    this.duration[i] = rec.durationMs ?? NaN;
    this.action[i] = ACTION_ORD.get(rec.action) ?? 0;
    this.status[i] = STATUS_ORD.get(rec.status) ?? 0;
    this.flavor[i] = FLAVOR_ORD.get(rec.flavor) ?? 0;
    let f = flags;
    if (isChange(rec)) f |= FLAG_CHANGED;
    if (rec.modifiedProperties.length > 0) f |= FLAG_HAS_MODIFIED;
    this.flags[i] = f;
    this.file[i] = src.file;
    this.start[i] = src.start;
    this.end[i] = src.end;
    for (const [name, value] of Object.entries(rec.extra)) {
      let k = this.extraNames.indexOf(name);
      if (k < 0) {
        k = this.extraNames.length;
        this.extraNames.push(name);
        this.extra.push(new Uint32Array(this.cap));
      }
      this.extra[k]![i] = this.intern(value);
    }
    return i;
  }

  private valuesOf(rec: ProvisioningRecord): Record<StringField, string> {
    return {
      id: rec.id,
      activityDateTime: rec.activityDateTime,
      tenantId: rec.tenantId,
      jobId: rec.jobId,
      cycleId: rec.cycleId,
      changeId: rec.changeId,
      actionLabel: rec.actionLabel,
      sourceName: rec.sourceIdentity.displayName,
      sourceId: rec.sourceIdentity.id,
      sourceType: rec.sourceIdentity.identityType,
      targetName: rec.targetIdentity.displayName,
      targetId: rec.targetIdentity.id,
      targetType: rec.targetIdentity.identityType,
      sourceSystem: rec.sourceSystem.displayName,
      targetSystem: rec.targetSystem.displayName,
      appName: rec.servicePrincipal.displayName,
      appId: rec.servicePrincipal.id,
      initiatorName: rec.initiatedBy.displayName,
      initiatorType: rec.initiatedBy.initiatorType,
      errorCode: rec.error?.errorCode ?? '',
      errorCategory: rec.error?.errorCategory ?? '',
      // A skipped event has no error; its reason is in a step (SkipReason and description).
      reason: rec.error?.reason || (rec.status === 'skipped' ? skipReasonText(rec) : ''),
    };
  }

  private sourceAt(i: number): SourceRef {
    return { file: this.file[i]!, start: this.start[i]!, end: this.end[i]! };
  }

  private sameContent(i: number, src: SourceRef, rec: ProvisioningRecord): boolean {
    const before = src.start >= 0 ? this.reread?.(src) : undefined;
    if (before !== undefined) return contentKey(before) === contentKey(rec);
    // No source to read back: compare what the columns hold.
    const now = this.valuesOf(rec);
    for (let f = 0; f < STRING_FIELDS.length; f++) {
      if (this.strings[this.str[f]![i]!] !== now[STRING_FIELDS[f]!]) return false;
    }
    return Object.is(this.time[i], rec.time) && this.status[i] === (STATUS_ORD.get(rec.status) ?? 0) && this.action[i] === (ACTION_ORD.get(rec.action) ?? 0);
  }

  /**
   * Appends a store read from the next part of the same file (the parallel reader): its strings
   * are interned here in their order, so the table matches one pass over the whole file, and its
   * columns copied. Returns false, adding nothing, when a record id of the part was added before:
   * which copy counts is then for a single pass to decide.
   */
  append(part: StoreData): boolean {
    const ids = part.str[STRING_FIELDS.indexOf('id')]!;
    for (let i = 0; i < part.size; i++) if (this.seen.has(part.strings[ids[i]!]!)) return false;
    const remap = Uint32Array.from(part.strings, (s) => this.intern(s));
    while (this.cap < this.size + part.size) this.grow();
    const at = this.size;
    for (let i = 0; i < part.size; i++) if (ids[i] !== 0) this.seen.set(part.strings[ids[i]!]!, at + i);
    const copy = (into: Uint32Array, from: Uint32Array): void => {
      for (let i = 0; i < part.size; i++) into[at + i] = remap[from[i]!]!;
    };
    part.str.forEach((col, f) => copy(this.str[f]!, col));
    part.extraNames.forEach((name, x) => {
      let k = this.extraNames.indexOf(name);
      if (k < 0) {
        k = this.extraNames.push(name) - 1;
        this.extra.push(new Uint32Array(this.cap));
      }
      copy(this.extra[k]!, part.extra[x]!);
    });
    for (const key of ['time', 'duration', 'action', 'status', 'flavor', 'flags', 'file', 'start', 'end'] as const) {
      (this[key] as Float64Array | Uint8Array).set(part[key], at);
    }
    this.size += part.size;
    return true;
  }

  finish(): EventStore {
    const n = this.size;
    // Trimming copies every column, at the very end of a read, when memory peaks (columns sized from
    // the file's length are rarely a third too long): unless most of them is empty, keep views instead.
    const trim = n < this.cap * KEEP_VIEWS_ABOVE;
    const cut = <T extends Uint32Array | Float64Array | Uint8Array | Uint16Array>(a: T): T => (trim ? a.slice(0, n) : a.subarray(0, n)) as T;
    return new EventStore({
      size: n,
      strings: this.strings,
      str: this.str.map(cut),
      time: cut(this.time),
      duration: cut(this.duration),
      action: cut(this.action),
      status: cut(this.status),
      flavor: cut(this.flavor),
      flags: cut(this.flags),
      file: cut(this.file),
      start: cut(this.start),
      end: cut(this.end),
      extraNames: this.extraNames,
      extra: this.extra.map(cut),
    });
  }

  private grow(): void {
    const cap = this.cap * 2;
    const up = <T extends Uint32Array | Float64Array | Uint8Array | Uint16Array>(a: T): T => {
      const b = new (a.constructor as new (n: number) => T)(cap);
      b.set(a);
      return b;
    };
    this.str = this.str.map(up);
    this.extra = this.extra.map(up);
    this.time = up(this.time);
    this.duration = up(this.duration);
    this.action = up(this.action);
    this.status = up(this.status);
    this.flavor = up(this.flavor);
    this.flags = up(this.flags);
    this.file = up(this.file);
    this.start = up(this.start);
    this.end = up(this.end);
    this.cap = cap;
  }
}

/** An id seen twice: where each record is, and whether the two say the same thing. */
export interface RepeatedId {
  id: string;
  first: SourceRef;
  second: SourceRef;
  same: boolean;
}

/** Everything a record says, for comparing two records with the same id (its shape is left out). */
function contentKey(rec: ProvisioningRecord): string {
  return JSON.stringify({ ...rec, flavor: '' });
}

/**
 * "Changes only" means the target system was really changed: an export step succeeded (the
 * FIMTooler rule; status success alone also counts no-ops). Without steps (a lone CSV main file)
 * fall back to a successful action other than `other`.
 */
export function isChange(rec: ProvisioningRecord): boolean {
  if (rec.steps.length > 0) {
    return rec.steps.some((s) => s.type === 'export' && s.status === 'success');
  }
  return rec.status === 'success' && rec.action !== 'other';
}
