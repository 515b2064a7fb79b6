/**
 * Where the CLI's bearer token comes from: the environment variable PROVLOG_TOKEN, or the standard output of a
 * command the user names (`--token-command "az account get-access-token … -o tsv"`), run again when the service
 * says the token has expired. The token is never echoed: errors name the source, not the value.
 */
import { exec } from 'node:child_process';
import type { TokenSource } from '../core/sources/http/auth';
import { redact, Secret } from '../core/sources/http/secret';
import { CliFailure, EXIT } from './io';

export const TOKEN_ENV = 'PROVLOG_TOKEN';

/** Runs a shell command and resolves with its standard output; injectable for tests. */
export type RunCommand = (command: string) => Promise<string>;

const COMMAND_TIMEOUT_MS = 120_000;

export const runShellCommand: RunCommand = (command) =>
  new Promise((resolve, reject) => {
    exec(command, { timeout: COMMAND_TIMEOUT_MS, maxBuffer: 1024 * 1024, windowsHide: true }, (error, stdout, stderr) => {
      if (error) {
        // stderr of a token command may hold the token in some tools' verbose output: only its first line, redacted.
        const first = redact(String(stderr), String(stdout)).split('\n').find((l) => l.trim() !== '') ?? error.message.split('\n')[0] ?? '';
        reject(new Error(first.trim().slice(0, 300)));
        return;
      }
      resolve(String(stdout));
    });
  });

export interface CliTokenOptions {
  readonly env: NodeJS.ProcessEnv;
  readonly tokenCommand?: string;
  readonly runCommand?: RunCommand;
}

export function cliTokenSource(opts: CliTokenOptions): TokenSource {
  const run = opts.runCommand ?? runShellCommand;
  let cached: Secret | undefined;
  return {
    async token({ forceNew }) {
      if (cached && !forceNew) return cached;
      if (opts.tokenCommand !== undefined) {
        let out: string;
        try {
          out = await run(opts.tokenCommand);
        } catch (e) {
          throw new CliFailure(`The token command failed: ${(e as Error).message}`, EXIT.unreadable);
        }
        const token = out.trim();
        if (token === '' || /\s/.test(token)) {
          throw new CliFailure('The token command must print the access token alone on standard output (for az: --query accessToken -o tsv).', EXIT.unreadable);
        }
        cached = new Secret(token);
        return cached;
      }
      const fromEnv = opts.env[TOKEN_ENV]?.trim();
      if (!fromEnv) {
        throw new CliFailure(`No access token: set ${TOKEN_ENV} or pass --token-command "CMD" (a command that prints one).`, EXIT.usage);
      }
      // The same environment token again cannot help after a 401; the caller then says "sign in again".
      if (forceNew && cached) throw new CliFailure(`The token in ${TOKEN_ENV} was refused: get a new one and try again.`, EXIT.unreadable);
      cached = new Secret(fromEnv);
      return cached;
    },
  };
}
