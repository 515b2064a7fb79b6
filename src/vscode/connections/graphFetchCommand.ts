/**
 * The Graph commands: Fetch from Microsoft Graph…, Resume, Fetch newer and the admin-consent page. A fetch runs
 * under a cancellable progress notification (records so far, requests, time waited for the budget), opens the
 * file in the viewer once the first page is on disk, and ends with one sentence: what was written, or what went
 * wrong, what was kept and what to do (Resume, the consent page).
 */
import * as vscode from 'vscode';
import { planGraphFilter } from '../../core/sources/graph/graphFilter';
import { GraphPullError } from '../../core/sources/graph/graphErrors';
import type { PullProgress } from '../../core/sources/graph/graphPuller';
import { progressText, resultText } from '../../core/sources/graph/progressText';
import { CancelledError, realClock } from '../../core/sources/http/clock';
import { TransportError } from '../../core/sources/http/transport';
import { fetchGraphToFile, type FetchMode } from '../../node/graphFetchFile';
import { targetLog } from '../commands/activeLog';
import type { Deps } from '../deps';
import { askFetch, type FetchArgs } from './graphFetchDialog';
import { consentUrl, graphSession, type GraphSession } from './graphSession';
import { notify, uiText } from '../uiText';
import { VIEW_TYPE } from '../viewer/viewType';

/** What a finished command returns (for links and tests): the file and the counts. */
export interface FetchOutcome {
  readonly output: string;
  readonly ok: boolean;
  readonly progress?: Readonly<PullProgress>;
  readonly message: string;
  /** Resume can continue it (the state beside the file is there and the cause may pass). */
  readonly resumable: boolean;
}

export function registerGraphCommands(deps: Pick<Deps, 'registry' | 'context'>): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand('provlog.fetchFromGraph', (args?: FetchArgs) => fetchNew(args ?? {})),
    vscode.commands.registerCommand('provlog.fetchGraphResume', (arg?: unknown) => continueFetch(deps, arg, 'resume')),
    vscode.commands.registerCommand('provlog.fetchGraphNewer', (arg?: unknown) => continueFetch(deps, arg, 'newer')),
    vscode.commands.registerCommand('provlog.graphAdminConsent', openConsentPage),
  );
}

async function fetchNew(args: FetchArgs): Promise<FetchOutcome | undefined> {
  const session = sessionOrSay();
  if (!session) return undefined;
  const now = Date.now();
  let request;
  try {
    request = await askFetch(session, args, now);
  } catch (e) {
    if (e instanceof CancelledError) return undefined;
    throw e;
  }
  if (!request) return undefined;
  let plan;
  try {
    plan = planGraphFilter(request.filter, request.app);
  } catch (e) {
    void notify('error', (e as Error).message);
    return undefined;
  }
  const query = { graphUrl: session.settings.graphUrl, apiVersion: session.settings.apiVersion, clauses: plan.clauses, top: 1000, ...(plan.local ? { local: plan.local } : {}) };
  return run(session, request.output.fsPath, { kind: 'new', query, since: request.since, until: request.until });
}

async function continueFetch(deps: Pick<Deps, 'registry'>, arg: unknown, kind: 'resume' | 'newer'): Promise<FetchOutcome | undefined> {
  const session = sessionOrSay();
  if (!session) return undefined;
  let file = typeof arg === 'object' && arg !== null && typeof (arg as { output?: unknown }).output === 'string' ? (arg as { output: string }).output : targetLog(deps.registry, arg)?.uri;
  if (file === undefined || (typeof file !== 'string' && file.scheme !== 'file')) {
    const picked = await vscode.window.showOpenDialog({ title: kind === 'resume' ? 'Resume which fetched file?' : 'Fetch newer logs into which fetched file?', filters: { 'JSON Lines': ['jsonl'] }, canSelectMany: false });
    file = picked?.[0];
    if (!file) return undefined;
  }
  const output = typeof file === 'string' ? file : file.fsPath;
  return run(session, output, kind === 'resume' ? { kind: 'resume' } : { kind: 'newer', until: Date.now() });
}

async function run(session: GraphSession, output: string, mode: FetchMode): Promise<FetchOutcome> {
  const uri = vscode.Uri.file(output);
  let opened = false;
  let last: Readonly<PullProgress> | undefined;
  const outcome = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'Fetching provisioning logs from Microsoft Graph', cancellable: true },
    async (progress, token): Promise<FetchOutcome> => {
      const ac = new AbortController();
      const sub = token.onCancellationRequested(() => ac.abort());
      try {
        const { progress: p } = await fetchGraphToFile({
          output,
          mode,
          fetch,
          tokens: session.tokens,
          limiter: session.limiter,
          clock: realClock,
          signal: ac.signal,
          ...(session.consentUrl ? { consentUrl: session.consentUrl } : {}),
          onProgress: (p) => {
            last = p;
            progress.report({ message: progressText(p) });
            if (!opened && p.written > 0) {
              opened = true;
              // The viewer follows the file while it grows; the pull does not wait for it.
              void Promise.resolve(vscode.commands.executeCommand('vscode.openWith', uri, VIEW_TYPE, { preview: false })).catch(() => undefined);
            }
          },
        });
        return { output, ok: true, progress: p, message: resultText(p, output), resumable: false };
      } catch (e) {
        return { output, ok: false, ...(last ? { progress: last } : {}), ...failure(e, output, last) };
      } finally {
        sub.dispose();
      }
    },
  );
  void tell(outcome, session);
  return outcome;
}

function failure(e: unknown, output: string, p: Readonly<PullProgress> | undefined): { message: string; resumable: boolean } {
  const saved = p && p.written > 0 ? `${p.written.toLocaleString('en-US')} records up to ${new Date(p.done).toISOString()} are saved in ${output}; Resume continues from there.` : 'Resume starts it again.';
  if (e instanceof CancelledError) return { message: `Stopped. ${saved}`, resumable: true };
  if (e instanceof TransportError) return e.kind === 'endpoint' ? { message: e.message, resumable: false } : { message: `${e.message} ${saved}`, resumable: true };
  if (e instanceof GraphPullError && !['server', 'throttled', 'network', 'signIn'].includes(e.kind)) return { message: e.message, resumable: false };
  const why = e instanceof Error ? e.message : String(e);
  return { message: e instanceof GraphPullError ? `${why} ${saved}` : `The fetch failed: ${why}`, resumable: e instanceof GraphPullError };
}

async function tell(o: FetchOutcome, session: GraphSession): Promise<void> {
  const text = uiText(o.message, 600);
  if (o.ok) {
    void notify('info', text);
    return;
  }
  const actions = [...(o.resumable ? ['Resume'] : []), ...(session.settings.clientId && /consent/i.test(o.message) ? ['Open Admin-Consent Page'] : [])];
  const choice = await notify('warning', text, ...actions);
  if (choice === 'Resume') await vscode.commands.executeCommand('provlog.fetchGraphResume', { output: o.output });
  if (choice === 'Open Admin-Consent Page') await openConsentPage();
}

function sessionOrSay(): GraphSession | undefined {
  const s = graphSession();
  if (typeof s === 'string') {
    void notify('error', s);
    return undefined;
  }
  return s;
}

async function openConsentPage(): Promise<boolean> {
  const s = graphSession();
  if (typeof s === 'string') {
    void notify('error', s);
    return false;
  }
  if (!s.settings.clientId) {
    void notify('info', 'Set provlog.connections.graph.clientId to your app registration first (see the README: "Fetching from Microsoft Graph").');
    return false;
  }
  return vscode.env.openExternal(vscode.Uri.parse(consentUrl(s.settings), true));
}
