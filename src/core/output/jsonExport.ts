/**
 * Export of chosen events as one minified JSON array, the portal's download shape. Events read from
 * Graph JSON are copied as their original text, so nothing (numbers, escapes, unknown fields) changes;
 * others are written in the Graph shape. Output goes to `write` in pieces: 100,000 events never
 * become one string.
 */
import type { LogData } from '../model/logData';
import { rawTextAt, recordAt } from '../read/recordAt';
import { toGraphShape } from '../read/normalize/graphShape';

export function exportJson(log: LogData, indices: Iterable<number>, write: (chunk: string) => void): number {
  const { store } = log;
  let count = 0;
  let batch: string[] = [];
  const flush = (): void => {
    if (batch.length === 0) return;
    write((count === batch.length ? '' : ',') + batch.join(','));
    batch = [];
  };
  write('[');
  for (const i of indices) {
    const raw = store.flavorOf(i) === 'graph' ? rawTextAt(log, i) : undefined;
    let text = raw;
    if (text === undefined) {
      const rec = recordAt(log, i);
      if (rec === undefined) continue;
      text = JSON.stringify(toGraphShape(rec));
    }
    batch.push(text);
    count++;
    if (batch.length >= 500) flush();
  }
  flush();
  write(']');
  return count;
}
