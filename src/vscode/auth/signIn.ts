/**
 * Bearer tokens in the extension host. The real path is VS Code's own account sign-in
 * (`vscode.authentication.getSession` with the provider named by `provlog.connections.authenticationProvider`,
 * "microsoft" unless a test or an enterprise sets another). Where no such provider is registered (code-server,
 * some web hosts) the user is told so and may choose the Azure CLI (run only after they agree) or paste a token.
 * Tokens live in memory only, for this window.
 */
import { execFile } from 'node:child_process';
import * as vscode from 'vscode';
import type { TokenSource } from '../../core/sources/http/auth';
import { CancelledError } from '../../core/sources/http/clock';
import { redact, Secret } from '../../core/sources/http/secret';
import { config } from '../config';
import { signInWithCode, type DeviceCodeApp } from './deviceCodeSignIn';
import { visibleScopes } from './scopes';
import { askModal } from '../uiText';

export interface SignInRequest {
  readonly scopes: readonly string[];
  /** What the token is for, in a sentence's middle: "to query Log Analytics". */
  readonly purpose: string;
  /** Arguments of `az` that print an access token for the same resource (without `az`). */
  readonly azureCliArgs: readonly string[];
  /** The user's app registration, when one is configured: sign-in with a code is offered too. */
  readonly deviceCode?: DeviceCodeApp;
}

/** Tokens the user pasted or the Azure CLI printed, per scope set, for this window only. */
const fallbackTokens = new Map<string, Secret>();

export class SignInError extends Error {}

export function vscodeTokenSource(request: SignInRequest): TokenSource {
  const key = request.scopes.join(' ');
  return {
    async token({ forceNew }) {
      const kept = fallbackTokens.get(key);
      if (kept && !forceNew) return kept;
      if (kept && forceNew) fallbackTokens.delete(key);
      const providerId = config.authenticationProvider();
      let session: vscode.AuthenticationSession | undefined;
      try {
        session = await vscode.authentication.getSession(
          providerId,
          [...request.scopes],
          forceNew ? { forceNewSession: { detail: `The last sign-in was refused ${request.purpose}; sign in again.` } } : { createIfNone: true },
        );
      } catch (e) {
        const message = e instanceof Error ? e.message : String(e);
        if (/cancel|did not consent/i.test(message)) throw new CancelledError('Sign-in was cancelled.');
        if (!/no authentication provider|not (?:currently )?registered|timed out waiting/i.test(message)) {
          throw new SignInError(`Sign-in ${request.purpose} failed: ${message.split('\n')[0]}`);
        }
        return fallback(request, key, providerId);
      }
      if (!session) throw new CancelledError('Sign-in was cancelled.');
      return new Secret(session.accessToken);
    },
  };
}

async function fallback(request: SignInRequest, key: string, providerId: string): Promise<Secret> {
  const az = `az ${request.azureCliArgs.join(' ')}`;
  const choice = await askModal(
    `This VS Code has no "${providerId}" account sign-in, which is needed ${request.purpose} (${visibleScopes(request.scopes).join(', ')}).`,
    `You can ${request.deviceCode ? 'sign in with a code in any browser, ' : ''}use a token from the Azure CLI (runs: ${az}) or paste an access token. Each is kept in memory only, for this window.`,
    ...(request.deviceCode ? (['Sign In with a Code'] as const) : []),
    'Use Azure CLI',
    'Paste a Token',
  );
  let secret: Secret | undefined;
  if (choice === 'Sign In with a Code' && request.deviceCode) secret = await signInWithCode(request.deviceCode, visibleScopes(request.scopes));
  else if (choice === 'Use Azure CLI') secret = await azureCliToken(request.azureCliArgs);
  else if (choice === 'Paste a Token') {
    const pasted = await vscode.window.showInputBox({
      title: 'Access token',
      prompt: `An access token ${request.purpose}. It is kept in memory only.`,
      password: true,
      ignoreFocusOut: true,
      validateInput: (v) => (v.trim() === '' || /\s/.test(v.trim()) ? 'Paste the token alone, without spaces or "Bearer".' : undefined),
    });
    if (pasted !== undefined) secret = new Secret(pasted.trim());
  }
  if (!secret) throw new CancelledError('Sign-in was cancelled.');
  fallbackTokens.set(key, secret);
  return secret;
}

function azureCliToken(args: readonly string[]): Promise<Secret> {
  return new Promise((resolve, reject) => {
    execFile('az', [...args], { timeout: 120_000, maxBuffer: 1024 * 1024, windowsHide: true }, (error, stdout, stderr) => {
      const token = String(stdout).trim();
      if (error || token === '' || /\s/.test(token)) {
        const why = (error as NodeJS.ErrnoException | null)?.code === 'ENOENT'
          ? 'the Azure CLI (az) is not installed or not on the PATH'
          : redact(String(stderr), token).split('\n').find((l) => l.trim() !== '')?.trim().slice(0, 300) ?? 'it printed no token';
        reject(new SignInError(`The Azure CLI gave no token: ${why}. Run "az login" first.`));
        return;
      }
      resolve(new Secret(token));
    });
  });
}
