/**
 * The Log Analytics commands: Query Log Analytics… (the viewer's filters run in a workspace, the
 * rows opened in the viewer), Query Newer Events (the same query from the newest event on, appended),
 * Copy Filters as KQL, and Open Filters in Log Analytics (the portal's link to the query).
 * Arguments (workspace, range, output) let links and tests skip the questions.
 */
import * as vscode from 'vscode';
import { filterToKql } from '../../core/sources/kql/filterToKql';
import { portalQueryLink, workspaceIdProblem } from '../../core/sources/kql/portalLink';
import { workspaceName } from '../../core/sources/logAnalytics/laErrors';
import { targetLog, requireLog } from '../commands/activeLog';
import { config } from '../config';
import type { Deps } from '../deps';
import type { OpenLog } from '../logRegistry';
import { armSession } from './armSession';
import { originOf, rememberOrigin } from './queryOrigins';
import { pullIntoFile, type PullOutcome } from './queryPull';
import { pickRange } from './queryRange';
import { pickWorkspace, rememberWorkspace } from './workspacePick';
import { notify, uiText } from '../uiText';
import { type EventFilter } from '../../core/common/filter';

interface QueryArgs {
  workspace?: string;
  since?: number;
  until?: number;
  /** File path to write (default: a new file in the extension's storage). */
  output?: string;
}

export function registerLogAnalyticsCommands(deps: Pick<Deps, 'registry' | 'context'>): vscode.Disposable {
  const { registry, context } = deps;
  const filterOf = (log: OpenLog | undefined): EventFilter => (log ? registry.viewerFilter(log.uri) : {});
  return vscode.Disposable.from(
    vscode.commands.registerCommand('provlog.queryLogAnalytics', async (args?: QueryArgs): Promise<PullOutcome | undefined> => {
      const a = typeof args === 'object' && args !== null ? args : {};
      const filter = filterOf(targetLog(registry));
      const workspace = a.workspace ?? (await pickWorkspace(context, armSession, 'Query Log Analytics: workspace'));
      if (workspace === undefined) return undefined;
      const problem = workspaceIdProblem(workspace);
      if (problem) {
        void notify('error', problem);
        return undefined;
      }
      const now = Date.now();
      const range = typeof a.since === 'number' ? { since: a.since, until: typeof a.until === 'number' ? a.until : now } : await pickRange(filter, now);
      if (range === undefined) return undefined;
      await rememberWorkspace(context, workspace);
      const output = a.output ? vscode.Uri.file(a.output) : await defaultOutput(context, workspace, range.since);
      await rememberOrigin(context, output, { workspace, filter });
      return pullIntoFile({ workspace, filter, since: range.since, until: range.until, output, append: false });
    }),
    vscode.commands.registerCommand('provlog.queryNewer', async (arg?: unknown): Promise<PullOutcome | undefined> => {
      const log = requireLog(registry, arg);
      if (log === undefined) return undefined;
      const origin = originOf(context, log.uri);
      if (origin === undefined || log.uri.scheme !== 'file') {
        void notify('info', `${uiText(log.name)} did not come from "Query Log Analytics…" on this machine, so there is no query to run again.`);
        return undefined;
      }
      const { store, query } = log.model;
      const newest = query.newestTime;
      // From the newest event on, inclusive: the rows of that very millisecond already held are skipped by id.
      const skipIds = new Set<string>();
      for (let i = 0; i < store.size; i++) if (store.time[i] === newest) skipIds.add(store.get('id', i));
      const since = Number.isNaN(newest) ? Date.now() - 86_400_000 : newest;
      return pullIntoFile({ workspace: origin.workspace, filter: origin.filter, since, until: Date.now(), output: log.uri, append: true, skipIds });
    }),
    vscode.commands.registerCommand('provlog.copyAsKql', async (arg?: unknown): Promise<string | undefined> => {
      const log = requireLog(registry, arg);
      if (log === undefined) return undefined;
      const kql = filterToKql(filterOf(log), { newest: log.model.query.newestTime });
      await vscode.env.clipboard.writeText(kql);
      void notify('info', `Copied the filters of ${uiText(log.name)} as a KQL query on AADProvisioningLogs.`);
      return kql;
    }),
    vscode.commands.registerCommand('provlog.openInLogAnalytics', async (args?: { workspace?: string; uri?: string }): Promise<string | undefined> => {
      const log = targetLog(registry, args?.uri);
      const filter = filterOf(log);
      const workspace = args?.workspace ?? (await pickWorkspace(context, armSession, 'Open in Log Analytics: workspace'));
      if (workspace === undefined || workspaceIdProblem(workspace)) return undefined;
      await rememberWorkspace(context, workspace);
      const newest = log?.model.query.newestTime;
      const [since, until] = log ? log.model.query.bounds(filter) : [undefined, undefined];
      const link = await portalQueryLink({
        portal: config.azurePortalUrl(),
        workspaceResourceId: workspace,
        query: filterToKql(filter, newest !== undefined ? { newest } : {}),
        // The query holds its own time conditions; the portal's picker must not narrow them.
        ...(since !== undefined ? { range: { since, until: until !== undefined ? until + 1 : Date.now() } } : { duration: 'P90D' }),
        doubleEncode: true,
      });
      const opened = await vscode.env.openExternal(vscode.Uri.parse(link));
      if (!opened) {
        await vscode.env.clipboard.writeText(link);
        void notify('info', `The link to the query in ${uiText(workspaceName(workspace))} is on the clipboard.`);
      }
      return link;
    }),
  );
}

/** A new file in the extension's own storage: the query's rows, reopenable offline. */
async function defaultOutput(ctx: vscode.ExtensionContext, workspace: string, since: number): Promise<vscode.Uri> {
  const folder = vscode.Uri.joinPath(ctx.globalStorageUri, 'log-analytics');
  await vscode.workspace.fs.createDirectory(folder);
  const stamp = new Date(since).toISOString().slice(0, 16).replace(/[:T]/g, '-');
  const safe = workspaceName(workspace).replace(/[^\w.-]+/g, '_');
  const name = `AADProvisioningLogs-${safe}-${stamp}-${Date.now().toString(36)}.jsonl`;
  return vscode.Uri.joinPath(folder, name);
}
