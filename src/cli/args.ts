/**
 * Command line → a checked request. Parsing is Node's built-in `util.parseArgs`: a well-kept,
 * zero-dependency parser that ships with Node, so the CLI pulls in no argument library. What it
 * does not check (which options belong to which command, value sets, numbers) is checked here, and
 * every mistake becomes a UsageError naming what is allowed.
 */
import { parseArgs } from 'node:util';
import { FILTER_OPTIONS, member, parseFilterOptions, type FilterSpec } from './filters';
import { UsageError } from './io';
import { isSortKey, type SortDirection, type SortKey } from '../core/common/columns';
import { EXPORT_FORMATS, type ExportFormat } from '../core/output/exportFormats';

export const COMMANDS = ['summary', 'list', 'ids', 'errors', 'explain', 'prettify', 'export', 'kql'] as const;
export type CommandName = (typeof COMMANDS)[number];

export const ID_KINDS = ['job', 'cycle', 'change'] as const;
export type IdKind = (typeof ID_KINDS)[number];

export type Request =
  | { command: 'help'; topic: string }
  | { command: 'version' }
  | CommandRequest;

export interface CommandRequest {
  command: CommandName;
  /** Input files (for explain: empty). */
  files: string[];
  /** explain's CODE. */
  code: string;
  json: boolean;
  filter: FilterSpec;
  sort?: { key: SortKey; dir: SortDirection };
  limit?: number;
  kind?: IdKind;
  format?: ExportFormat;
  output?: string;
}

const OPTIONS = {
  ...FILTER_OPTIONS,
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean' },
  sort: { type: 'string' },
  limit: { type: 'string' },
  kind: { type: 'string' },
  format: { type: 'string' },
  output: { type: 'string', short: 'o' },
} as const;
type OptionName = keyof typeof OPTIONS;

const FILTERS = Object.keys(FILTER_OPTIONS) as OptionName[];
/** Options each command takes besides --help. */
const ALLOWED: Readonly<Record<CommandName, readonly OptionName[]>> = {
  summary: ['json', ...FILTERS],
  list: ['json', 'sort', 'limit', ...FILTERS],
  ids: ['json', 'kind', ...FILTERS],
  errors: ['json', ...FILTERS],
  explain: ['json'],
  prettify: ['output'],
  export: ['format', 'output', ...FILTERS],
  kql: FILTERS,
};

/** Friendly names for sort keys; the store's own field names work too. */
const SORT_ALIASES: Readonly<Record<string, SortKey>> = {
  date: 'time',
  activityDateTime: 'time',
  identity: 'sourceName',
  displayName: 'sourceName',
  application: 'appName',
};

export function parseCommandLine(argv: readonly string[]): Request {
  let parsed: ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true; strict: true }>>;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (e) {
    // parseArgs' own messages are clear ("Unknown option '--x'"); keep them on one line.
    throw new UsageError((e as Error).message.replace(/\s*\n\s*/g, ' '), commandOf(argv));
  }
  const { values, positionals } = parsed;
  const [first, ...rest] = positionals;
  if (values.version) return { command: 'version' };
  if (first === undefined) {
    if (values.help) return { command: 'help', topic: '' };
    throw new UsageError('No command given.');
  }
  if (first === 'help') return { command: 'help', topic: rest[0] ?? '' };
  if (!isCommand(first)) throw new UsageError(`Unknown command "${first}"; commands: ${COMMANDS.join(', ')}.`);
  if (values.help) return { command: 'help', topic: first };
  const command = first;
  for (const name of Object.keys(values) as OptionName[]) {
    if (name !== 'help' && !ALLOWED[command].includes(name)) {
      throw new UsageError(`--${name} is not an option of "${command}".`, command);
    }
  }
  const req: CommandRequest = { command, files: rest, code: '', json: values.json === true, filter: parseFilterOptions(values, command) };
  if (command === 'explain') {
    if (rest.length !== 1) throw new UsageError('explain takes one error code, e.g. "provlog explain EntryConflict".', command);
    req.code = rest[0]!;
    req.files = [];
  } else if (command === 'kql') {
    if (rest.length > 0) throw new UsageError(`kql reads no file (got "${rest[0]}"): it prints the filters as a query.`, command);
  } else if (rest.length === 0) {
    throw new UsageError(`"${command}" needs a FILE to read.`, command);
  }
  if (command === 'prettify' && rest.length > 1) throw new UsageError('prettify takes one FILE.', command);
  if (values.sort !== undefined) req.sort = parseSort(values.sort);
  if (values.limit !== undefined) req.limit = parseCount(values.limit, '--limit', command);
  if (command === 'ids') req.kind = oneOf(values.kind, ID_KINDS, '--kind', command);
  if (command === 'export') req.format = oneOf(values.format, EXPORT_FORMATS, '--format', command);
  if (values.output !== undefined) {
    if (values.output === '') throw new UsageError('-o needs a file name.', command);
    req.output = values.output;
  }
  return req;
}

function isCommand(s: string): s is CommandName {
  return (COMMANDS as readonly string[]).includes(s);
}

/** The command a failed parse was about, so the hint can point at its help. */
function commandOf(argv: readonly string[]): string {
  return argv.find((a) => isCommand(a)) ?? '';
}

/** No default: which IDs or which format is wanted cannot be guessed, so the option must be given. */
function oneOf<T extends string>(value: string | undefined, allowed: readonly T[], option: string, command: string): T {
  if (value === undefined) throw new UsageError(`"${command}" needs ${option} ${allowed.join('|')}.`, command);
  return member(value, allowed, option, command);
}

/** `time`, `time:desc`, `--sort=-time` (descending; the `=` keeps parseArgs from reading `-time` as an option). */
function parseSort(value: string): { key: SortKey; dir: SortDirection } {
  let v = value.trim();
  let dir: SortDirection = 'asc';
  if (v.startsWith('-')) {
    dir = 'desc';
    v = v.slice(1);
  }
  const colon = v.lastIndexOf(':');
  if (colon >= 0) {
    const d = v.slice(colon + 1).toLowerCase();
    if (d !== 'asc' && d !== 'desc') throw new UsageError(`--sort direction must be asc or desc (got "${d}").`, 'list');
    dir = d;
    v = v.slice(0, colon);
  }
  const key = SORT_ALIASES[v] ?? v;
  if (!isSortKey(key)) {
    throw new UsageError(`--sort must be one of time, duration, action, status, identity, errorCode, jobId, cycleId, changeId, sourceSystem, targetSystem, … (got "${value}").`, 'list');
  }
  return { key, dir };
}

function parseCount(value: string, option: string, command: string): number {
  if (!/^\d+$/.test(value.trim()) || Number(value) < 1) throw new UsageError(`${option} must be a whole number of at least 1 (got "${value}").`, command);
  return Number(value);
}
