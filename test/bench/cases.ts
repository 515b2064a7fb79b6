/**
 * What the benchmark measures. Each case returns rows whose ratio compares the core with a
 * baseline timed in the same process, in alternation, on the same bytes: load+index vs JSON.parse,
 * prettify vs JSON.stringify(JSON.parse()), error-code location vs loading; filter and regroup have
 * absolute budgets (the viewer must answer a click within a frame or two).
 */
import { readFileSync } from 'node:fs';
import { format as jsoncFormat, applyEdits } from 'jsonc-parser';
import { EventIndex } from '../../src/core/index/eventIndex';
import { groupEvents, newestFirstOrder, type GroupKind } from '../../src/core/index/grouping';
import { locateErrorCodes } from '../../src/core/views/editor/locate';
import type { LogData } from '../../src/core/model/logData';
import * as prettify from '../../src/core/prettify/prettify';
import { QueryEngine } from '../../src/core/query/engine';
import { readLog } from '../../src/core/read/readLog';
import { summarize } from '../../src/core/index/summary';
import type { BenchInputs } from './inputs';
import { mbText, ms, time, timePair } from './measure';
import type { Row } from './report';
import { type EventFilter } from '../../src/core/common/filter';
import { searchEvents } from '../../src/core/index/changeSearch';

const k = (count: number): string => (count >= 1000 ? `${count / 1000}k` : String(count));
const load = (bytes: Uint8Array, name = 'ProvisioningLogs.json'): LogData => readLog([{ name, bytes }]);

/**
 * A full GC before each run makes V8 drop the core's optimized hot loops (deopt reason "weak
 * objects") and re-optimize them in the timed run: a fixed cost of tens of ms that the C++ JSON
 * baselines never pay, which decides the ratio on small inputs. So small inputs are timed in steady
 * state (one collection before the series); large ones with a collection before every run.
 */
const gcBetweenRuns = (count: number): boolean => count > 20_000;
const smallNote = (count: number): string => (gcBetweenRuns(count) ? '' : 'steady state: no full GC between runs');

/** Warm-up runs before the timed ones: at 1k a cold JIT would otherwise decide the ratio. */
const warmupFor = (count: number): number => (count <= 20_000 ? 2 : 0);

export function loadAndIndex(inputs: BenchInputs, count: number, runs: number): Row {
  const bytes = inputs.bytes(count);
  const [ours, base] = timePair(
    () => new EventIndex(load(bytes).store),
    () => JSON.parse(bytes.toString('utf8')) as unknown,
    runs,
    warmupFor(count),
    gcBetweenRuns(count),
  );
  return {
    measure: `load+index ${k(count)} (${mbText(bytes.length)})`,
    unit: 'ms', value: ours.median, baseline: base.median, baselineLabel: 'JSON.parse', target: { kind: 'ratio', max: 1.5 }, runs,
    note: smallNote(count),
  };
}

/** The core's prettify, keeping its output as the baselines keep theirs (as one string). */
function corePrettify(bytes: Uint8Array): Uint8Array[] {
  const parts: Uint8Array[] = [];
  prettify.prettifyBytes(bytes, (c) => parts.push(c));
  return parts;
}

function prettifyLanded(): boolean {
  return typeof (prettify as { prettifyBytes?: unknown }).prettifyBytes === 'function';
}

const notLanded = (measure: string): Row => ({
  measure, unit: 'ms', value: null, baseline: null, baselineLabel: '', target: null, runs: 0, note: 'not available (the core prettify has not landed)',
});

export function prettifyRow(inputs: BenchInputs, count: number, runs: number): Row {
  const measure = `prettify ${k(count)}`;
  if (!prettifyLanded()) return notLanded(measure);
  const bytes = inputs.bytes(count);
  const text = bytes.toString('utf8');
  const [o, b] = timePair(() => corePrettify(bytes), () => JSON.stringify(JSON.parse(text), null, 2), runs, warmupFor(count), gcBetweenRuns(count));
  return { measure, unit: 'ms', value: o.median, baseline: b.median, baselineLabel: 'JSON.stringify(JSON.parse)', target: { kind: 'ratio', max: 1.5 }, runs, note: smallNote(count) };
}

/** jsonc-parser's format + applyEdits, report only, on a small input (applyEdits is quadratic). */
export function jsoncRow(inputs: BenchInputs, count: number, runs: number): Row {
  const measure = `prettify ${k(count)} vs jsonc-parser`;
  if (!prettifyLanded()) return notLanded(measure);
  const bytes = inputs.bytes(count);
  const text = bytes.toString('utf8');
  const o = time(() => corePrettify(bytes), Math.max(runs, 5), 2);
  const j = time(() => applyEdits(text, jsoncFormat(text, undefined, { tabSize: 2, insertSpaces: true })), runs);
  return {
    measure: `${measure} (${mbText(bytes.length)})`, unit: 'ms', value: o.median, baseline: j.median, baselineLabel: 'jsonc format+applyEdits', target: null, runs,
    note: 'applyEdits rebuilds the text once per edit (quadratic): not run on bigger inputs',
  };
}

/** Filters a user might type one after another: the engine stays, the filter changes. */
const FILTERS: readonly EventFilter[] = [
  { status: ['failure'], text: 'conflict' },
  { status: ['failure', 'warning'], text: 'timeout' },
  { status: ['failure'], text: 'contoso' },
  { status: ['success', 'skipped'], text: 'alex' },
  { status: ['failure'], text: 'active directory' },
];

export function filterAndRegroup(inputs: BenchInputs, count: number, runs: number): Row[] {
  const log = load(inputs.bytes(count));
  const store = log.store;
  const engine = new QueryEngine(store);
  let n = 0;
  // A new engine each run: its text matcher lower-cases the strings it tests (a new log's first filter).
  const cold = time(() => new QueryEngine(store).run(FILTERS[0]!), runs);
  const warm = time(() => engine.run(FILTERS[n++ % FILTERS.length]!), runs, 2);
  const steady = time(() => engine.run(FILTERS[n++ % FILTERS.length]!), runs, 2, false);
  // The viewer's query: the same engine walking a kept sort order instead of file order.
  const sort = { key: 'time', dir: 'desc' } as const;
  engine.order(sort);
  const viewer = time(() => engine.run(FILTERS[n++ % FILTERS.length]!, sort), runs, 2);
  const regroup = time(() => new EventIndex(store), runs);
  const index = new EventIndex(store);
  const byCode = time(() => summarize(index), runs);
  const at = `at ${k(count)}`;
  const row = (measure: string, value: number, max: number | null, note = ''): Row => ({
    measure: `${measure} ${at}`, unit: 'ms', value, baseline: null, baselineLabel: '', target: max === null ? null : { kind: 'absolute', max }, runs, note,
  });
  // What the tree does on "Group by": group, then make the first page of groups (the newest-first order is kept per log).
  newestFirstOrder(engine);
  const treeGroups = (['identity', 'errorCode', 'status'] as GroupKind[]).map((kind) => {
    const t = time(() => {
      const g = groupEvents(engine, kind, { failuresFirst: true });
      for (let p = 0; p < Math.min(200, g.size); p++) g.group(p);
    }, runs);
    return row(`tree regroup by ${kind} + first page`, t.median, 100);
  });
  // Go to Change ID: one keystroke searches every change of the log for a name (the palette keeps 200).
  const name = store.get('sourceName', Math.floor(store.size / 2)).toLowerCase();
  const keystroke = time(() => searchEvents(engine, name, 200), runs);
  return [
    row('filter change (status+text)', warm.median, 30, `${ms(steady.median)} without a full GC before each run (steady state)`),
    row('first filter (new QueryEngine)', cold.median, null),
    row('filter change, viewer order (status+text)', viewer.median, 30),
    row('regroup (new EventIndex)', regroup.median, 100),
    row('group by error code (summarize)', byCode.median, 100),
    ...treeGroups,
    row('Go to Change ID keystroke (search every change)', keystroke.median, 250),
  ];
}

export function diagnostics(inputs: BenchInputs, count: number, runs: number): Row {
  const bytes = inputs.bytes(count);
  const log = load(bytes);
  const [locate, loaded] = timePair(() => locateErrorCodes(log), () => load(bytes), runs);
  const found = locateErrorCodes(log).length;
  return {
    measure: `diagnostics ${k(count)} (${mbText(bytes.length)})`,
    unit: 'ms', value: locate.median, baseline: loaded.median, baselineLabel: 'readLog', target: { kind: 'ratio', max: 1.2 }, runs,
    note: `locateErrorCodes over all ${log.store.size} events (${found} codes located)`,
  };
}

export function csvTrio(inputs: BenchInputs, count: number, runs: number): Row {
  const csv = inputs.csvInput(count);
  const measure = `CSV trio read ${k(count)}`;
  if (csv === undefined) return { measure, unit: 'ms', value: null, baseline: null, baselineLabel: '', target: null, runs: 0, note: 'not prepared' };
  const files = (['main', 'steps', 'modified'] as const).map((f) => ({ name: csv.paths[f], bytes: readFileSync(csv.paths[f]) }));
  const probe = readLog(files);
  if (probe.store.size === 0) {
    return { measure, unit: 'ms', value: null, baseline: null, baselineLabel: '', target: null, runs: 0, note: `not available: ${probe.problems[0]?.message ?? 'no events read'}` };
  }
  const t = time(() => readLog(files), runs);
  return {
    measure: `${measure} (${mbText(csv.size)})`,
    unit: 'ms', value: t.median, baseline: null, baselineLabel: '', target: null, runs,
    note: `${probe.store.size} events, ${(csv.size / (1 << 20) / (t.median / 1000)).toFixed(0)} MB/s`,
  };
}
