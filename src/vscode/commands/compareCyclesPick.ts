/**
 * Compare Cycles from the Command Palette: without two cycles selected in the tree, the active
 * log's cycles are offered in a Quick Pick (the first, then the second among the rest), and the
 * comparison is the same Markdown report the tree shows. Job names are log text: through uiText.
 */
import type * as vscode from 'vscode';
import { compareCycles } from '../../core/index/compareCycles';
import { compareCyclesMarkdown } from '../../core/output/compareCyclesMarkdown';
import { countsGlyphs, formatDuration } from '../../core/common/displayText';
import type { CycleGroup } from '../../core/index/eventIndex';
import type { LoadedLog } from '../../core/log/loadedLog';
import { formatTimeIn, formatUtc } from '../../core/common/time';
import { config } from '../config';
import type { LogRegistry, OpenLog } from '../logRegistry';
import { requireLog } from './activeLog';
import { pickOne } from './quickInputs';
import { showReport } from './reportDocuments';
import { notify, uiText } from '../uiText';

export interface CycleItem extends vscode.QuickPickItem {
  cycle: CycleGroup;
}

/** Every cycle of the log, newest first: label = when it ran and its job, description = counts, detail = cycle ID. */
export function cycleItems(model: LoadedLog): CycleItem[] {
  const zone = config.timeZone();
  return model.index.jobs
    .flatMap((j) => j.cycles.map((cycle) => ({ cycle, job: j.name || j.jobId })))
    .sort((a, b) => (b.cycle.first || 0) - (a.cycle.first || 0))
    .map(({ cycle, job }) => {
      const start = formatTimeIn(cycle.first, zone);
      const duration = formatDuration(cycle.last - cycle.first);
      const when = start === '' ? 'Cycle without a time' : duration === '' ? start : `${start} (${duration})`;
      return {
        label: `${when} · ${uiText(job)}`,
        description: countsGlyphs(cycle.counts),
        detail: uiText(cycle.cycleId),
        cycle,
      };
    });
}

/** The palette's path: the log given or active, two cycles picked one after the other. */
export async function pickAndCompareCycles(registry: Pick<LogRegistry, 'get' | 'active' | 'all'>): Promise<void> {
  const log = requireLog(registry);
  if (log === undefined) return;
  const items = cycleItems(log.model);
  if (items.length < 2) {
    void notify('info', `${log.name} has ${items.length === 0 ? 'no cycles' : 'one cycle'}: Compare Cycles needs two.`);
    return;
  }
  const title = `Compare Cycles of ${log.name}`;
  for (;;) {
    const first = await pickOne<CycleItem>({ title, placeholder: 'The first cycle (the earlier one, usually)', items });
    if (first.kind !== 'value') return;
    const rest = items.filter((i) => i.cycle !== first.value.cycle);
    const second = await pickOne<CycleItem>({ title, placeholder: `Compare ${first.value.label} with…`, items: rest, back: true });
    if (second.kind === 'cancel') return;
    if (second.kind === 'value') return showCycleComparison(log, first.value.cycle, second.value.cycle);
  }
}

/** The comparison report of two cycles of one log, the older one as "before". */
export async function showCycleComparison(log: OpenLog, a: CycleGroup, b: CycleGroup): Promise<void> {
  const { model } = log;
  const result = compareCycles(model.store, a, b);
  const markdown = compareCyclesMarkdown(result, { jobName: (id) => model.index.job(id)?.name || id, fileName: log.name });
  await showReport(`Cycles ${formatUtc(result.before.first) || result.before.cycleId} vs ${formatUtc(result.after.first) || result.after.cycleId}`, markdown);
}
