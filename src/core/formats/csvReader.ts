/** CSV readers (portal trio, Log Analytics export): placeholder until the CSV readers land. */
import type { CsvIndex, LoadedFile } from '../logData';
import type { FormatId, Problem } from '../model';
import type { StoreBuilder } from '../store';

export interface CsvReadResult {
  format: FormatId;
  formatDetail: string;
  index: CsvIndex;
}

export function readCsvFiles(
  files: LoadedFile[],
  _builder: StoreBuilder,
  problems: Problem[],
  _onProgress?: (done: number, total: number) => void,
): CsvReadResult {
  problems.push({ severity: 'error', code: 'notProvisioningLog', message: 'CSV files are not read yet.' });
  return { format: 'portalCsv', formatDetail: '', index: { headers: files.map(() => []) } };
}
