/**
 * Choosing a Log Analytics workspace: the recent ones first (remembered per machine, never synced),
 * then browsing subscription → workspace through Resource Manager, or typing a resource id.
 */
import * as vscode from 'vscode';
import { workspaceIdProblem } from '../../core/sources/kql/portalLink';
import { listSubscriptions, listWorkspaces } from '../../core/sources/logAnalytics/armList';
import { workspaceName } from '../../core/sources/logAnalytics/laErrors';
import type { ArmSession } from './armSession';
import { notify, uiText } from '../uiText';

const RECENT_KEY = 'provlog.logAnalytics.recentWorkspaces';
const RECENT_MAX = 8;

export function recentWorkspaces(ctx: vscode.ExtensionContext): string[] {
  const v = ctx.globalState.get<unknown>(RECENT_KEY, []);
  return Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string' && workspaceIdProblem(s) === undefined) : [];
}

export async function rememberWorkspace(ctx: vscode.ExtensionContext, id: string): Promise<void> {
  const list = [id, ...recentWorkspaces(ctx).filter((r) => r.toLowerCase() !== id.toLowerCase())].slice(0, RECENT_MAX);
  await ctx.globalState.update(RECENT_KEY, list);
}

type Item = vscode.QuickPickItem & { id?: string; action?: 'browse' | 'enter' };

/** A workspace resource id, or undefined when the person backs out. */
export async function pickWorkspace(ctx: vscode.ExtensionContext, session: () => ArmSession, title: string): Promise<string | undefined> {
  const recent = recentWorkspaces(ctx);
  const items: Item[] = [
    ...recent.map((id): Item => ({ label: `$(database) ${uiText(workspaceName(id))}`, description: uiText(resourceGroupOf(id)), id })),
    { label: '$(search) Browse subscriptions…', action: 'browse', alwaysShow: true },
    { label: '$(edit) Enter a workspace resource ID…', action: 'enter', alwaysShow: true },
  ];
  const pick = await vscode.window.showQuickPick(items, { title, placeHolder: recent.length > 0 ? 'A recent workspace, or find one' : 'Find the workspace' });
  if (pick === undefined) return undefined;
  if (pick.id !== undefined) return pick.id;
  if (pick.action === 'enter') return enterId(title);
  return browse(session(), title);
}

async function enterId(title: string): Promise<string | undefined> {
  const v = await vscode.window.showInputBox({
    title,
    prompt: 'The workspace resource ID (its JSON View in the Azure portal shows it)',
    placeHolder: '/subscriptions/…/resourceGroups/…/providers/Microsoft.OperationalInsights/workspaces/NAME',
    ignoreFocusOut: true,
    validateInput: (s) => workspaceIdProblem(s),
  });
  return v?.trim();
}

async function browse(session: ArmSession, title: string): Promise<string | undefined> {
  const subs = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'Listing your Azure subscriptions…' }, () => listSubscriptions(session));
  if (subs.length === 0) {
    void notify('info', 'The signed-in account sees no Azure subscription: sign in with another account, or enter the workspace resource ID.');
    return undefined;
  }
  const sub = await vscode.window.showQuickPick(
    subs.map((s) => ({ label: uiText(s.name), description: s.id, id: s.id })),
    { title, placeHolder: 'The subscription of the workspace' },
  );
  if (sub === undefined) return undefined;
  const workspaces = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `Listing the workspaces of ${uiText(sub.label)}…` }, () => listWorkspaces(session, sub.id));
  if (workspaces.length === 0) {
    void notify('info', `Subscription ${uiText(sub.label)} has no Log Analytics workspace you can see.`);
    return undefined;
  }
  const ws = await vscode.window.showQuickPick(
    workspaces.map((w) => ({ label: `$(database) ${uiText(w.name)}`, description: uiText(`${resourceGroupOf(w.id)} · ${w.location}`), id: w.id })),
    { title, placeHolder: 'The workspace that receives the provisioning logs' },
  );
  return ws?.id;
}

function resourceGroupOf(id: string): string {
  const m = /\/resourceGroups\/([^/]+)/i.exec(id);
  return m ? `resource group ${m[1]}` : '';
}
