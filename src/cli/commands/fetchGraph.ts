/**
 * `provlog fetch graph`: the provisioning logs of a time range from Microsoft Graph into a JSON Lines file,
 * paced to the reports' budget, resumable (--resume) and extendable (--newer). The token comes from
 * PROVLOG_TOKEN or --token-command and goes nowhere but the Authorization header.
 */
import { GRAPH_REPORTS_BUDGET, RateLimiter } from '../../core/sources/graph/rateLimiter';
import type { GraphQuery } from '../../core/sources/graph/fetchState';
import { GraphPullError } from '../../core/sources/graph/graphErrors';
import { planGraphFilter } from '../../core/sources/graph/graphFilter';
import { progressText, resultText } from '../../core/sources/graph/progressText';
import { CancelledError, realClock } from '../../core/sources/http/clock';
import { CLOUDS, endpointProblem } from '../../core/sources/http/endpoints';
import { TransportError } from '../../core/sources/http/transport';
import { fetchGraphToFile, type FetchMode } from '../../node/graphFetchFile';
import type { TimeBound } from '../filters';
import { CliFailure, EXIT, UsageError, type CliIo } from '../io';
import { Progress } from '../readInputs';
import { cliTokenSource } from '../token';
import { parseFetchArgs, type OptionValues } from './fetchArgs';
import type { FetchSource } from './fetch';

const EXTRA = {
  app: { type: 'string' },
  'graph-url': { type: 'string' },
  beta: { type: 'boolean' },
  resume: { type: 'boolean' },
  newer: { type: 'boolean' },
  top: { type: 'string' },
  'requests-per-10s': { type: 'string' },
} as const;

const HELP = `Usage: provlog fetch graph --since WHEN [--until WHEN] [--app SERVICE_PRINCIPAL_ID] [filters] -o OUT.jsonl

Pulls provisioning logs from Microsoft Graph (auditLogs/provisioning) into OUT.jsonl, one record per line,
within the reports' budget of 5 requests per 10 seconds. How far it got is kept in OUT.jsonl.fetch-state.

  --since WHEN, --until WHEN   24h, 7d, 30d (before now) or an ISO date/time; --until defaults to now
  --app ID                     one application: its service principal id
  --resume                     continue an interrupted fetch of OUT.jsonl (same options) without duplicates
  --newer                      add what arrived since OUT.jsonl was fetched (from its newest record to now)
  --token-command "CMD"        a command that prints an access token (else PROVLOG_TOKEN is read), e.g.
                               "az account get-access-token --resource-type ms-graph --query accessToken -o tsv"
  --cloud public|usgov|dod|china, --graph-url URL   where Graph is (default https://graph.microsoft.com)
  --beta                       the beta endpoint (adds the legacy fields)
  --top N                      records per page (default 1000)
  --requests-per-10s N         the request budget (default 5, Graph's documented limit)
  Filters: --status, --job-id, --cycle-id, --change-id, --identity, --error-code, … as for "provlog list".
  Whole ids, one status and --app are filtered by Graph; the rest is applied to each page locally.

The token needs AuditLog.Read.All and Directory.Read.All, a role such as Reports Reader, and a P1/P2 tenant.
`;

export const graphFetchSource: FetchSource = {
  summary: 'Microsoft Graph auditLogs/provisioning (PROVLOG_TOKEN or --token-command)',
  help: HELP,
  run: fetchGraph,
};

async function fetchGraph(argv: readonly string[], io: CliIo): Promise<number> {
  const { common, values } = parseFetchArgs(argv, 'graph', EXTRA);
  const now = io.now?.() ?? Date.now();
  const graphUrl = typeof values['graph-url'] === 'string' ? values['graph-url'].replace(/\/+$/, '') : CLOUDS[common.cloud].graph;
  const problem = endpointProblem(graphUrl);
  if (problem) throw new UsageError(`--graph-url: ${problem}`, 'fetch');
  const mode = fetchMode(values, common.filter, graphUrl, now);
  const tokens = cliTokenSource({ env: process.env, ...(common.tokenCommand !== undefined ? { tokenCommand: common.tokenCommand } : {}) });
  const budget = { ...GRAPH_REPORTS_BUDGET, requests: positive(values['requests-per-10s'], GRAPH_REPORTS_BUDGET.requests, '--requests-per-10s') };
  const progress = io.stderr.isTTY ? new Progress(io.stderr, 0) : undefined;
  const ac = new AbortController();
  const onSigint = (): void => ac.abort();
  process.once('SIGINT', onSigint);
  try {
    const { progress: p } = await fetchGraphToFile({
      output: common.output,
      mode,
      fetch,
      tokens,
      limiter: new RateLimiter(realClock, budget),
      clock: realClock,
      signal: ac.signal,
      onProgress: (pr) => progress?.line(progressText(pr)),
    });
    progress?.clear();
    io.stdout.write(`${resultText(p, common.output)}\n`);
    return EXIT.ok;
  } catch (e) {
    progress?.clear();
    throw failure(e, common.output);
  } finally {
    process.removeListener('SIGINT', onSigint);
  }
}

function fetchMode(values: OptionValues, filter: ReturnType<typeof parseFetchArgs>['common']['filter'], graphUrl: string, now: number): FetchMode {
  const at = (b: TimeBound): number => ('at' in b ? b.at : now - b.relativeMs);
  const until = filter.until ? at(filter.until) : now;
  if (values['newer'] === true) return { kind: 'newer', until };
  const local = { ...filter.text, hideSkipped: filter.hideSkipped, changesOnly: filter.changesOnly, ...(filter.status ? { status: filter.status } : {}), ...(filter.action ? { action: filter.action } : {}), ...(filter.identityType ? { identityType: filter.identityType } : {}) };
  let plan: ReturnType<typeof planGraphFilter>;
  try {
    plan = planGraphFilter(local, typeof values['app'] === 'string' ? values['app'] : undefined);
  } catch (e) {
    throw new UsageError(`--app: ${(e as Error).message}`, 'fetch');
  }
  const query: GraphQuery = { graphUrl, apiVersion: values['beta'] === true ? 'beta' : 'v1.0', clauses: plan.clauses, top: positive(values['top'], 1000, '--top', 1000), ...(plan.local ? { local: plan.local } : {}) };
  if (values['resume'] === true) return { kind: 'resume', query };
  if (!filter.since) throw new UsageError('fetch graph needs --since (for example 24h, 7d or 2026-03-01), or --resume / --newer for a file fetched before.', 'fetch');
  const since = at(filter.since);
  if (!(since < until)) throw new UsageError('--since must be before --until.', 'fetch');
  return { kind: 'new', query, since, until };
}

function positive(v: string | boolean | (string | boolean)[] | undefined, fallback: number, option: string, max = 1000): number {
  if (v === undefined) return fallback;
  const n = typeof v === 'string' && /^\d+$/.test(v.trim()) ? Number(v) : NaN;
  if (!(n >= 1 && n <= max)) throw new UsageError(`${option} takes a whole number from 1 to ${max}.`, 'fetch');
  return n;
}

/** Every failure as one sentence that says what was saved and what to do next. */
function failure(e: unknown, output: string): Error {
  if (e instanceof UsageError || e instanceof CliFailure) return e;
  const resume = `What was fetched so far is in ${output}; run the same command with --resume to continue.`;
  if (e instanceof CancelledError) return new CliFailure(`Stopped. ${resume}`, EXIT.readErrors);
  if (e instanceof TransportError) return new CliFailure(e.kind === 'endpoint' ? e.message : `${e.message} ${resume}`, EXIT.readErrors);
  if (e instanceof GraphPullError) {
    const resumable = e.kind === 'server' || e.kind === 'throttled' || e.kind === 'network' || e.kind === 'signIn';
    return new CliFailure(resumable ? `${e.message} ${resume}` : e.message, EXIT.readErrors);
  }
  return e instanceof Error ? e : new Error(String(e));
}
