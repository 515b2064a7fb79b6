/**
 * Which workspace and filter a query file came from, so "Query Newer Events" can run the same query
 * from its newest event on. Kept per machine in global state, by file path (no token, no rows).
 */
import type * as vscode from 'vscode';
import { type EventFilter } from '../../core/common/filter';

export interface QueryOrigin {
  workspace: string;
  filter: EventFilter;
}

const KEY = 'provlog.logAnalytics.queryFiles';
const MAX = 50;

export function originOf(ctx: vscode.ExtensionContext, file: vscode.Uri): QueryOrigin | undefined {
  return all(ctx)[file.toString()];
}

export async function rememberOrigin(ctx: vscode.ExtensionContext, file: vscode.Uri, origin: QueryOrigin): Promise<void> {
  const entries = Object.entries(all(ctx)).filter(([k]) => k !== file.toString());
  entries.push([file.toString(), origin]);
  await ctx.globalState.update(KEY, Object.fromEntries(entries.slice(-MAX)));
}

function all(ctx: vscode.ExtensionContext): Record<string, QueryOrigin> {
  const v = ctx.globalState.get<unknown>(KEY, {});
  return typeof v === 'object' && v !== null ? (v as Record<string, QueryOrigin>) : {};
}
