// Child processes that run in a process group of their own, so that stopping one stops everything it
// started (code-server forks helpers that would otherwise be orphaned). Every live group is also killed
// synchronously when this process exits, whatever the path to that exit.
import { type ChildProcess, spawn, type SpawnOptions } from 'node:child_process';

const liveGroups = new Set<number>();
let exitHookInstalled = false;

/** Whether a process (pid) or any process of a group (-pgid) still exists. */
export function processAlive(pidOrMinusPgid: number): boolean {
  try {
    process.kill(pidOrMinusPgid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const groupAlive = (pgid: number): boolean => processAlive(-pgid);

function signalGroup(pgid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pgid, signal);
  } catch {
    // already gone
  }
}

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const pgid of liveGroups) signalGroup(pgid, 'SIGKILL');
  });
}

/** Spawns `command` as the leader of a new process group and remembers the group until it is stopped. */
export function spawnGroup(command: string, args: readonly string[], options: SpawnOptions): ChildProcess {
  installExitHook();
  const child = spawn(command, args, { ...options, detached: true });
  if (child.pid === undefined) throw new Error(`could not start ${command}`);
  liveGroups.add(child.pid);
  return child;
}

/** SIGTERM to the whole group, SIGKILL after `graceMs`; resolves when no process of the group is left. */
export async function stopGroup(pgid: number, graceMs = 3000): Promise<void> {
  signalGroup(pgid, 'SIGTERM');
  const deadline = Date.now() + graceMs;
  while (groupAlive(pgid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  if (groupAlive(pgid)) {
    signalGroup(pgid, 'SIGKILL');
    const hardDeadline = Date.now() + 2000;
    while (groupAlive(pgid) && Date.now() < hardDeadline) await new Promise((r) => setTimeout(r, 50));
  }
  liveGroups.delete(pgid);
}

/** Runs `cleanup` once on SIGINT, SIGTERM or SIGHUP, then exits with 128 + the signal's number. */
export function onTerminationSignal(cleanup: (signal: NodeJS.Signals) => Promise<void>): void {
  const codes: Partial<Record<NodeJS.Signals, number>> = { SIGHUP: 1, SIGINT: 2, SIGTERM: 15 };
  let started = false;
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => {
      if (started) return;
      started = true;
      // Kill the groups at once: a parent (npm, a terminal) may not wait for the graceful path.
      for (const pgid of liveGroups) signalGroup(pgid, 'SIGTERM');
      void cleanup(signal).finally(() => process.exit(128 + (codes[signal] ?? 0)));
    });
  }
}
