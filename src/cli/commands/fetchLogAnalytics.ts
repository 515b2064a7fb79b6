/**
 * `provlog fetch loganalytics --workspace RESOURCE_ID --since WHEN [--until WHEN] [filters] -o OUT`: the filters as
 * KQL, run in the workspace through Azure Resource Manager over as many time windows as the service's limits need,
 * the rows streamed into a JSON Lines file every other command reads. The token comes from PROVLOG_TOKEN or
 * --token-command; it is sent only to the ARM endpoint (https, or http to this machine for tests).
 */
import { filterToKql } from '../../core/sources/kql/filterToKql';
import { portalQueryLink, workspaceIdProblem } from '../../core/sources/kql/portalLink';
import { LogAnalyticsClient } from '../../core/sources/logAnalytics/laClient';
import { LogAnalyticsError } from '../../core/sources/logAnalytics/laErrors';
import { pullLogs, PullStopped, type PullProgress } from '../../core/sources/logAnalytics/pull';
import { CLOUDS, endpointProblem } from '../../core/sources/http/endpoints';
import { JsonLinesFile } from '../../node/jsonLinesFile';
import type { TimeBound } from '../filters';
import { CliFailure, EXIT, UsageError, type CliIo } from '../io';
import { cliTokenSource } from '../token';
import type { FetchSource } from './fetch';
import { parseFetchArgs } from './fetchArgs';
import { kqlFilter } from './kql';

const COMMAND = 'fetch loganalytics';

const HELP = `Usage: provlog fetch loganalytics --workspace RESOURCE_ID --since WHEN [--until WHEN] [filters] -o OUT.jsonl

Runs the filters as a KQL query on AADProvisioningLogs in a Log Analytics workspace and writes the rows to OUT as
JSON Lines (every provlog command and the viewer read it). Results of any size: the time range is split into
windows the service answers in full (its limit is 500,000 rows or ~64 MB per result), at most 5 queries at a time.
  --workspace ID        /subscriptions/…/resourceGroups/…/providers/Microsoft.OperationalInsights/workspaces/NAME
  --since WHEN          start: 24h, 7d (before now) or an ISO date/time; --until WHEN (default: now)
  --token-command CMD   a command that prints an Azure Resource Manager access token, e.g.
                        az account get-access-token --resource https://management.azure.com --query accessToken -o tsv
                        (without it: the environment variable PROVLOG_TOKEN)
  --cloud usgov|china   national clouds; --arm-url URL for any other Resource Manager endpoint
  --link                also print the Azure portal link to the query
Needs the Log Analytics Reader (or Reader) role on the workspace.

Exit codes: 0 all rows written; 1 stopped part-way (OUT holds the rows before the instant named); 2 usage;
3 nothing fetched (sign-in, permission, no table, invalid query).`;

export const logAnalyticsSource: FetchSource = {
  summary: 'a Log Analytics workspace (AADProvisioningLogs), through Azure Resource Manager',
  help: HELP,
  run: fetchLogAnalytics,
};

async function fetchLogAnalytics(argv: readonly string[], io: CliIo): Promise<number> {
  const { common, values } = parseFetchArgs(argv, 'loganalytics', {
    workspace: { type: 'string' },
    'arm-url': { type: 'string' },
    link: { type: 'boolean' },
    'rows-per-query': { type: 'string' },
  }, ['public', 'usgov', 'china']);
  const workspace = typeof values['workspace'] === 'string' ? values['workspace'].trim() : '';
  if (workspace === '') throw new UsageError(`${COMMAND} needs --workspace RESOURCE_ID.`, 'fetch');
  const wsProblem = workspaceIdProblem(workspace);
  if (wsProblem) throw new UsageError(`--workspace: ${wsProblem}`, 'fetch');
  const arm = typeof values['arm-url'] === 'string' ? values['arm-url'].replace(/\/+$/, '') : CLOUDS[common.cloud].arm;
  const armProblem = endpointProblem(arm);
  if (armProblem) throw new UsageError(`--arm-url: ${armProblem}`, 'fetch');
  const now = io.now?.() ?? Date.now();
  const at = (b: TimeBound): number => ('at' in b ? b.at : now - b.relativeMs);
  if (!common.filter.since) throw new UsageError(`${COMMAND} needs --since WHEN (e.g. 7d or 2026-03-01): a workspace keeps up to two years.`, 'fetch');
  const since = at(common.filter.since);
  const until = common.filter.until ? at(common.filter.until) + 1 : now;
  if (!(since < until)) throw new UsageError('--since must be before --until.', 'fetch');
  const perQuery = values['rows-per-query'];
  const rowsPerQuery = typeof perQuery === 'string' ? Number(perQuery) : undefined;
  if (rowsPerQuery !== undefined && !(Number.isInteger(rowsPerQuery) && rowsPerQuery > 0)) throw new UsageError('--rows-per-query takes a whole number.', 'fetch');

  const { filter } = kqlFilter({ ...common.filter, since: undefined, until: undefined });
  const client = new LogAnalyticsClient({
    arm,
    workspaceResourceId: workspace,
    tokens: cliTokenSource({ env: process.env, ...(common.tokenCommand !== undefined ? { tokenCommand: common.tokenCommand } : {}) }),
    fetch: (url, init) => fetch(url, init),
  });
  if (values['link'] === true) {
    const link = await portalQueryLink({ portal: CLOUDS[common.cloud].portal, workspaceResourceId: workspace, query: filterToKql(filter), range: { since, until } });
    io.stderr.write(`Portal link: ${link}\n`);
  }
  const out = await openOutput(common.output);
  let lastShown = 0;
  const show = (p: PullProgress): void => {
    if (!io.stderr.isTTY || p.rows - lastShown < 10_000) return;
    lastShown = p.rows;
    io.stderr.write(`${p.rows.toLocaleString('en-US')} rows so far, up to ${new Date(p.doneUntil).toISOString()}\n`);
  };
  try {
    const r = await pullLogs(client, { filter, since, until, ...(rowsPerQuery ? { rowsPerQuery } : {}) }, { write: (lines) => out.appendLines(lines), onProgress: show });
    io.stderr.write(`Wrote ${r.rows.toLocaleString('en-US')} rows from workspace ${client.workspace} to ${common.output} (${r.queries} queries, ${r.splits} windows split).\n`);
    return EXIT.ok;
  } catch (e) {
    throw fetchStopped(e, common.output, until);
  } finally {
    await out.close();
  }
}

async function openOutput(path: string): Promise<JsonLinesFile> {
  try {
    return await JsonLinesFile.open(path, { append: false });
  } catch (e) {
    throw new CliFailure(`Cannot write ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}.`, EXIT.unreadable);
  }
}

/** The failure as one sentence; when rows were written, where they stop and how to get the rest. */
export function fetchStopped(e: unknown, output: string, until: number): Error {
  if (!(e instanceof PullStopped)) return e instanceof Error ? e : new Error(String(e));
  const cause = e.cause;
  if (cause instanceof CliFailure) return cause;
  const message = cause instanceof Error ? cause.message : String(cause);
  const query = cause instanceof LogAnalyticsError && cause.query ? `\nThe query was:\n${cause.query}` : '';
  if (e.progress.rows === 0) return new CliFailure(`${message}${query}`, EXIT.unreadable);
  const from = new Date(e.progress.doneUntil).toISOString();
  return new CliFailure(
    `${message} ${output} holds the ${e.progress.rows.toLocaleString('en-US')} rows before ${from}; ` +
      `run again with --since ${from} --until ${new Date(until - 1).toISOString()} -o ANOTHER.jsonl for the rest.${query}`,
    EXIT.readErrors,
  );
}
