// Log Analytics in the real VS Code: the emulator of the query endpoint, a test authentication provider whose
// session hands out the emulator's token, and the user settings that point the extension at both.
import * as vscode from 'vscode';
import { LaDataset } from '../emulators/laDataset';
import { LaEmulator } from '../emulators/logAnalytics';
import { TEST_AUTH_PROVIDER } from '../harness/workbenchConfig';

export const PROVIDER_ID = TEST_AUTH_PROVIDER;
export const TOKEN = 'test-arm-token-0123456789abcdef';
export const SUB = '00000000-0000-0000-0000-00000000bbbb';
export const WS = `/subscriptions/${SUB}/resourceGroups/identity/providers/Microsoft.OperationalInsights/workspaces/entra-logs`;
export const DENIED_WS = `/subscriptions/${SUB}/resourceGroups/identity/providers/Microsoft.OperationalInsights/workspaces/locked`;
export const EMPTY_WS = `/subscriptions/${SUB}/resourceGroups/identity/providers/Microsoft.OperationalInsights/workspaces/no-provisioning`;
export const START = Date.UTC(2026, 1, 1);

/** A provider that signs in silently as a test account; counts the sessions asked for. */
class TestAccounts implements vscode.AuthenticationProvider {
  private readonly changed = new vscode.EventEmitter<vscode.AuthenticationProviderAuthenticationSessionsChangeEvent>();
  readonly onDidChangeSessions = this.changed.event;
  requests = 0;
  scopesAsked: string[][] = [];

  private session(scopes: readonly string[]): vscode.AuthenticationSession {
    return { id: 'test-session', accessToken: TOKEN, account: { id: 'tester', label: 'tester@contoso.test' }, scopes };
  }

  async getSessions(scopes?: readonly string[]): Promise<vscode.AuthenticationSession[]> {
    this.requests++;
    if (scopes) this.scopesAsked.push([...scopes]);
    return [this.session(scopes ?? [])];
  }

  async createSession(scopes: readonly string[]): Promise<vscode.AuthenticationSession> {
    this.requests++;
    this.scopesAsked.push([...scopes]);
    return this.session(scopes);
  }

  async removeSession(): Promise<void> {
    // nothing kept
  }
}

export interface LaFixture {
  emulator: LaEmulator;
  data: LaDataset;
  accounts: TestAccounts;
  dispose(): Promise<void>;
}

async function setUserSetting(key: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration('provlog').update(key, value, vscode.ConfigurationTarget.Global);
}

export async function startLogAnalytics(count: number, rowLimit: number): Promise<LaFixture> {
  const data = new LaDataset({ count, start: START, stepMs: 1000 });
  const emulator = await LaEmulator.start({
    tokens: [TOKEN],
    rowLimit,
    workspaces: [{ resourceId: WS, dataset: data }, { resourceId: DENIED_WS, denied: true }, { resourceId: EMPTY_WS, hasTable: false }],
    subscriptions: [{ subscriptionId: SUB, displayName: 'Identity' }],
  });
  const accounts = new TestAccounts();
  const registration = vscode.authentication.registerAuthenticationProvider(PROVIDER_ID, 'Provisioning Logs test accounts', accounts);
  await setUserSetting('connections.authenticationProvider', PROVIDER_ID);
  await setUserSetting('connections.azureResourceManagerUrl', emulator.url);
  return {
    emulator,
    data,
    accounts,
    async dispose() {
      await setUserSetting('connections.authenticationProvider', undefined);
      await setUserSetting('connections.azureResourceManagerUrl', undefined);
      registration.dispose();
      await emulator.stop();
    },
  };
}
