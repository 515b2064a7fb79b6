/** Rebuilds an event read from CSV: placeholder until the CSV readers land. */
import type { LogData } from '../logData';
import type { ProvisioningRecord } from '../model';

export function csvRecordAt(_log: LogData, _i: number): ProvisioningRecord | undefined {
  return undefined;
}
