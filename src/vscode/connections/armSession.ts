/**
 * What every Log Analytics action in VS Code shares: the Resource Manager endpoint from settings
 * and a token from VS Code's Microsoft sign-in (or, where there is none, the Azure CLI or a pasted
 * token, kept in memory only).
 */
import type { TokenSource } from '../../core/sources/http/auth';
import type { FetchLike } from '../../core/sources/http/transport';
import { armScopes } from '../auth/scopes';
import { vscodeTokenSource } from '../auth/signIn';
import { config } from '../config';

export interface ArmSession {
  arm: string;
  tokens: TokenSource;
  fetch: FetchLike;
}

export function armSession(): ArmSession {
  const arm = config.azureResourceManagerUrl();
  return {
    arm,
    tokens: vscodeTokenSource({
      scopes: armScopes(arm),
      purpose: 'to query Log Analytics through Azure Resource Manager',
      azureCliArgs: ['account', 'get-access-token', '--resource', arm, '--query', 'accessToken', '-o', 'tsv'],
    }),
    fetch: (url, init) => fetch(url, init),
  };
}
