/**
 * Commands on "the filtered events", i.e. what the viewer shows (registry.viewerFilter): clear the
 * filters, copy the IDs of one kind (the Microsoft article's PowerShell recipes, generalised: job
 * IDs, change IDs of the create events, …), export them.
 */
import * as vscode from 'vscode';
import { capitalize } from '../../core/views/detail/identityNames';
import { formatCount, plural } from '../../core/common/displayText';
import { formatUtc } from '../../core/common/time';
import { describeFilter, isEmptyFilter } from '../../core/common/filter';
import { ID_LABELS, collectIds, isIdKind, type IdKind } from '../../core/index/idLists';
import type { Deps } from '../deps';
import { exportFormatOf, type ExportFormat } from '../../core/output/exportFormats';
import { exportEvents } from '../exportFlow';
import type { OpenLog } from '../logRegistry';
import { requireLog } from './activeLog';
import { notify } from '../uiText';

const KINDS: readonly IdKind[] = ['change', 'cycle', 'job', 'sourceId', 'targetId'];

export function registerFilteredCommands(deps: Pick<Deps, 'registry'>): vscode.Disposable {
  const filtered = (log: OpenLog): { indices: Uint32Array; words: string } => {
    const filter = deps.registry.viewerFilter(log.uri);
    // In the viewer's order (newest first when no viewer shows the log), as a person sees the events.
    return { indices: log.model.query.run(filter, deps.registry.viewerSort(log.uri)), words: isEmptyFilter(filter) ? '' : describeFilter(filter, (t) => formatUtc(t)) };
  };
  return vscode.Disposable.from(
    vscode.commands.registerCommand('provlog.clearFilters', (arg: unknown) => {
      const log = requireLog(deps.registry, arg);
      if (log === undefined) return;
      deps.registry.requestFilter({ uri: log.uri, filter: {}, replace: true });
      vscode.window.setStatusBarMessage(`$(clear-all) Filters of ${log.name} cleared`, 2500);
    }),
    vscode.commands.registerCommand('provlog.copyIds', async (arg: unknown) => {
      const kindArg = typeof arg === 'object' && arg !== null ? (arg as { kind?: unknown }).kind : arg;
      const log = requireLog(deps.registry, typeof arg === 'object' ? arg : undefined);
      if (log === undefined) return;
      const { indices, words } = filtered(log);
      const picked = isIdKind(kindArg) ? { kind: kindArg, ids: collectIds(log.model.store, indices, kindArg) } : await pickKind(log, indices, words);
      if (picked === undefined) return;
      const { kind, ids } = picked;
      if (ids.length === 0) {
        void notify('info', `The ${plural(indices.length, 'filtered event')} have no ${ID_LABELS[kind].many}.`);
        return;
      }
      await vscode.env.clipboard.writeText(ids.join('\n'));
      void notify('info', `Copied ${formatCount(ids.length)} ${ids.length === 1 ? ID_LABELS[kind].one : ID_LABELS[kind].many} of ${plural(indices.length, words ? 'filtered event' : 'event')}, one a line.`);
    }),
    vscode.commands.registerCommand('provlog.exportFiltered', async (arg: unknown) => {
      const log = requireLog(deps.registry, arg);
      if (log === undefined) return;
      const { indices, words } = filtered(log);
      if (indices.length === 0) {
        void notify('info', 'No events pass the current filters: nothing to export.');
        return;
      }
      const format = formatOf(arg);
      await exportEvents({ model: log.model, source: log.uri, indices, selection: words || 'all events of the file', ...(format ? { format } : {}) });
    }),
  );
}

/** The kind picked, with its IDs: they were collected to show the counts. */
async function pickKind(log: OpenLog, indices: Uint32Array, words: string): Promise<{ kind: IdKind; ids: string[] } | undefined> {
  const items = KINDS.map((kind) => {
    const ids = collectIds(log.model.store, indices, kind);
    return { label: capitalize(ID_LABELS[kind].many), description: `${formatCount(ids.length)} unique`, idKind: kind, ids };
  });
  const pick = await vscode.window.showQuickPick(items, {
    title: `Copy IDs of ${plural(indices.length, words ? 'filtered event' : 'event')} in ${log.name}`,
    placeHolder: words ? `Filtered by ${words}` : 'No filter: every event of the file',
  });
  return pick === undefined ? undefined : { kind: pick.idKind, ids: pick.ids };
}

function formatOf(arg: unknown): ExportFormat | undefined {
  const f = typeof arg === 'object' && arg !== null ? (arg as { format?: unknown }).format : undefined;
  return exportFormatOf(f);
}
