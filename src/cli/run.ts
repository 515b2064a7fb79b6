/**
 * The whole CLI as one function: argv and an io facade in, an exit code out. Tests call it
 * in-process; main.ts binds it to the real process. User mistakes and unreadable inputs end as one
 * line on stderr with their exit code; anything unexpected as one line and exit 1, never a stack.
 */
import { version } from '../../package.json';
import { parseCommandLine, type CommandName, type CommandRequest } from './args';
import { errorsCommand, explainCommand } from './commands/errorCodes';
import { exportCommand } from './commands/export';
import { fetchCommand, fetchHelp } from './commands/fetch';
import { kqlCommand } from './commands/kql';
import { idsCommand, listCommand } from './commands/list';
import { prettifyCommand } from './commands/prettify';
import { summaryCommand } from './commands/summary';
import { helpText } from './help';
import { CliFailure, EXIT, UsageError, type CliIo } from './io';

const HANDLERS: Readonly<Record<CommandName, (req: CommandRequest, io: CliIo) => Promise<number>>> = {
  summary: summaryCommand,
  list: listCommand,
  ids: idsCommand,
  errors: errorsCommand,
  explain: explainCommand,
  prettify: prettifyCommand,
  export: exportCommand,
  kql: kqlCommand,
};

export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    // `fetch` has sources with options of their own, so it parses its own command line.
    if (argv[0] === 'fetch') return await fetchCommand(argv.slice(1), io);
    if (argv[0] === 'help' && argv[1] === 'fetch') {
      const text = fetchHelp(argv[2]);
      if (text === undefined) throw new UsageError(`No help for "fetch ${argv[2]}": it is not a source.`);
      io.stdout.write(text);
      return EXIT.ok;
    }
    const req = parseCommandLine(argv);
    if (req.command === 'version') {
      io.stdout.write(`provlog ${version}\n`);
      return EXIT.ok;
    }
    if (req.command === 'help') {
      const text = helpText(req.topic);
      if (text === undefined) throw new UsageError(`No help for "${req.topic}": it is not a command.`);
      io.stdout.write(text);
      return EXIT.ok;
    }
    return await HANDLERS[req.command](req, io);
  } catch (e) {
    return failed(e, io);
  }
}

function failed(e: unknown, io: CliIo): number {
  if (e instanceof UsageError) {
    const hint = e.command ? `provlog help ${e.command}` : 'provlog --help';
    io.stderr.write(`provlog: ${e.message}\nRun "${hint}" for usage.\n`);
    return EXIT.usage;
  }
  if (e instanceof CliFailure) {
    io.stderr.write(`provlog: ${e.message}\n`);
    return e.exitCode;
  }
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  // The reader of our output went away (`provlog list … | head`): nothing left to say.
  if (code === 'EPIPE') return EXIT.ok;
  const message = e instanceof Error ? e.message : String(e);
  try {
    io.stderr.write(`provlog: unexpected error: ${message.split('\n')[0]} (this is a bug; please report it with the command line)\n`);
  } catch {
    // stderr itself is gone: the exit code is all that is left.
  }
  return EXIT.readErrors;
}
