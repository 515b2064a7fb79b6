/**
 * The questions before a fetch: which application (those seen in the last month's logs, all of them, or an id),
 * which time window, and optionally which statuses and identity. Each answer can also come from the command's
 * argument, so links and tests skip the questions they answer.
 */
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { GraphClient } from '../../core/sources/graph/graphClient';
import { isGuid } from '../../core/sources/graph/graphFilter';
import { recentApps } from '../../core/sources/graph/graphApps';
import { STATUSES, type Status } from '../../core/common/record';
import { CancelledError, realClock } from '../../core/sources/http/clock';
import { pickMany, pickOne, inputText } from '../commands/quickInputs';
import type { GraphSession } from './graphSession';
import { uiText } from '../uiText';
import { type EventFilter } from '../../core/common/filter';

/** What the command may be given instead of asking. */
export interface FetchArgs {
  readonly app?: string;
  readonly since?: string | number;
  readonly until?: string | number;
  readonly filter?: EventFilter;
  readonly output?: string;
}

export interface FetchRequest {
  readonly app?: string;
  readonly since: number;
  readonly until: number;
  readonly filter: EventFilter;
  readonly output: vscode.Uri;
}

const TITLE = 'Fetch Provisioning Logs from Microsoft Graph';
const WINDOWS = [
  { label: 'Last 24 hours', ms: 24 * 3600_000 },
  { label: 'Last 7 days', ms: 7 * 86400_000 },
  { label: 'Last 30 days', ms: 30 * 86400_000 },
];

export async function askFetch(session: GraphSession, args: FetchArgs, now: number): Promise<FetchRequest | undefined> {
  const app = args.app !== undefined ? args.app || undefined : await askApp(session, now);
  if (app === null) return undefined;
  const window = args.since !== undefined ? { since: time(args.since), until: args.until !== undefined ? time(args.until) : now } : await askWindow(now);
  if (!window || Number.isNaN(window.since) || Number.isNaN(window.until)) return undefined;
  const filter = args.filter ?? (await askFilter());
  if (!filter) return undefined;
  const output = args.output !== undefined ? vscode.Uri.file(args.output) : await askOutput(now);
  if (!output) return undefined;
  return { ...(app ? { app } : {}), ...window, filter, output };
}

function time(v: string | number): number {
  return typeof v === 'number' ? v : Date.parse(v);
}

/** A service principal id, '' for all applications, null when cancelled. */
async function askApp(session: GraphSession, now: number): Promise<string | undefined | null> {
  type Item = vscode.QuickPickItem & { id?: string; enter?: boolean };
  // Costs one request of the budget, and signs in: the fetch would have to anyway.
  const apps = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'Looking for applications in the last month of provisioning logs' }, () =>
    recentApps(new GraphClient({ fetch, tokens: session.tokens, limiter: session.limiter, clock: realClock }), session.settings, now).catch((e: unknown) => (e instanceof CancelledError ? null : [])),
  );
  if (apps === null) return null;
  const step = await pickOne<Item>({
    title: TITLE,
    placeholder: apps.length > 0 ? 'Which application?' : 'Which application? (none found in the last month: all, or enter its id)',
    items: [
      { label: '$(globe) All applications', id: '' },
      ...apps.map((a) => ({ label: uiText(a.name || '(no name)', 80), description: uiText(a.id, 60), id: a.id })),
      { label: '$(edit) Enter a service principal id…', enter: true },
    ],
  });
  if (step.kind !== 'value') return null;
  if (!step.value.enter) return step.value.id;
  const typed = await inputText({ title: TITLE, prompt: 'The service principal id (object id of the enterprise application)', value: '', validate: (v) => (isGuid(v) ? undefined : 'A GUID, such as 6a1b2c3d-0000-4000-8000-00000000000a.') });
  return typed.kind === 'value' ? typed.value.trim() : null;
}

async function askWindow(now: number): Promise<{ since: number; until: number } | undefined> {
  type Item = vscode.QuickPickItem & { ms?: number };
  const step = await pickOne<Item>({ title: TITLE, placeholder: 'Which time window?', items: [...WINDOWS.map((w) => ({ label: w.label, ms: w.ms })), { label: 'Custom…' }] });
  if (step.kind !== 'value') return undefined;
  if (step.value.ms !== undefined) return { since: now - step.value.ms, until: now };
  const valid = (v: string): string | undefined => (v.trim() === '' || !Number.isNaN(Date.parse(v.trim())) ? undefined : 'An ISO date or date-time, such as 2026-03-01 or 2026-03-01T12:00:00Z.');
  const since = await inputText({ title: TITLE, prompt: 'From (UTC, ISO date or date-time)', value: new Date(now - 86400_000).toISOString().slice(0, 10), validate: (v) => (v.trim() === '' ? 'A start is needed.' : valid(v)) });
  if (since.kind !== 'value') return undefined;
  const until = await inputText({ title: TITLE, prompt: 'Until (empty: now)', value: '', validate: valid });
  if (until.kind !== 'value') return undefined;
  return { since: Date.parse(since.value.trim()), until: until.value.trim() === '' ? now : Date.parse(until.value.trim()) };
}

async function askFilter(): Promise<EventFilter | undefined> {
  type Item = vscode.QuickPickItem & { status: Status };
  const step = await pickMany<Item>({ title: TITLE, placeholder: 'Only some statuses? (none picked: all)', items: STATUSES.map((s) => ({ label: s, status: s })) });
  if (step.kind !== 'value') return undefined;
  const who = await inputText({ title: TITLE, prompt: 'Only one identity? A name or id it contains (empty: everyone)', value: '', validate: () => undefined });
  if (who.kind !== 'value') return undefined;
  return { ...(step.value.length > 0 ? { status: step.value.map((i) => i.status) } : {}), ...(who.value.trim() ? { identity: who.value.trim() } : {}) };
}

async function askOutput(now: number): Promise<vscode.Uri | undefined> {
  const folder = vscode.workspace.workspaceFolders?.find((f) => f.uri.scheme === 'file')?.uri.fsPath ?? os.homedir();
  const name = `provisioning-graph-${new Date(now).toISOString().slice(0, 16).replace(/[:T]/g, '-')}.jsonl`;
  return vscode.window.showSaveDialog({ title: 'Save the fetched logs as', defaultUri: vscode.Uri.file(path.join(folder, name)), filters: { 'JSON Lines': ['jsonl'] } });
}
