/**
 * A row of a Log Analytics `AADProvisioningLogs` CSV export → the model. One row is one event; the
 * nested columns (ProvisioningSteps, SourceIdentity, …) hold JSON text, and `TimeGenerated [UTC]`
 * holds either ISO text or the portal's display form (`3/2/2026, 10:00:05.000 AM`). The row is
 * handed to the same normaliser as Log Analytics JSON rows, keyed by the table's column names.
 */
import type { ProvisioningRecord } from '../../common/record';
import type { ColumnMap } from './csvHeaders';
import { extraCells } from './csvPortal';
import type { JsonObject, ReadNotes } from '../json/json';
import { normalizeLogAnalytics } from '../normalize/normalizeAzureMonitor';

export function logAnalyticsRecord(cells: readonly string[], cols: ColumnMap<string>, notes: ReadNotes): ProvisioningRecord {
  const row: JsonObject = {};
  for (const [column, k] of Object.entries(cols.index)) {
    if (k !== undefined) row[column] = cells[k] ?? '';
  }
  const rec = normalizeLogAnalytics(row, notes, 'csv');
  rec.extra = extraCells(cells, cols);
  return rec;
}
