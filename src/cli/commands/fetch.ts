/**
 * `provlog fetch SOURCE …`: pulls provisioning logs from where they live into a JSON Lines file the other commands
 * read. Each source (Log Analytics, Microsoft Graph) is its own module registered in FETCH_SOURCES; this file only
 * dispatches, so adding a source is one entry.
 */
import { CliFailure, EXIT, UsageError, type CliIo } from '../io';
import { logAnalyticsSource } from './fetchLogAnalytics';
import { graphFetchSource } from './fetchGraph';

export interface FetchSource {
  /** One line for `provlog help fetch`. */
  readonly summary: string;
  /** Full usage text for `provlog help fetch SOURCE`. */
  readonly help: string;
  run(argv: readonly string[], io: CliIo): Promise<number>;
}

/** Registered sources, by the word that follows `fetch`. */
export const FETCH_SOURCES: Readonly<Record<string, FetchSource>> = {
  loganalytics: logAnalyticsSource,
  graph: graphFetchSource,
};

export function fetchHelp(source?: string): string | undefined {
  if (source) return FETCH_SOURCES[source]?.help;
  const names = Object.keys(FETCH_SOURCES);
  const lines = names.map((n) => `  ${n.padEnd(13)} ${FETCH_SOURCES[n]!.summary}`);
  return `Usage: provlog fetch SOURCE [options] -o OUT.jsonl

Pulls provisioning logs into a JSON Lines file that every other command (and the viewer) reads.
Sources:
${lines.join('\n') || '  (none)'}

Run "provlog help fetch SOURCE" for a source's options.
`;
}

export async function fetchCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const [source, ...rest] = argv;
  if (source === undefined || source.startsWith('-')) {
    if (source === '-h' || source === '--help') {
      io.stdout.write(fetchHelp() ?? '');
      return EXIT.ok;
    }
    throw new UsageError(`"fetch" needs a source: ${Object.keys(FETCH_SOURCES).join(', ') || 'none is available'}.`, 'fetch');
  }
  const impl = FETCH_SOURCES[source];
  if (!impl) throw new UsageError(`Unknown source "${source}"; sources: ${Object.keys(FETCH_SOURCES).join(', ') || 'none'}.`, 'fetch');
  if (rest.includes('-h') || rest.includes('--help')) {
    io.stdout.write(impl.help);
    return EXIT.ok;
  }
  return impl.run(rest, io);
}

/** For sources: a failure that has already been explained keeps its exit code. */
export function fetchFailure(message: string): CliFailure {
  return new CliFailure(message, EXIT.readErrors);
}
