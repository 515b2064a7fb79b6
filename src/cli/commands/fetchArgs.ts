/**
 * The options every `provlog fetch` source shares: the viewer's filters (the same words as the other commands),
 * the output file, where the token comes from and which cloud. Each source adds its own options.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { CLOUD_NAMES, isCloudName, type CloudName } from '../../core/sources/http/endpoints';
import { FILTER_OPTIONS, parseFilterOptions, type FilterSpec } from '../filters';
import { UsageError } from '../io';

const COMMON_OPTIONS = {
  ...FILTER_OPTIONS,
  output: { type: 'string', short: 'o' },
  'token-command': { type: 'string' },
  cloud: { type: 'string' },
} as const;

export interface FetchCommon {
  readonly filter: FilterSpec;
  readonly output: string;
  readonly tokenCommand?: string;
  readonly cloud: CloudName;
}

export type OptionValues = Readonly<Record<string, string | boolean | (string | boolean)[] | undefined>>;

type Options = NonNullable<ParseArgsConfig['options']>;

/** Parses `argv` with the common options plus `extra`; `clouds` limits --cloud to the clouds the source has. */
export function parseFetchArgs(
  argv: readonly string[],
  source: string,
  extra: Options,
  clouds: readonly CloudName[] = CLOUD_NAMES,
): { common: FetchCommon; values: OptionValues } {
  const command = `fetch ${source}`;
  let values: OptionValues;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({ args: [...argv], options: { ...COMMON_OPTIONS, ...extra }, allowPositionals: true, strict: true }));
  } catch (e) {
    throw new UsageError((e as Error).message.replace(/\s*\n\s*/g, ' '), 'fetch');
  }
  if (positionals.length > 0) throw new UsageError(`${command} takes no file names (got "${positionals[0]}"); the output file is -o OUT.`, 'fetch');
  const output = values['output'];
  if (typeof output !== 'string' || output === '') throw new UsageError(`${command} needs -o OUT.jsonl, the file to write.`, 'fetch');
  const cloudValue = values['cloud'];
  let cloud: CloudName = 'public';
  if (typeof cloudValue === 'string') {
    if (!isCloudName(cloudValue) || !clouds.includes(cloudValue)) throw new UsageError(`--cloud must be one of ${clouds.join(', ')} (got "${cloudValue}").`, 'fetch');
    cloud = cloudValue;
  }
  const tokenCommand = values['token-command'];
  const filterValues = Object.fromEntries(Object.entries(values).filter(([k]) => k in FILTER_OPTIONS));
  return {
    common: {
      filter: parseFilterOptions(filterValues, command),
      output,
      ...(typeof tokenCommand === 'string' ? { tokenCommand } : {}),
      cloud,
    },
    values,
  };
}
