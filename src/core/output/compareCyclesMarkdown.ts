/**
 * The cycle comparison as a Markdown report: the two cycles' counts side by side, then who was
 * fixed, who fails now, who is still failing, who appears in only one cycle, and how each error
 * code's count moved. Rows are capped per section; log values are escaped.
 */
import type { CycleComparison, CycleSide, IdentityRow, Outcome } from '../index/compareCycles';
import { formatCount, formatDuration, plural } from '../common/displayText';
import { mdCode, mdTable, mdText } from '../common/markdownText';
import { ACTION_LABELS, STATUS_LABELS } from '../common/record';
import { actionTable } from './summaryMarkdown';
import { formatUtc } from '../common/time';

/** Rows listed per section; the rest are counted. */
export const MAX_ROWS = 200;

export interface CompareNames {
  /** Job name (application) of each cycle, by job ID. */
  jobName: (jobId: string) => string;
  fileName: string;
}

export function compareCyclesMarkdown(c: CycleComparison, names: CompareNames): string {
  const out: string[] = ['# Cycle comparison', ''];
  out.push(`File: ${mdText(names.fileName)}`, '');
  const sameJob = c.before.jobId === c.after.jobId;
  if (!sameJob) out.push('> The two cycles belong to different jobs: identities are matched across them all the same.', '');
  out.push(
    mdTable(
      ['', 'Earlier cycle', 'Later cycle'],
      [
        ['Job', mdText(names.jobName(c.before.jobId)), mdText(names.jobName(c.after.jobId))],
        ['Cycle ID', mdCode(c.before.cycleId), mdCode(c.after.cycleId)],
        ['Started', startText(c.before), startText(c.after)],
        ['Ran', formatDuration(c.before.last - c.before.first), formatDuration(c.after.last - c.after.first)],
        ['Events', formatCount(c.before.counts.total), formatCount(c.after.counts.total)],
        ['Identities', formatCount(c.before.identities), formatCount(c.after.identities)],
        ['Succeeded', formatCount(c.before.counts.success), formatCount(c.after.counts.success)],
        ['Failed', formatCount(c.before.counts.failure), formatCount(c.after.counts.failure)],
        ['Skipped', formatCount(c.before.counts.skipped), formatCount(c.after.counts.skipped)],
        ['Warnings', formatCount(c.before.counts.warning), formatCount(c.after.counts.warning)],
      ],
      ['l', 'r', 'r'],
    ),
    '',
  );
  out.push('## In short', '');
  out.push(`- **${formatCount(c.fixed.length)} fixed**: failed in the earlier cycle, did not fail in the later one.`);
  out.push(`- **${formatCount(c.newlyFailing.length + c.failingNewIdentities.length)} newly failing**: failed in the later cycle only (${formatCount(c.failingNewIdentities.length)} of them are not in the earlier cycle at all).`);
  out.push(`- **${formatCount(c.stillFailing.length)} still failing** in both cycles.`);
  out.push(`- ${formatCount(c.failedOnlyBefore.length)} failed in the earlier cycle and are not in the later one.`);
  out.push(`- ${plural(c.onlyAfter.length + c.failingNewIdentities.length, 'identity', 'identities')} new in the later cycle; ${formatCount(c.onlyBefore.length + c.failedOnlyBefore.length)} only in the earlier one.`);
  out.push('', "An identity's outcome in a cycle is its newest event there; identities are matched by source ID, else by name.", '');
  section(out, 'Fixed', 'Failed in the earlier cycle, did not fail in the later one.', c.fixed);
  section(out, 'Newly failing', 'Did not fail in the earlier cycle (or were not in it), fail in the later one.', [...c.newlyFailing, ...c.failingNewIdentities]);
  section(out, 'Still failing', 'Failed in both cycles: the cause was not fixed in between.', c.stillFailing);
  section(out, 'Failed earlier, not in the later cycle', 'Not processed again in the later cycle (no change since, or out of scope now).', c.failedOnlyBefore);
  section(out, 'New in the later cycle', 'Identities the earlier cycle did not process (failures are listed above).', c.onlyAfter);
  if (c.codes.length > 0) {
    out.push('## Error codes', '');
    const rows = c.codes.map((d) => [mdCode(d.code, 120), formatCount(d.before), formatCount(d.after), delta(d.after - d.before)]);
    out.push(mdTable(['Code', 'Earlier', 'Later', 'Change'], rows, ['l', 'r', 'r', 'r']), '');
  }
  out.push('## Actions', '', 'Earlier cycle:', '', actionTable(c.before.actions), '', 'Later cycle:', '', actionTable(c.after.actions), '');
  return out.join('\n') + '\n';
}

function section(out: string[], title: string, about: string, rows: IdentityRow[]): void {
  if (rows.length === 0) return;
  out.push(`## ${title} (${formatCount(rows.length)})`, '', about, '');
  const shown = rows.slice(0, MAX_ROWS).map((r) => [mdText(r.name || '(no name)', 120), mdCode(r.sourceId, 80), outcomeText(r.before), outcomeText(r.after), mdCode(r.after?.changeId ?? r.before?.changeId ?? '', 80)]);
  out.push(mdTable(['Identity', 'Source ID', 'Earlier cycle', 'Later cycle', 'Change ID (latest)'], shown), '');
  if (rows.length > MAX_ROWS) out.push(`…and ${plural(rows.length - MAX_ROWS, 'more identity', 'more identities')}.`, '');
}

function outcomeText(o: Outcome | undefined): string {
  if (o === undefined) return '—';
  const code = o.errorCode ? ` ${mdCode(o.errorCode, 100)}` : '';
  const more = o.events > 1 ? ` (${o.events} events)` : '';
  return `${STATUS_LABELS[o.status]}: ${ACTION_LABELS[o.action]}${code}${more}`;
}

function startText(s: CycleSide): string {
  return Number.isNaN(s.first) ? '' : formatUtc(s.first);
}

function delta(n: number): string {
  return n > 0 ? `+${formatCount(n)}` : n < 0 ? `−${formatCount(-n)}` : '0';
}
