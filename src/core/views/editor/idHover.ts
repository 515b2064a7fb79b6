/**
 * Hovers on IDs: a change (who, what, how it ended, when), a cycle (counts by status and its time
 * span) and a job (app, systems, cycles, counts), each with links to filter the viewer or copy.
 */
import { formatCount, plural } from '../../common/displayText';
import type { CycleGroup } from '../../index/eventIndex';
import type { LoadedLog } from '../../log/loadedLog';
import { STATUS_LABELS } from '../../common/record';
import { formatUtc } from '../../common/time';
import { actionText, countsText, durationText, linkRow, spanText, type HoverLinks } from './hoverParts';
import { identityOf } from './logDiagnostics';
import { mdInert as safeMd } from '../../common/markdownText';

export function changeHover(model: LoadedLog, index: number, changeId: string, links: HoverLinks): string {
  const same = model.index.eventsWithChangeId(changeId);
  // The event under the cursor first, then any other event with the same change ID.
  const events = [index, ...same.filter((i) => i !== index)];
  const lines = events.slice(0, 5).map((i) => changeLine(model, i));
  const out = [`$(git-commit) **Change** · ${lines[0]}`];
  if (events.length > 1) {
    out.push(`${formatCount(events.length)} events carry this change ID:\n\n${lines.map((l) => `- ${l}`).join('\n')}${events.length > 5 ? '\n- …' : ''}`);
  }
  const sys = systemsOf(model, index);
  if (sys !== '') out.push(sys);
  out.push(
    linkRow([
      ['$(go-to-file) Show details', links.showDetails(index)],
      ['$(filter) Filter viewer to this change', links.filter({ changeId })],
      ['$(copy) Copy change ID', links.copy(changeId, 'Change ID')],
    ]),
  );
  return out.join('\n\n');
}

export function cycleHover(model: LoadedLog, index: number, cycleId: string, links: HoverLinks): string {
  const own = model.index.cycleOf(index);
  const cycle: CycleGroup | undefined = own?.cycleId === cycleId ? own : model.index.cyclesWithId(cycleId)[0];
  if (cycle === undefined) return `$(history) **Cycle** ${safeMd(cycleId)}: no events of this cycle in the file.`;
  const job = model.index.job(cycle.jobId);
  const position = job ? job.cycles.length - job.cycles.indexOf(cycle) : 0;
  const of = job && job.cycles.length > 1 ? ` (cycle ${formatCount(position)} of ${formatCount(job.cycles.length)} in this file)` : '';
  return [
    `$(history) **Cycle** of ${safeMd(job?.name || 'an unnamed job', 80)}${of}`,
    `${countsText(cycle.counts)}  \n${spanText(cycle.first, cycle.last)}`,
    linkRow([
      ['$(filter) Filter viewer to this cycle', links.filter({ cycleId })],
      ['$(copy) Copy cycle ID', links.copy(cycleId, 'Cycle ID')],
    ]),
  ].join('\n\n');
}

export function jobHover(model: LoadedLog, _index: number, jobId: string, links: HoverLinks): string {
  const job = model.index.job(jobId);
  if (job === undefined) return `$(server-process) **Job** ${safeMd(jobId)}: no events of this job in the file.`;
  const systems = job.sourceSystem !== '' || job.targetSystem !== '' ? ` (${safeMd(job.sourceSystem, 60)} → ${safeMd(job.targetSystem, 60)})` : '';
  const latest = job.cycles[0];
  const latestLine =
    latest !== undefined && job.cycles.length > 1 ? `  \nLatest cycle: ${countsText(latest.counts)}, ${spanText(latest.first, latest.last)}` : '';
  return [
    `$(server-process) **Job** · ${safeMd(job.name || 'unnamed', 80)}${systems}`,
    `${plural(job.cycles.length, 'cycle')} · ${countsText(job.counts)}  \n${spanText(job.first, job.last)}${latestLine}`,
    linkRow([
      ['$(filter) Filter viewer to this job', links.filter({ jobId })],
      ['$(copy) Copy job ID', links.copy(jobId, 'Job ID')],
    ]),
  ].join('\n\n');
}

/** `**Adele Vance** · Create · **Failure** (EntryConflict) · 2026-03-02 14:00:05 UTC · 1.8 s`. */
function changeLine(model: LoadedLog, i: number): string {
  const s = model.store.summary(i);
  const who = identityOf(model.store, i);
  const status = s.status === 'failure' ? `**${STATUS_LABELS[s.status]}**` : STATUS_LABELS[s.status];
  const parts = [
    who !== '' ? `**${safeMd(who)}**${s.sourceType !== '' ? ` (${safeMd(s.sourceType, 40)})` : ''}` : '',
    actionText(s.action, s.actionLabel),
    s.errorCode !== '' ? `${status} (${safeMd(s.errorCode, 80)})` : status,
    Number.isNaN(s.time) ? safeMd(s.activityDateTime, 40) : formatUtc(s.time),
    s.durationMs !== null ? durationText(s.durationMs) : '',
  ];
  return parts.filter((p) => p !== '').join(' · ');
}

function systemsOf(model: LoadedLog, i: number): string {
  const s = model.store.summary(i);
  if (s.sourceSystem === '' && s.targetSystem === '') return '';
  const app = s.appName !== '' && s.appName !== s.targetSystem ? ` · app ${safeMd(s.appName, 60)}` : '';
  return `${safeMd(s.sourceSystem, 60)} → ${safeMd(s.targetSystem, 60)}${app}`;
}
