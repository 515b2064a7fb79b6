/**
 * Which log a palette command acts on: the one it was given (a URI, or `{ uri }` from a link),
 * else the active one, else the only open one. Arguments may come from command URIs: only a URI of
 * a log that is open is accepted.
 */
import * as vscode from 'vscode';
import type { LogRegistry, OpenLog } from '../logRegistry';
import { notify } from '../uiText';
import { VIEW_TYPE } from '../viewer/viewType';

export function targetLog(registry: Pick<LogRegistry, 'get' | 'active' | 'all'>, arg?: unknown): OpenLog | undefined {
  const given = uriOf(arg);
  if (given !== undefined) return registry.get(given);
  if (registry.active !== undefined) return registry.active;
  const all = registry.all();
  return all.length === 1 ? all[0] : undefined;
}

/** Like targetLog, and tells the user when there is none. */
export function requireLog(registry: Pick<LogRegistry, 'get' | 'active' | 'all'>, arg?: unknown): OpenLog | undefined {
  const log = targetLog(registry, arg);
  if (log === undefined) {
    void notify('info', 'Open a provisioning log first (the JSON or CSV download), in the viewer or a text editor.');
  }
  return log;
}

function uriOf(arg: unknown): vscode.Uri | undefined {
  if (arg instanceof vscode.Uri) return arg;
  const text = typeof arg === 'string' ? arg : typeof arg === 'object' && arg !== null && typeof (arg as { uri?: unknown }).uri === 'string' ? (arg as { uri: string }).uri : undefined;
  if (text === undefined) return undefined;
  try {
    return vscode.Uri.parse(text, true);
  } catch {
    return undefined;
  }
}

/** Brings the log's viewer to the front (it applies the filter asked for); says so when it cannot. */
export async function showInViewer(log: OpenLog): Promise<void> {
  try {
    await vscode.commands.executeCommand('vscode.openWith', log.uri, VIEW_TYPE);
  } catch (e) {
    void notify('error', `The Provisioning Log Viewer could not show ${log.name}: ${e instanceof Error ? e.message : String(e)}`);
  }
}
