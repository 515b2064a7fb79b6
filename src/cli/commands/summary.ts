/**
 * `provlog summary`: counts by status and action, jobs/cycles/changes, error codes, problems. The
 * JSON form is the core's summaryJson (a contract other tools parse); the text form is for people.
 */
import { lookupErrorCode } from '../../core/catalog/catalog';
import { ENCODING_LABELS } from '../../core/read/encoding';
import { FORMAT_LABELS } from '../../core/common/record';
import { summarize, summaryJson, type LogSummary } from '../../core/index/summary';
import { formatUtc } from '../../core/common/time';
import type { CommandRequest } from '../args';
import { countsText, problemLine, terminalSafe, writeJson } from '../format';
import type { CliIo, ExitCode } from '../io';
import { select, type Selection } from '../readInputs';

/** The order the Action line lists actions in. */
const ACTION_ORDER = ['create', 'update', 'delete', 'stagedDelete', 'disable', 'other'] as const;

/** Error codes listed in the text form; the JSON form has them all. */
const TOP_CODES = 10;
/** Files named one a line before the rest are counted. */
const FILES_NAMED = 10;

export async function summaryCommand(req: CommandRequest, io: CliIo): Promise<ExitCode> {
  const sel = await select(req, io, { quiet: true });
  const s = summarize(sel.log, sel.indices);
  if (req.json) writeJson(io.stdout, summaryJson(s, sel.log.problems));
  else io.stdout.write(summaryText(sel, s, req.filter.description));
  return sel.status;
}

function summaryText(sel: Selection, s: LogSummary, filters: string): string {
  const { log } = sel;
  const lines: string[] = [];
  // An export folder holds hundreds of hourly blobs: name a few, count the rest.
  for (const f of log.files.slice(0, FILES_NAMED)) lines.push(`File:      ${terminalSafe(f.name)} (${sizeText(f.size)}, ${ENCODING_LABELS[f.encoding]})`);
  if (log.files.length > FILES_NAMED) {
    const rest = log.files.slice(FILES_NAMED);
    lines.push(`           …and ${rest.length} more files (${sizeText(rest.reduce((n, f) => n + f.size, 0))})`);
  }
  const detail = log.formatDetail ? ` (${log.formatDetail})` : '';
  lines.push(`Format:    ${FORMAT_LABELS[log.format]}${detail}`);
  if (filters) lines.push(`Filters:   ${filters} → ${s.events} of ${log.store.size} events`);
  const span = Number.isNaN(s.first) ? '' : ` from ${formatUtc(s.first)} to ${formatUtc(s.last)}`;
  lines.push(`Events:    ${s.events}${span}`);
  lines.push(`Status:    ${countsText(s.status)}`);
  // Always in the portal's order of actions, whatever the file holds first.
  lines.push(`Action:    ${countsText(Object.fromEntries(ACTION_ORDER.map((a) => [a, s.action[a]])))}`);
  lines.push(`Jobs:      ${s.jobs}, cycles ${s.cycles}, changes ${s.changes} (${s.targetChanges} changed the target system)`);
  if (!Number.isNaN(s.successRate)) lines.push(`Success:   ${(s.successRate * 100).toFixed(1)}% of attempted changes`);
  if (s.errorCodes.length > 0) {
    lines.push('', 'Error codes:');
    const top = s.errorCodes.slice(0, TOP_CODES);
    const width = Math.max(...top.map((c) => String(c.count).length));
    const codeWidth = Math.max(...top.map((c) => c.code.length));
    for (const c of top) {
      const title = lookupErrorCode(c.code).entry.title;
      lines.push(`  ${String(c.count).padStart(width)}  ${terminalSafe(c.code).padEnd(codeWidth)}  ${title}`);
    }
    if (s.errorCodes.length > TOP_CODES) lines.push(`  …and ${s.errorCodes.length - TOP_CODES} more codes (see --json)`);
    lines.push('  Run "provlog explain CODE" for what a code means and what to do.');
  }
  if (log.nextLink !== undefined) lines.push('', 'More pages: this Graph page has an @odata.nextLink.');
  if (log.problems.length > 0) {
    lines.push('', 'Problems:');
    for (const p of log.problems) lines.push(`  ${problemLine(p)}`);
  }
  return lines.join('\n') + '\n';
}

function sizeText(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1 << 20) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1 << 20)).toFixed(1)} MB`;
}
