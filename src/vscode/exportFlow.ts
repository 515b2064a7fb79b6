/**
 * Exporting events to files the user picks (CSV trio, JSON array, Markdown report), shared by the
 * viewer's export button, the palette command and the tree's "export this cycle". Writes only where
 * the user chose in the save dialog, never over the log itself.
 */
import * as vscode from 'vscode';
import { concatBytes } from '../core/read/bytes';
import { plural } from '../core/common/displayText';
import { exportCsvTrio, type CsvTrioFile } from '../core/output/csvExport';
import { exportJson } from '../core/output/jsonExport';
import { exportMarkdown } from '../core/output/markdownExport';
import type { LoadedLog } from '../core/log/loadedLog';
import { baseName } from './fileInputs';
import { homeFolder } from './logSets';
import { notify } from './uiText';

export type ExportFormat = 'csv' | 'json' | 'md';

export const EXPORT_FORMATS: readonly { format: ExportFormat; label: string; detail: string }[] = [
  { format: 'csv', label: 'CSV (portal trio)', detail: 'ProvisioningLogs, _ProvisioningSteps and _ModifiedProperties, joined by Change ID' },
  { format: 'json', label: 'JSON', detail: "One array in the portal download's shape" },
  { format: 'md', label: 'Markdown report', detail: 'Counts, error codes with what to do, the events: for a ticket' },
];

export interface ExportRequest {
  model: LoadedLog;
  /** The log file, to suggest a name and folder beside it. */
  source: vscode.Uri;
  indices: ArrayLike<number>;
  format?: ExportFormat;
  /** What the events were chosen by, in words, for the Markdown report. */
  selection?: string;
}

/** Asks for the format (when not given) and the target, writes the files; returns what was written. */
export async function exportEvents(req: ExportRequest): Promise<vscode.Uri[]> {
  const format = req.format ?? (await pickFormat());
  if (format === undefined) return [];
  const ext = format === 'md' ? 'md' : format;
  const stem = baseName(req.source).replace(/\.[^.]+$/, '');
  const suggested = format === 'csv' ? 'ProvisioningLogs.csv' : `${stem}-export.${ext}`;
  const target = await vscode.window.showSaveDialog({
    defaultUri: vscode.Uri.joinPath(homeFolder(req.source), suggested),
    filters: { [EXPORT_FORMATS.find((f) => f.format === format)!.label]: [ext] },
    title: `Export ${plural(req.indices.length, 'event')}`,
  });
  if (target === undefined) return [];
  if (target.toString() === req.source.toString()) {
    void notify('error', 'Choose another file: the export never overwrites the log it comes from.');
    return [];
  }
  const written = await writeExport(req, format, target);
  const open = 'Open';
  void notify('info', `Exported ${plural(req.indices.length, 'event')} to ${written.map(baseName).join(', ')}.`, open).then((choice) => {
    if (choice === open && written[0]) void vscode.commands.executeCommand('vscode.open', written[0]);
  });
  return written;
}

/** Writes without asking (tests, and callers that already chose the target). */
export async function writeExport(req: ExportRequest, format: ExportFormat, target: vscode.Uri): Promise<vscode.Uri[]> {
  const data = req.model.data;
  const indices = Array.from(req.indices);
  if (format === 'csv') {
    const parts: Record<CsvTrioFile, string[]> = { main: [], steps: [], modified: [] };
    exportCsvTrio(data, indices, (file, chunk) => parts[file].push(chunk));
    const base = target.path.replace(/\.csv$/i, '');
    const uris: Record<CsvTrioFile, vscode.Uri> = {
      main: target.with({ path: `${base}.csv` }),
      steps: target.with({ path: `${base}_ProvisioningSteps.csv` }),
      modified: target.with({ path: `${base}_ModifiedProperties.csv` }),
    };
    for (const f of ['main', 'steps', 'modified'] as const) await write(uris[f], parts[f]);
    return [uris.main, uris.steps, uris.modified];
  }
  const parts: string[] = [];
  if (format === 'json') exportJson(data, indices, (c) => parts.push(c));
  else exportMarkdown(data, indices, (c) => parts.push(c), req.selection ? { selection: req.selection } : {});
  await write(target, parts);
  return [target];
}

async function pickFormat(): Promise<ExportFormat | undefined> {
  const pick = await vscode.window.showQuickPick(
    EXPORT_FORMATS.map((f) => ({ label: f.label, detail: f.detail, format: f.format })),
    { title: 'Export as', placeHolder: 'Choose a format' },
  );
  return pick?.format;
}

async function write(uri: vscode.Uri, parts: string[]): Promise<void> {
  const encoder = new TextEncoder();
  await vscode.workspace.fs.writeFile(uri, concatBytes(parts.map((p) => encoder.encode(p))));
}
