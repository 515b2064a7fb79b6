/**
 * `provlog export FILE --format csv|json|md [-o OUT] [filters]`: the filtered events through the
 * core's exporters. JSON and Markdown go to OUT or stdout; CSV is the portal's trio of files, so it
 * always goes to files: OUT (default ./ProvisioningLogs.csv) plus OUT's _ProvisioningSteps and
 * _ModifiedProperties siblings, named so that the viewer finds them again.
 */
import { basename } from 'node:path';
import { plural } from '../../core/common/displayText';
import { exportCsvTrio, type CsvTrioFile } from '../../core/output/csvExport';
import { CSV_TRIO_FILES, csvTrioPaths, DEFAULT_CSV_OUTPUT } from '../../core/output/exportFormats';
import { exportJson } from '../../core/output/jsonExport';
import { exportMarkdown } from '../../core/output/markdownExport';
import type { CommandRequest } from '../args';
import { assertNotAnInput, EXIT, openOutput, outputOrStdout, UsageError, type CliIo, type ExitCode, type FileWriter } from '../io';
import { select, type Selection } from '../readInputs';

export async function exportCommand(req: CommandRequest, io: CliIo): Promise<ExitCode> {
  const sel = await select(req, io);
  // Nothing was read: write nothing rather than an empty export that looks like a result.
  if (sel.status === EXIT.unreadable) return sel.status;
  if (req.format === 'csv') {
    exportCsv(req, io, sel);
    return sel.status;
  }
  const out = outputOrStdout(io, req.output, sel.paths, 'export');
  try {
    if (req.format === 'md') {
      const selection = req.filter.description;
      exportMarkdown(sel.log, sel.indices, (chunk) => out.write(chunk), {
        title: `Provisioning log report: ${sel.paths.map((p) => basename(p)).join(', ')}`,
        ...(selection ? { selection } : {}),
      });
    } else {
      exportJson(sel.log, sel.indices, (chunk) => out.write(chunk));
      // The exporter writes one JSON value; end the line for terminals and line-based tools.
      if (req.output === undefined) out.write('\n');
    }
  } finally {
    out.close();
  }
  if (req.output !== undefined) io.stderr.write(`provlog: wrote ${plural(sel.indices.length, 'event')} to ${req.output}\n`);
  return sel.status;
}

function exportCsv(req: CommandRequest, io: CliIo, sel: Selection): void {
  // Without -o: the portal's name in the working folder, never overwritten.
  const paths = csvTrioPaths(req.output ?? DEFAULT_CSV_OUTPUT);
  const all = CSV_TRIO_FILES.map((f) => paths[f]);
  for (const p of all) assertNotAnInput(io, p, sel.paths, 'export');
  if (req.output === undefined) {
    const existing = all.filter((p) => io.fs.stat(p) !== undefined);
    if (existing.length > 0) {
      throw new UsageError(`${existing.join(', ')} already exist${existing.length === 1 ? 's' : ''}; choose where to write with -o OUT.csv (it is then overwritten).`, 'export');
    }
  }
  const writers: Record<CsvTrioFile, FileWriter> = {
    main: openOutput(io, paths.main, 'export'),
    steps: openOutput(io, paths.steps, 'export'),
    modified: openOutput(io, paths.modified, 'export'),
  };
  try {
    exportCsvTrio(sel.log, sel.indices, (file, chunk) => writers[file].write(chunk));
  } finally {
    for (const w of Object.values(writers)) w.close();
  }
  io.stderr.write(`provlog: wrote ${plural(sel.indices.length, 'event')} to ${all.join(', ')}\n`);
}
