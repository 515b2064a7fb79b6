/**
 * What the text editor pays, for bench.ts to call (or run alone: `node out/bench/diagnosticsBench.js`
 * after bundling it). On a ~50 MB download (the largest a text editor hands to extensions):
 *  - the diagnostics of the Problems panel as the publisher computes them (logDiagnostics: severity
 *    per code, the cap, locating, messages), at the default cap and uncapped, against reading the
 *    log (readLog): target ≤ 1.2×;
 *  - prettify on the editor's path (document text in, text out: prettifyText) against
 *    JSON.stringify(JSON.parse()): target ≤ 1.5×; and against jsonc-parser's format + applyEdits,
 *    at a size where that finishes.
 */
import { applyEdits, format as jsoncFormat } from 'jsonc-parser';
import type { LogData } from '../../src/core/logData';
import { prettifyText } from '../../src/core/prettify';
import { readLog } from '../../src/core/readLog';
import { logDiagnostics } from '../../src/core/text/logDiagnostics';
import type { BenchInputs } from './inputs';
import { mbText, timePair } from './measure';
import type { Row } from './report';

/** ~2.5 KB per event: 20,000 events are a 50 MB download. */
export const TEXT_EDITOR_EVENTS = 20_000;

const load = (bytes: Uint8Array): LogData => readLog([{ name: 'ProvisioningLogs.json', bytes }]);

export function textEditorRows(inputs: BenchInputs, count = TEXT_EDITOR_EVENTS, runs = 5): Row[] {
  inputs.prepare(count, false);
  const bytes = inputs.bytes(count);
  const log = load(bytes);
  const at = `${count / 1000}k (${mbText(bytes.length)})`;
  const rows: Row[] = [];
  for (const [label, maxPerFile] of [['default cap 1,000', 1000], ['uncapped', 100_000]] as const) {
    const options = { minimum: 'warning', maxPerFile } as const;
    const found = logDiagnostics(log, options).length;
    const [ours, base] = timePair(() => logDiagnostics(log, options), () => load(bytes), runs);
    rows.push({
      measure: `editor diagnostics ${at}, ${label}`,
      unit: 'ms', value: ours.median, baseline: base.median, baselineLabel: 'readLog', target: { kind: 'ratio', max: 1.2 }, runs,
      note: `${found} diagnostics for ${log.store.size} events`,
    });
  }
  const text = bytes.toString('utf8');
  const [pretty, parsed] = timePair(() => prettifyText(text).text, () => JSON.stringify(JSON.parse(text), null, 2), runs);
  rows.push({
    measure: `editor prettify ${at} (text → text)`,
    unit: 'ms', value: pretty.median, baseline: parsed.median, baselineLabel: 'JSON.stringify(JSON.parse)', target: { kind: 'ratio', max: 1.5 }, runs,
    note: `${(bytes.length / (1 << 20) / (pretty.median / 1000)).toFixed(0)} MB/s`,
  });
  return rows;
}

/**
 * prettifyText against jsonc-parser's formatter, which VS Code's JSON formatting uses: its `format`
 * (the edits only; VS Code applies them in its own text buffer) and `format` + `applyEdits`, whose
 * string rebuilding per edit grows with the square of the size. Run where the latter finishes.
 */
export function jsoncRows(inputs: BenchInputs, formatCount = 4000, applyCount = 100, runs = 3): Row[] {
  const options = { tabSize: 2, insertSpaces: true };
  const row = (count: number, what: string, ours: number, baseline: number, label: string, size: number): Row => ({
    measure: `editor prettify ${count} events (${mbText(size)}) vs ${what}`,
    unit: 'ms', value: ours, baseline, baselineLabel: label, target: null, runs,
    note: `${(baseline / ours).toFixed(1)}× as fast as jsonc-parser`,
  });
  inputs.prepare(formatCount, false);
  const big = inputs.bytes(formatCount).toString('utf8');
  const [ours, edits] = timePair(() => prettifyText(big).text, () => jsoncFormat(big, undefined, options), runs, 1);
  inputs.prepare(applyCount, false);
  const small = inputs.bytes(applyCount).toString('utf8');
  const [oursSmall, applied] = timePair(() => prettifyText(small).text, () => applyEdits(small, jsoncFormat(small, undefined, options)), runs, 1);
  return [
    row(formatCount, 'jsonc-parser format (edits only)', ours.median, edits.median, 'jsonc format', big.length),
    row(applyCount, 'jsonc-parser format+applyEdits', oursSmall.median, applied.median, 'jsonc format+applyEdits', small.length),
  ];
}

// Standalone only when run as its own bundle: bench.ts bundles this module into its own, where `require.main === module` holds too.
if (/diagnosticsBench\.js$/.test(process.argv[1] ?? '')) {
  // A small table on stdout.
  void (async () => {
    const { BenchInputs } = await import('./inputs');
    const { renderTable } = await import('./report');
    const inputs = new BenchInputs();
    try {
      process.stderr.write('bench: text editor at 20k events (~50 MB)…\n');
    const rows = textEditorRows(inputs);
    process.stdout.write(renderTable(rows, 'Text editor: diagnostics and prettify'));
    process.stderr.write('bench: against jsonc-parser…\n');
    process.stdout.write(renderTable(jsoncRows(inputs), 'Text editor: prettify against jsonc-parser'));
    } finally {
      inputs.remove();
    }
  })();
}
