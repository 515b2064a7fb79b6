/** Rebuilds an event read from CSV: placeholder until the CSV readers land. */
import type { LogData } from '../logData';
import type { ProvisioningRecord } from '../model';

export function csvRecordAt(_log: LogData, _i: number): ProvisioningRecord | undefined {
  return undefined;
}

/** Byte range of an event's Error Code cell value in its CSV file: placeholder until the CSV readers land. */
export function csvCellRange(_log: LogData, _i: number, _field: 'errorCode'): { start: number; end: number } | undefined {
  return undefined;
}
