/**
 * Sign-in with a code, in VS Code: the code and the page to enter it on shown in a notification (copied and
 * opened on request), polling under a cancellable progress, the token kept in memory by the caller. Offered
 * where VS Code has no Microsoft account provider and the user has configured their own app registration.
 */
import * as vscode from 'vscode';
import { deviceCodeToken } from '../../core/sources/http/deviceCode';
import type { Secret } from '../../core/sources/http/secret';
import { notify, uiText } from '../uiText';

export interface DeviceCodeApp {
  readonly loginUrl: string;
  readonly clientId: string;
  readonly tenant: string;
}

export function signInWithCode(app: DeviceCodeApp, scopes: readonly string[]): Thenable<Secret> {
  return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'Signing in to Microsoft with a code', cancellable: true }, (progress, cancel) => {
    const ac = new AbortController();
    cancel.onCancellationRequested(() => ac.abort());
    return deviceCodeToken({
      ...app,
      scopes,
      fetch,
      signal: ac.signal,
      onPrompt: (p) => {
        const code = uiText(p.userCode, 40);
        const page = uiText(p.verificationUri, 200);
        progress.report({ message: `waiting for the code ${code} to be entered at ${page}` });
        void notify('info', `To sign in, open ${page} in any browser and enter the code ${code}.`, 'Copy Code and Open').then(async (choice) => {
          if (choice !== 'Copy Code and Open') return;
          await vscode.env.clipboard.writeText(p.userCode);
          // Only an HTTPS page from the sign-in service is opened.
          if (/^https:\/\//i.test(p.verificationUri)) await vscode.env.openExternal(vscode.Uri.parse(p.verificationUri, true));
        });
      },
    });
  });
}
