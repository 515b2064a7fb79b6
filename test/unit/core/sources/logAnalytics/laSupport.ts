/** A Log Analytics emulator with one workspace of generated rows, and a client pointed at it. */
import { LogAnalyticsClient } from '../../../../../src/core/sources/logAnalytics/laClient';
import type { TokenSource } from '../../../../../src/core/sources/http/auth';
import type { Clock } from '../../../../../src/core/sources/http/clock';
import { Secret } from '../../../../../src/core/sources/http/secret';
import { LaDataset } from '../../../../emulators/laDataset';
import { LaEmulator, type LaEmulatorOptions } from '../../../../emulators/logAnalytics';

export const SUB = '00000000-0000-0000-0000-00000000aaaa';
export const WS = `/subscriptions/${SUB}/resourceGroups/logs/providers/Microsoft.OperationalInsights/workspaces/entra-logs`;
export const EMPTY_WS = `/subscriptions/${SUB}/resourceGroups/logs/providers/Microsoft.OperationalInsights/workspaces/no-provisioning`;
export const DENIED_WS = `/subscriptions/${SUB}/resourceGroups/other/providers/Microsoft.OperationalInsights/workspaces/secret`;
export const TOKEN = 'eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.test-token-value.signature';
export const START = Date.UTC(2026, 1, 1);

export async function startEmulator(count: number, opts: Partial<LaEmulatorOptions> & { stepMs?: number } = {}): Promise<{ emulator: LaEmulator; data: LaDataset }> {
  const data = new LaDataset({ count, start: START, stepMs: opts.stepMs ?? 1000 });
  const emulator = await LaEmulator.start({
    tokens: [TOKEN],
    workspaces: [{ resourceId: WS, dataset: data }, { resourceId: EMPTY_WS, hasTable: false }, { resourceId: DENIED_WS, denied: true }],
    subscriptions: [{ subscriptionId: SUB, displayName: 'Contoso logs' }],
    ...opts,
  });
  return { emulator, data };
}

/** Hands out the given tokens in turn; counts the calls that asked for a new one. */
export function tokens(...values: string[]): TokenSource & { forced: number; calls: number } {
  let i = 0;
  const src = {
    forced: 0,
    calls: 0,
    async token({ forceNew }: { forceNew: boolean }): Promise<Secret> {
      src.calls++;
      if (forceNew) src.forced++;
      return new Secret(values[Math.min(i++, values.length - 1)]!);
    },
  };
  return src;
}

/** A clock whose sleeps return at once and are recorded: waits are asserted, never waited out. */
export function instantClock(): Clock & { slept: number[] } {
  const slept: number[] = [];
  return {
    slept,
    now: () => Date.now(),
    sleep: async (ms: number) => {
      slept.push(ms);
    },
  };
}

export function client(emulator: LaEmulator, opts: { workspace?: string; tokenSource?: TokenSource; clock?: Clock } = {}): LogAnalyticsClient {
  return new LogAnalyticsClient({
    arm: emulator.url,
    workspaceResourceId: opts.workspace ?? WS,
    tokens: opts.tokenSource ?? tokens(TOKEN),
    fetch: (url, init) => fetch(url, init),
    clock: opts.clock ?? instantClock(),
    policy: { attemptTimeoutMs: 20_000 },
  });
}
