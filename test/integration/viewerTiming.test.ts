// How the viewer behaves in the extension host on a full portal download (100,000 events, about 250 MB):
// time to the first rows painted and to every event read, from the probe's timeline of the load, and how
// long the extension host takes to answer while it reads: event-loop delay sampled every 25 ms and the
// latency of a command run every 100 ms. Prints the numbers (the machine is shared: no timed assertion).
// Runs when PROVLOG_TIMING=1 (it takes a minute): PROVLOG_TIMING=1 PROVLOG_TEST_GREP='viewer timing'.
// PROVLOG_TIMING_EVENTS=930000 makes it a 2.5 GB download (minutes, 2.5 GB of temp space): read in
// chunks beyond Node's 2 GiB limit per read, after the size confirmation (answered here by a setting).
// PROVLOG_TIMING_PROFILE=<file.cpuprofile> also records a CPU profile of the extension host's main thread
// during the load (open it in VS Code or Chrome's DevTools). PROVLOG_TIMING_THREADS=<n> sets provlog.load.threads
// for the run (1: the load worker alone, to see what the helper threads cost the page on a small machine).
import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { repoRoot } from '../harness/repoPaths';
import type { BigDownload } from '../fixtures/generator/bigDownload';
import { closeAll, postedSince, probe, until } from './viewerHelpers';
import { VIEW_TYPE } from '../../src/vscode/viewer/viewType';

const COUNT = Number(process.env['PROVLOG_TIMING_EVENTS'] ?? 100_000);

/** The extension host's resident-memory high-water mark and current size, in bytes (Linux). */
function memory(): { peak: number; now: number } {
  const status = readFileSync('/proc/self/status', 'utf8');
  const kb = (key: string): number => Number(new RegExp(`${key}:\\s+(\\d+)\\s+kB`).exec(status)?.[1] ?? 0) * 1024;
  return { peak: kb('VmHWM'), now: kb('VmRSS') };
}

/** Starts V8's sampling profiler on this thread (the extension host's); the returned function writes the profile to `file`. */
async function startProfile(file: string): Promise<() => Promise<void>> {
  const session = new Session();
  session.connect();
  const post = (method: string, params?: object): Promise<unknown> => new Promise((resolve, reject) => session.post(method, params, (err, result) => (err ? reject(err) : resolve(result))));
  await post('Profiler.enable');
  await post('Profiler.setSamplingInterval', { interval: 200 });
  await post('Profiler.start');
  return async () => {
    const { profile } = (await post('Profiler.stop')) as { profile: unknown };
    writeFileSync(file, JSON.stringify(profile));
    session.disconnect();
  };
}

function generate(path: string): Promise<BigDownload> {
  const script = join(repoRoot, 'out', 'test', 'integration', 'viewerBigFile.js');
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [script, path, String(COUNT)], { maxBuffer: 1 << 20 }, (err, stdout) => (err ? reject(err) : resolve(JSON.parse(stdout) as BigDownload)));
  });
}

const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

function stats(values: number[]): string {
  if (values.length === 0) return 'no samples';
  const sorted = [...values].sort((a, b) => a - b);
  const p = (q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return `median ${p(0.5).toFixed(0)} ms, p95 ${p(0.95).toFixed(0)} ms, max ${sorted[sorted.length - 1]!.toFixed(0)} ms (${values.length} samples)`;
}

(process.env['PROVLOG_TIMING'] === '1' ? describe : describe.skip)('viewer timing in the extension host (PROVLOG_TIMING=1)', function () {
  this.timeout(COUNT > 200_000 ? 1_800_000 : 600_000);
  const dir = mkdtempSync(join(tmpdir(), 'provlog-viewer-timing-'));
  after(async () => {
    await closeAll();
    rmSync(dir, { recursive: true, force: true });
  });

  it(`opens a ${COUNT.toLocaleString('en-US')}-event download and keeps the extension host responsive`, async () => {
    const p = await probe();
    const path = join(dir, `ProvisioningLogs_${COUNT / 1000}k.json`);
    const big = await generate(path);
    const uri = vscode.Uri.file(path);
    // The confirmation a person answers with "Open" for files above provlog.viewer.confirmAboveMB.
    const settings = vscode.workspace.getConfiguration('provlog');
    const limit = settings.inspect<number>('viewer.confirmAboveMB')?.globalValue;
    await settings.update('viewer.confirmAboveMB', Math.ceil(big.bytes / 1024 / 1024) + 1, vscode.ConfigurationTarget.Global);
    const threads = process.env['PROVLOG_TIMING_THREADS'];
    if (threads !== undefined) await settings.update('load.threads', Number(threads), vscode.ConfigurationTarget.Global);
    const before = memory();
    const lags: { at: number; ms: number }[] = [];
    const commands: number[] = [];
    let sampling = true;
    const sampleLag = (): void => {
      const at = performance.now();
      setTimeout(() => {
        lags.push({ at: Date.now(), ms: performance.now() - at - 25 });
        if (sampling) sampleLag();
      }, 25);
    };
    // A command of the test's own, registered in the same extension host: what is timed is the host's answer.
    const ping = vscode.commands.registerCommand('provlogTiming.ping', () => undefined);
    const sampleCommand = async (): Promise<void> => {
      while (sampling) {
        const at = performance.now();
        await vscode.commands.executeCommand('provlogTiming.ping');
        commands.push(performance.now() - at);
        await new Promise((r) => setTimeout(r, 100));
      }
    };
    const profileFile = process.env['PROVLOG_TIMING_PROFILE'];
    const stopProfile = profileFile ? await startProfile(profileFile) : undefined;
    sampleLag();
    const commandLoop = sampleCommand();
    const t0 = Date.now();
    void vscode.commands.executeCommand('vscode.openWith', uri, VIEW_TYPE);
    const received = (type: string, after = t0): number | undefined => p.entry(uri.toString())?.received.find((r) => r.at >= after && r.message.type === type)?.at;
    const firstRows = await until('the first rows painted', () => received('rendered'), 120_000);
    const fullInit = await until('every event read', () => {
      const init = postedSince(p, uri, 'init', t0);
      return init && init.preview === undefined && init.header.events === COUNT && init;
    }, COUNT > 200_000 ? 1_200_000 : 300_000);
    const initAt = p.entry(uri.toString())!.posted.find((r) => r.message === fullInit)!.at;
    const allRows = await until('the rows of every event painted', () => received('rendered', initAt), 60_000);
    sampling = false;
    await commandLoop;
    await stopProfile?.();
    ping.dispose();
    await settings.update('viewer.confirmAboveMB', limit, vscode.ConfigurationTarget.Global);
    if (threads !== undefined) await settings.update('load.threads', undefined, vscode.ConfigurationTarget.Global);
    const after = memory();
    const entry = p.entry(uri.toString())!;
    const lines = [
      `file: ${big.events.toLocaleString('en-US')} events, ${(big.bytes / 1024 / 1024).toFixed(0)} MB`,
      ...entry.marks.map((m) => `+${String(m.at - t0).padStart(6)} ms  ${m.message}`),
      `+${String(firstRows - t0).padStart(6)} ms  first rows painted by the page`,
      `+${String(allRows - t0).padStart(6)} ms  rows of all ${COUNT.toLocaleString('en-US')} events painted`,
      ...entry.posted.filter((r) => r.message.type === 'result').map((r) => `+${String(r.at - t0).padStart(6)} ms  result of query ${r.message.type === 'result' ? `${r.message.seq}: ${r.message.total} events in ${r.message.elapsedMs} ms` : ''}`),
      `event-loop delay while loading: ${stats(lags.map((l) => l.ms))}`,
      ...lags.filter((l) => l.ms > 100).map((l) => `+${String(l.at - t0).padStart(6)} ms  the event loop was blocked ${l.ms.toFixed(0)} ms`),
      `command latency while loading:  ${stats(commands)}`,
      `read: ${(big.bytes / 1024 / 1024 / ((allRows - t0) / 1000)).toFixed(0)} MB/s to all rows painted`,
      `extension host memory: ${mb(before.now)} before, peak ${mb(after.peak)}${after.peak === before.peak ? ' (the high-water mark predates this load)' : ''}: ` +
        `${((after.peak - before.now) / big.bytes).toFixed(2)}× the file above what it held before (worker threads included)`,
    ];
    console.log(`\n      viewer timing (extension host):\n${lines.map((l) => `        ${l}`).join('\n')}`);
    assert.equal(fullInit.header.events, COUNT);
  });
});
