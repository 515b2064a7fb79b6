/**
 * The same event in another reading of the same file. A file open both as text and in the viewer
 * has two models; commands such as "show details" take an index into the model the registry hands
 * out for the file (the viewer's), while hovers and diagnostics of the text editor index the text's.
 * Unchanged text reads the same, index for index; edited text may not, so the event is matched by
 * its change ID and id.
 */
import type { LoadedLog } from '../../log/loadedLog';

export function sameEvent(from: LoadedLog, i: number, to: LoadedLog): number | undefined {
  if (from === to) return i;
  const a = from.store;
  const b = to.store;
  if (i < 0 || i >= a.size) return undefined;
  const id = a.get('id', i);
  const changeId = a.get('changeId', i);
  const same = (j: number): boolean => j >= 0 && j < b.size && b.get('id', j) === id && b.get('changeId', j) === changeId;
  if (same(i)) return i;
  if (changeId !== '') {
    for (const j of to.index.eventsWithChangeId(changeId)) if (b.get('id', j) === id) return j;
  }
  if (id !== '') {
    const ids = b.column('id');
    for (let j = 0; j < b.size; j++) if (b.strings[ids[j]!] === id) return j;
  }
  return undefined;
}
