/**
 * Small sets over interned ids and enum ordinals that the query engine and the facets build: flag
 * arrays rather than Sets, so a test per event is one typed-array read and nothing hashes per id.
 */

/** `User`, `urn:ietf:params:scim:schemas:core:2.0:User`, `user` → `user`. */
export function identityTypeKey(type: string): string {
  const s = type.trim().toLowerCase();
  const colon = s.lastIndexOf(':');
  return colon >= 0 ? s.slice(colon + 1) : s;
}

/** A flag per member of `all` (1: wanted), so a test per event is one typed-array read. */
export function ordinalSet<T extends string>(all: readonly T[], wanted: readonly T[]): Uint8Array {
  const ok = new Uint8Array(all.length);
  for (const w of wanted) {
    const k = all.indexOf(w);
    if (k >= 0) ok[k] = 1;
  }
  return ok;
}

/** undefined when nothing is chosen: the scan then skips the test instead of passing every event. */
export function ordinals<T extends string>(all: readonly T[], wanted: readonly T[] | undefined): Uint8Array | undefined {
  return wanted === undefined || wanted.length === 0 ? undefined : ordinalSet(all, wanted);
}

/**
 * The distinct ids in `lists` (each below `bound`), in first-met order. A flag array rather than a
 * Set: at 100,000 events the loop must not hash or allocate per id.
 */
export function distinctValues(lists: readonly Uint32Array[], bound: number): Uint32Array {
  const seen = new Uint8Array(bound);
  const ids: number[] = [];
  for (const list of lists) {
    for (let i = 0; i < list.length; i++) {
      const id = list[i]!;
      if (seen[id] === 0) {
        seen[id] = 1;
        ids.push(id);
      }
    }
  }
  return Uint32Array.from(ids);
}
