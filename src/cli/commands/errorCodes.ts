/**
 * The error-code commands. `provlog errors`: where each failure's error code stands in the file
 * (1-based lines, UTF-16 columns without the quotes: what VS Code and most editors count), for
 * scripts and editors that jump to `file:line:column`. `provlog explain CODE`: what a code means,
 * what to do, whether the service retries, and where Microsoft documents it (the JSON form is the
 * catalog's explainJson contract).
 */
import { describeRetry, explainJson, lookupErrorCode } from '../../core/catalog/catalog';
import { locateErrorCodes, type ErrorLocation } from '../../core/views/editor/locate';
import type { CommandRequest } from '../args';
import { terminalSafe, writeJson, writeJsonArray } from '../format';
import { EXIT, type CliIo, type ExitCode } from '../io';
import { fileLabel, select, type Selection } from '../readInputs';

export interface ErrorPosition {
  code: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: string;
  changeId: string;
  /** Only when several files were read. */
  file?: string;
}

export async function errorsCommand(req: CommandRequest, io: CliIo): Promise<ExitCode> {
  const sel = await select(req, io);
  if (sel.status === EXIT.unreadable) return sel.status;
  const located = locateErrorCodes(sel.log, sel.indices).map((l) => position(sel, l));
  if (req.json) {
    writeJsonArray(io.stdout, located);
  } else if (located.length > 0) {
    // Compiler style: editors and terminals turn `file:line:column` into a link.
    const lines = located.map((p) => {
      const file = p.file ?? sel.paths[0] ?? '';
      return `${terminalSafe(file)}:${p.line}:${p.column}: ${p.severity}: ${terminalSafe(p.code)} (change ${terminalSafe(p.changeId)})`;
    });
    io.stdout.write(lines.join('\n') + '\n');
  }
  return sel.status;
}

function position(sel: Selection, l: ErrorLocation): ErrorPosition {
  const p: ErrorPosition = {
    code: l.code,
    line: l.line,
    column: l.column,
    endLine: l.endLine,
    endColumn: l.endColumn,
    severity: l.severity,
    changeId: l.changeId,
  };
  const file = fileLabel(sel, l.file);
  if (file !== undefined) p.file = file;
  return p;
}

export function explainCommand(req: CommandRequest, io: CliIo): Promise<ExitCode> {
  if (req.json) writeJson(io.stdout, explainJson(req.code));
  else io.stdout.write(explainText(req.code));
  return Promise.resolve(EXIT.ok);
}

export function explainText(code: string): string {
  const m = lookupErrorCode(code);
  const e = m.entry;
  const lines: string[] = [];
  const shown = terminalSafe(code);
  if (!m.known) lines.push(`${shown}: ${e.title}`);
  else if (m.skipReason === true) lines.push(`${shown}: ${e.title} (a skip reason from a step's SkipReason detail, not an error)`);
  else if (m.prefix !== undefined) lines.push(`${shown}: ${e.title} (${m.canonical}, prefixed with the app name "${terminalSafe(m.prefix)}")`);
  else lines.push(`${shown}: ${e.title}`);
  lines.push(m.skipReason === true ? `Action needed: ${e.severity === 'info' ? 'no (expected)' : 'yes'}` : `Category: ${e.category}; severity: ${e.severity}`);
  lines.push('', 'Meaning:', indent(e.meaning));
  lines.push('', 'What to do:', indent(e.remediation));
  // No event time here, so the retry is told as a delay rather than a clock time.
  lines.push('', `Retry: ${describeRetry(NaN, m)}`);
  lines.push('', `Docs: ${e.docs}`);
  for (const link of e.links ?? []) lines.push(`      ${link.title}: ${link.url}`);
  return lines.join('\n') + '\n';
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((l) => `  ${l}`)
    .join('\n');
}
