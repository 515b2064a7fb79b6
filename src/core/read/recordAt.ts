/**
 * An event's full record and its own text, rebuilt on demand from the bytes it came from (the
 * store keeps only the columns lists and filters need).
 */
import { csvRecordAt } from './csv/csvRecords';
import { decodeSlice } from './encoding';
import type { Json, ReadNotes } from './json/json';
import { normalizeRecord } from './normalize/normalizeRecord';
import type { LogData } from '../model/logData';
import type { ProvisioningRecord } from '../common/record';

/** The record's own text as it stands in the file (JSON), or undefined for CSV rows. */
export function rawTextAt(log: LogData, i: number): string | undefined {
  const { store } = log;
  if (i < 0 || i >= store.size || store.flavorOf(i) === 'csv') return undefined;
  const file = log.files[store.file[i]!];
  if (file === undefined) return undefined;
  return decodeSlice(file.bytes, store.start[i]!, store.end[i]!).text;
}

/** The full normalised record of event `i`; undefined only when `i` is out of range. */
export function recordAt(log: LogData, i: number): ProvisioningRecord | undefined {
  const { store } = log;
  if (i < 0 || i >= store.size) return undefined;
  if (store.flavorOf(i) === 'csv') return csvRecordAt(log, i);
  const text = rawTextAt(log, i);
  if (text === undefined) return undefined;
  const notes: ReadNotes = { depthTruncated: false };
  let value: Json;
  try {
    value = JSON.parse(text) as Json;
  } catch {
    return undefined;
  }
  return normalizeRecord(value, notes);
}
