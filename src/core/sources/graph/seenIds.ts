/**
 * Record ids already written, for dropping duplicates: windows overlap by a moment (Graph's gt/lt bounds and
 * sub-millisecond times), a retried page or a repeated nextLink serves records again, and a halved window
 * re-reads part of what its parent brought. Only ids near the moving edge can come back, so ids older than the
 * overlap behind the cursor are forgotten and memory stays flat however long the pull.
 */
export class SeenIds {
  private readonly ids = new Map<string, number>();

  get size(): number {
    return this.ids.size;
  }

  /** True when `id` is new (and remembers it with its time); false for a duplicate. */
  add(id: string, time: number): boolean {
    if (this.ids.has(id)) return false;
    this.ids.set(id, Number.isNaN(time) ? Infinity : time);
    return true;
  }

  has(id: string): boolean {
    return this.ids.has(id);
  }

  /** Forgets ids of records older than `before` (epoch ms): no later window can bring them again. */
  forgetBefore(before: number): void {
    for (const [id, t] of this.ids) if (t < before) this.ids.delete(id);
  }
}

/** Id and time of one JSON Lines record, or undefined for a line that is not a record with an id. */
export function recordKey(line: string): { id: string; time: number } | undefined {
  let o: unknown;
  try {
    o = JSON.parse(line);
  } catch {
    return undefined;
  }
  return objectKey(o);
}

/** Id and time of a parsed record (as Graph sent it), or undefined when it has no id. */
export function objectKey(o: unknown): { id: string; time: number } | undefined {
  if (typeof o !== 'object' || o === null) return undefined;
  const r = o as Record<string, unknown>;
  if (typeof r['id'] !== 'string' || r['id'] === '') return undefined;
  return { id: r['id'], time: typeof r['activityDateTime'] === 'string' ? Date.parse(r['activityDateTime']) : NaN };
}

/** The ids a resumed pull must not write again: those of the file's records from `from` on (records older cannot come back). */
export function seenFromLines(lines: Iterable<string>, from: number): SeenIds {
  const seen = new SeenIds();
  for (const line of lines) rememberLine(seen, line, from);
  return seen;
}

/** Remembers the record of `line` when it is from `from` on; returns its time (NaN when it has none). */
export function rememberLine(seen: SeenIds, line: string, from: number): number {
  const key = recordKey(line);
  if (key && !(key.time < from)) seen.add(key.id, key.time);
  return key?.time ?? NaN;
}
