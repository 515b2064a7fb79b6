/**
 * The export formats both the CLI (`provlog export --format`) and the extension (export button,
 * palette, tree) offer, with their file extensions and labels, and how the CSV trio's files are
 * named (by core/read/csv/csvSiblings, which finds them again).
 */
import { csvTrioNames } from '../read/csv/csvSiblings';
import type { CsvTrioFile } from './csvExport';

export const EXPORT_FORMATS = ['csv', 'json', 'md'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportFormatInfo {
  format: ExportFormat;
  /** The file extension, without the dot. */
  extension: string;
  label: string;
  detail: string;
}

export const EXPORT_FORMAT_INFO: Readonly<Record<ExportFormat, ExportFormatInfo>> = {
  csv: { format: 'csv', extension: 'csv', label: 'CSV (portal trio)', detail: 'ProvisioningLogs, _ProvisioningSteps and _ModifiedProperties, joined by Change ID' },
  json: { format: 'json', extension: 'json', label: 'JSON', detail: "One array in the portal download's shape" },
  md: { format: 'md', extension: 'md', label: 'Markdown report', detail: 'Counts, error codes with what to do, the events: for a ticket' },
};

/** `x` when it names a format, else undefined (for command arguments from menus and tests). */
export function exportFormatOf(x: unknown): ExportFormat | undefined {
  return EXPORT_FORMATS.find((f) => f === x);
}

/** The CSV trio's main file when the user names none: the portal's own name. */
export const DEFAULT_CSV_OUTPUT = 'ProvisioningLogs.csv';

/** The trio's paths: `dir/X.csv` (or `dir/X`) → `dir/X.csv`, `dir/X_ProvisioningSteps.csv`, `dir/X_ModifiedProperties.csv`. */
export function csvTrioPaths(main: string): Record<CsvTrioFile, string> {
  return csvTrioNames(main.replace(/\.csv$/i, ''));
}

/** The three files in the order they are written and reported. */
export const CSV_TRIO_FILES: readonly CsvTrioFile[] = ['main', 'steps', 'modified'];
