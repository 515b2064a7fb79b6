// A test authentication provider for the Graph fetch: VS Code's own account sign-in is replaced by one that
// hands out the emulator's tokens, selected through the real setting (provlog.connections.authenticationProvider),
// so the extension's sign-in code runs as it would with the built-in Microsoft provider.
import * as vscode from 'vscode';

export const TEST_PROVIDER_ID = 'provlog-test-graph';

export class TestAuthProvider implements vscode.AuthenticationProvider {
  private readonly changed = new vscode.EventEmitter<vscode.AuthenticationProviderAuthenticationSessionsChangeEvent>();
  readonly onDidChangeSessions = this.changed.event;
  /** Tokens handed out next, in order (the last one repeats); each sign-in takes the next. */
  tokens: string[] = [];
  readonly requests: { scopes: readonly string[]; created: boolean }[] = [];
  private session: vscode.AuthenticationSession | undefined;
  private n = 0;

  getSessions(scopes?: readonly string[]): Thenable<vscode.AuthenticationSession[]> {
    this.requests.push({ scopes: scopes ?? [], created: false });
    return Promise.resolve(this.session ? [this.session] : []);
  }

  createSession(scopes: readonly string[]): Thenable<vscode.AuthenticationSession> {
    this.requests.push({ scopes, created: true });
    const token = this.tokens[Math.min(this.n++, this.tokens.length - 1)] ?? '';
    this.session = { id: `s${this.n}`, accessToken: token, account: { id: 'tester', label: 'tester@contoso.com' }, scopes };
    this.changed.fire({ added: [this.session], removed: [], changed: [] });
    return Promise.resolve(this.session);
  }

  removeSession(): Thenable<void> {
    const removed = this.session ? [this.session] : [];
    this.session = undefined;
    this.changed.fire({ added: [], removed, changed: [] });
    return Promise.resolve();
  }

  /** Starts over with these tokens (the next getSession signs in again). */
  reset(tokens: string[]): void {
    this.tokens = tokens;
    this.n = 0;
    void this.removeSession();
  }
}

/** Registers the provider and points the extension at it (user settings, as the setting is application-scoped). */
export async function useTestAuth(provider: TestAuthProvider): Promise<vscode.Disposable> {
  const reg = vscode.authentication.registerAuthenticationProvider(TEST_PROVIDER_ID, 'Provlog Test Accounts', provider, { supportsMultipleAccounts: false });
  await vscode.workspace.getConfiguration('provlog').update('connections.authenticationProvider', TEST_PROVIDER_ID, vscode.ConfigurationTarget.Global);
  return new vscode.Disposable(() => {
    reg.dispose();
    void vscode.workspace.getConfiguration('provlog').update('connections.authenticationProvider', undefined, vscode.ConfigurationTarget.Global);
  });
}
