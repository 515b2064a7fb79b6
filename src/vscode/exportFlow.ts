/**
 * Exporting events to files the user picks (CSV trio, JSON array, Markdown report), shared by the
 * viewer's export button, the palette command and the tree's "export this cycle". Writes only where
 * the user chose in the save dialog, never over the log itself.
 */
import * as vscode from 'vscode';
import { concatBytes } from '../core/read/bytes';
import { plural } from '../core/common/displayText';
import { exportCsvTrio, type CsvTrioFile } from '../core/output/csvExport';
import { CSV_TRIO_FILES, csvTrioPaths, DEFAULT_CSV_OUTPUT, EXPORT_FORMAT_INFO, EXPORT_FORMATS, type ExportFormat } from '../core/output/exportFormats';
import { exportJson } from '../core/output/jsonExport';
import { exportMarkdown } from '../core/output/markdownExport';
import type { LoadedLog } from '../core/log/loadedLog';
import { baseName } from './fileInputs';
import { homeFolder } from './logSets';
import { notify } from './uiText';


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
  const { extension, label } = EXPORT_FORMAT_INFO[format];
  const stem = baseName(req.source).replace(/\.[^.]+$/, '');
  const suggested = format === 'csv' ? DEFAULT_CSV_OUTPUT : `${stem}-export.${extension}`;
  const target = await vscode.window.showSaveDialog({
    defaultUri: vscode.Uri.joinPath(homeFolder(req.source), suggested),
    filters: { [label]: [extension] },
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
    const paths = csvTrioPaths(target.path);
    const uris = CSV_TRIO_FILES.map((f) => target.with({ path: paths[f] }));
    for (const [k, f] of CSV_TRIO_FILES.entries()) await write(uris[k]!, parts[f]);
    return uris;
  }
  const parts: string[] = [];
  if (format === 'json') exportJson(data, indices, (c) => parts.push(c));
  else exportMarkdown(data, indices, (c) => parts.push(c), req.selection ? { selection: req.selection } : {});
  await write(target, parts);
  return [target];
}

async function pickFormat(): Promise<ExportFormat | undefined> {
  const pick = await vscode.window.showQuickPick(
    EXPORT_FORMATS.map((f) => ({ label: EXPORT_FORMAT_INFO[f].label, detail: EXPORT_FORMAT_INFO[f].detail, format: f })),
    { title: 'Export as', placeHolder: 'Choose a format' },
  );
  return pick?.format;
}

async function write(uri: vscode.Uri, parts: string[]): Promise<void> {
  const encoder = new TextEncoder();
  await vscode.workspace.fs.writeFile(uri, concatBytes(parts.map((p) => encoder.encode(p))));
}
