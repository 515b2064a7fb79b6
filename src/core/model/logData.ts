/**
 * A loaded log: what the readers found, in plain data that can cross a worker boundary (the store's
 * columns and the files' bytes are transferable buffers).
 */
import type { FormatId, Problem } from '../common/record';
import { EventStore } from './store';
import { packStore, unpackStore, unpackStoreInSlices, type PackedStore } from './storePacking';

export type EncodingId = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be';

export interface InputFile {
  /** File name (base name or path); used to find CSV siblings and in messages, never to pick a format. */
  name: string;
  bytes: Uint8Array;
}

export type FileRole = 'json' | 'csvMain' | 'csvSteps' | 'csvModifiedProperties' | 'csvLogAnalytics';

export interface LoadedFile {
  name: string;
  /** Size on disk, in bytes. */
  size: number;
  encoding: EncodingId;
  role: FileRole;
  /** The file's text as UTF-8 without BOM; event byte ranges point into it. */
  bytes: Uint8Array;
}

/** Rows of a CSV file that belong to each event (CSR layout: event i owns rows offsets[i]..offsets[i+1]). */
export interface RowIndex {
  offsets: Uint32Array;
  file: Uint8Array;
  start: Float64Array;
  end: Float64Array;
}

/** What the CSV readers keep to rebuild an event's details from its rows on demand. */
export interface CsvIndex {
  /** Header cells of each loaded file, by file index (empty for non-CSV files). */
  headers: string[][];
  steps?: RowIndex;
  modified?: RowIndex;
}

export interface LogData {
  format: FormatId;
  /** Extra words for the format label, e.g. "v1.0" or "beta" for Graph pages. */
  formatDetail: string;
  files: LoadedFile[];
  store: EventStore;
  problems: Problem[];
  /** `@odata.nextLink` of a saved Graph page: more pages exist. */
  nextLink?: string;
  csv?: CsvIndex;
}

export interface ReadOptions {
  /**
   * The inputs are every file of a folder (or a set chosen together): read those that are logs,
   * skip the others with one note (see folderLog.ts).
   */
  selectLogs?: boolean;
  /** Called now and then with bytes processed so far and the total. */
  onProgress?: (done: number, total: number) => void;
}

/** LogData as a structured-clone message, and the buffers to transfer with it. */
export interface LogMessage {
  format: FormatId;
  formatDetail: string;
  files: LoadedFile[];
  store: PackedStore;
  problems: Problem[];
  nextLink?: string;
  csv?: CsvIndex;
}

export function toMessage(log: LogData): { message: LogMessage; transfer: ArrayBuffer[] } {
  const { packed: store, transfer: buffers } = packStore(log.store.toData());
  const transfer = new Set<ArrayBuffer>(buffers);
  // Bytes in shared memory are already visible to the other side: they are not moved, nor copied.
  for (const f of log.files) if (!(f.bytes.buffer instanceof SharedArrayBuffer)) transfer.add(f.bytes.buffer);
  for (const r of [log.csv?.steps, log.csv?.modified]) {
    if (r) for (const a of [r.offsets, r.file, r.start, r.end]) transfer.add(a.buffer as ArrayBuffer);
  }
  const message: LogMessage = { ...log, store };
  return { message, transfer: [...transfer] };
}

export function fromMessage(m: LogMessage): LogData {
  return { ...m, store: new EventStore(unpackStore(m.store)) };
}

/** fromMessage with its strings unpacked a slice at a time, `pause` between slices (a main thread that must stay responsive). */
export async function fromMessageInSlices(m: LogMessage, pause: () => Promise<void>): Promise<LogData> {
  return { ...m, store: new EventStore(await unpackStoreInSlices(m.store, pause)) };
}
