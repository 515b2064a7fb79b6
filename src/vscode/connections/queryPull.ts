/**
 * One Log Analytics pull in VS Code: rows streamed into a JSON Lines file the readers know, the
 * viewer opened on it as soon as the first rows are written (it follows the file while it grows),
 * progress with the rows so far, Cancel, and every failure as one sentence with what to do next.
 */
import * as vscode from 'vscode';
import { formatCount, plural } from '../../core/common/displayText';
import { LogAnalyticsClient } from '../../core/sources/logAnalytics/laClient';
import { DIAGNOSTIC_SETTINGS_URL, LogAnalyticsError, workspaceName } from '../../core/sources/logAnalytics/laErrors';
import { pullLogs, PullStopped, type PullResult } from '../../core/sources/logAnalytics/pull';
import { CancelledError } from '../../core/sources/http/clock';
import { formatUtc } from '../../core/common/time';
import { JsonLinesFile } from '../../node/jsonLinesFile';
import { baseName } from '../fileInputs';
import { armSession } from './armSession';
import { notify, uiText } from '../uiText';
import { type EventFilter } from '../../core/common/filter';
import { VIEW_TYPE } from '../viewer/viewType';

export interface PullJob {
  workspace: string;
  filter: EventFilter;
  since: number;
  until: number;
  output: vscode.Uri;
  append: boolean;
  skipIds?: ReadonlySet<string>;
}

/** What a pull came to; the command returns it (tests read it). */
export interface PullOutcome {
  file: string;
  rows: number;
  queries: number;
  splits: number;
  /** The sentence shown, when it did not finish. */
  error?: string;
  errorKind?: string;
}

export async function pullIntoFile(job: PullJob): Promise<PullOutcome> {
  const session = armSession();
  const client = new LogAnalyticsClient({ arm: session.arm, workspaceResourceId: job.workspace, tokens: session.tokens, fetch: session.fetch });
  const name = uiText(workspaceName(job.workspace));
  const fileName = baseName(job.output);
  const out = await JsonLinesFile.open(job.output.fsPath, { append: job.append });
  let opened = job.append;
  let rows = 0;
  const outcome: PullOutcome = { file: job.output.fsPath, rows: 0, queries: 0, splits: 0 };
  try {
    const result = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Log Analytics (${name})`, cancellable: true },
      async (progress, token): Promise<PullResult> => {
        const abort = new AbortController();
        const sub = token.onCancellationRequested(() => abort.abort());
        progress.report({ message: `querying ${formatUtc(job.since)} – ${formatUtc(job.until - 1)}…` });
        try {
          return await pullLogs(
            client,
            { filter: job.filter, since: job.since, until: job.until, ...(job.skipIds ? { skipIds: job.skipIds } : {}) },
            {
              signal: abort.signal,
              write: async (lines) => {
                await out.appendLines(lines);
                rows += lines.length;
                if (!opened) {
                  opened = true;
                  // The viewer follows the file from here on: rows show while the rest arrives.
                  void vscode.commands.executeCommand('vscode.openWith', job.output, VIEW_TYPE);
                }
              },
              onProgress: (p) => progress.report({ message: `${plural(p.rows, 'row')} so far, up to ${formatUtc(p.doneUntil)}` }),
            },
          );
        } finally {
          sub.dispose();
        }
      },
    );
    Object.assign(outcome, { rows: result.rows, queries: result.queries, splits: result.splits });
    if (result.rows === 0 && !job.append) {
      void notify('info', `No provisioning events in ${name} between ${formatUtc(job.since)} and ${formatUtc(job.until - 1)} pass the filters.`);
    } else {
      void vscode.window.setStatusBarMessage(`$(database) ${formatCount(result.rows)} rows from ${name} written to ${fileName}`, 5000);
    }
    return outcome;
  } catch (e) {
    const stop = e instanceof PullStopped ? e : undefined;
    const cause = stop ? stop.cause : e;
    outcome.rows = stop?.progress.rows ?? rows;
    outcome.queries = stop?.progress.queries ?? 0;
    const where = outcome.rows > 0 && stop ? ` ${fileName} holds the ${plural(outcome.rows, 'row')} before ${formatUtc(stop.progress.doneUntil)}; "Query Newer Events" continues from there.` : '';
    outcome.error = `${sentenceOf(cause)}${where}`;
    outcome.errorKind = cause instanceof LogAnalyticsError ? cause.kind : cause instanceof CancelledError ? 'cancelled' : 'other';
    void showFailure(outcome.error, cause);
    return outcome;
  } finally {
    await out.close();
  }
}

function sentenceOf(cause: unknown): string {
  if (cause instanceof CancelledError) return 'The query was stopped.';
  const m = cause instanceof Error ? cause.message : String(cause);
  return uiText(m, 600);
}

async function showFailure(message: string, cause: unknown): Promise<void> {
  if (cause instanceof CancelledError) {
    void notify('info', message);
    return;
  }
  const actions: string[] = [];
  if (cause instanceof LogAnalyticsError && cause.kind === 'noTable') actions.push('How to Send the Logs');
  if (cause instanceof LogAnalyticsError && cause.query) actions.push('Show the Query');
  const pick = await notify('error', message, ...actions);
  if (pick === 'How to Send the Logs') void vscode.env.openExternal(vscode.Uri.parse(DIAGNOSTIC_SETTINGS_URL));
  if (pick === 'Show the Query' && cause instanceof LogAnalyticsError && cause.query) {
    const doc = await vscode.workspace.openTextDocument({ content: cause.query, language: 'kusto' });
    await vscode.window.showTextDocument(doc);
  }
}
