/**
 * `provlog --help` and `provlog help COMMAND`. Kept as plain text beside the parser so that a new
 * option and its documentation change in the same review.
 */

const FILTERS = `Filters (combinable; text filters are case-insensitive substrings):
  --status S[,S]         success, failure, skipped, warning (repeat or comma-separate)
  --action A[,A]         create, update, delete, disable, stagedDelete, other
  --identity-type T[,T]  user, group, … (also matches SCIM URNs ending in :User)
  --identity TEXT        source or target identity name or id
  --job-id ID  --cycle-id ID  --change-id ID
  --source-system TEXT  --target-system TEXT  --application TEXT  --error-code TEXT
  --text TEXT            any text field of the event
  --since WHEN  --until WHEN
                         24h, 7d, 30d (a number of h, d or w before the anchor), or an ISO
                         date/time (UTC unless it has a zone; a bare --until date includes that day)
  --relative-to newest|now
                         anchor for 24h/7d/…: the newest event in the file (default, as the
                         viewer does: downloads are often old) or the current time
  --hide-skipped         leave out skipped events
  --changes-only         only events that really changed the target system`;

const GENERAL = `provlog: read Microsoft Entra ID provisioning logs (portal JSON and CSV downloads, Graph pages,
Azure Monitor and Log Analytics exports, PowerShell output).

Usage: provlog <command> FILE... [options]

Commands:
  summary   counts by status and action, jobs, cycles, changes, error codes, problems
  list      the events, as a table or JSON (--sort KEY, --limit N)
  ids       unique job, cycle or change ids (--kind job|cycle|change)
  errors    where each error code stands in the file (line, column)
  explain   what an error code means and what to do (no FILE)
  prettify  lossless, streaming pretty-print of a JSON log (-o OUT)
  export    the filtered events as csv, json or md (--format, -o OUT)
  fetch     pull logs from where they live into a file (provlog help fetch)
  kql       the filters as a KQL query on Log Analytics' AADProvisioningLogs (no FILE)

Several FILEs are read together as one log (e.g. several PT1H.json blobs). A FOLDER (summary,
list, ids, errors, export) is read as one log of every log file under it, recursively, such as a
storage account's diagnostic export (insights-logs-provisioninglogs/…/y=/m=/d=/h=/m=00/PT1H.json);
files that are not logs are skipped with one note. Records delivered twice (same id, same content)
count once. A portal CSV file brings its _ProvisioningSteps and _ModifiedProperties siblings.

Options: --json (machine-readable output), -h/--help, --version.

${FILTERS}

Exit codes:
  0  read cleanly (warnings allowed)
  1  read with errors: what could be recovered is still printed (also: an unexpected failure)
  2  usage error
  3  nothing could be read (missing file, not a provisioning log, no events)

Examples:
  provlog summary ProvisioningLogs.json
  provlog ids --kind job ProvisioningLogs.json
  provlog ids --kind change --action create ProvisioningLogs.json
  provlog list --status failure --since 7d --sort time:desc --limit 20 ProvisioningLogs.json
  provlog explain EntryConflict

Run "provlog help COMMAND" for a command's options.`;

const COMMAND_HELP: Readonly<Record<string, string>> = {
  summary: `Usage: provlog summary FILE... [filters] [--json]

Counts by status and action, jobs, cycles and changes, error codes with their meaning, and what
the reader had to say about the file. With filters, the counts cover the matching events.
--json prints {"events", "status", "action", "jobs", "cycles", "changes", "errorCodes",
"problems"} with zero counts left out.

Examples:
  provlog summary ProvisioningLogs.json
  provlog summary --json --since 24h PT1H.json PT1H-2.json`,
  list: `Usage: provlog list FILE... [filters] [--sort KEY] [--limit N] [--json]

The matching events newest first (as the viewer lists them), as an aligned table, or with --json an array of objects with
changeId, cycleId, jobId, activityDateTime, action, status, identityType, displayName,
sourceSystem, targetSystem, errorCode, id, sourceId, targetId, targetDisplayName, application,
reason and durationMs.
  --sort KEY   time, duration, action, status, identity, errorCode, jobId, cycleId, changeId,
               sourceSystem, targetSystem, application, …; KEY:desc (or --sort=-KEY) for
               descending
  --limit N    the first N events (after sorting)

Examples:
  provlog list --status failure ProvisioningLogs.json
  provlog list --json --identity alice --sort time:desc --limit 5 ProvisioningLogs.json`,
  ids: `Usage: provlog ids --kind job|cycle|change FILE... [filters] [--json]

Unique ids of the matching events, one a line, in the order they first appear.

Examples (the PowerShell recipes of Microsoft's provisioning-log articles):
  provlog ids --kind job ProvisioningLogs.json                    all job IDs
  provlog ids --kind change --action create ProvisioningLogs.json  change IDs of create events`,
  errors: `Usage: provlog errors FILE... [filters] [--json]

Where each failure's error code stands in the file, as FILE:LINE:COLUMN lines, or with --json an
array of {"code", "line", "column", "endLine", "endColumn", "severity", "changeId"} ("file" too
when several files were read). Lines and columns are 1-based; columns count UTF-16 units, as
VS Code does, and point at the code without its quotes.`,
  explain: `Usage: provlog explain CODE [--json]

What an error code means, what to do, whether the provisioning service retries it, and the
documentation link. Codes with the app's name in front (ContosoEntryConflict) are recognised.

Example:
  provlog explain SystemForCrossDomainIdentityManagementServiceIncompatible`,
  prettify: `Usage: provlog prettify FILE [-o OUT]

Pretty-prints a JSON log with 2-space indentation, losslessly (numbers, escapes and key order are
kept byte for byte), streaming: files of any size, never held as one string. Writes to OUT, or to
stdout. Refuses to overwrite the input. UTF-16 input is written as UTF-8. Damage (a cut-off file)
is reported on stderr with its line and column; the rest is still written (exit 1).

Example:
  provlog prettify ProvisioningLogs.json -o ProvisioningLogs.pretty.json`,
  export: `Usage: provlog export FILE... --format csv|json|md [-o OUT] [filters]

Writes the matching events:
  json  one JSON array in the portal download's shape (Graph records copied as they were) to OUT
        or stdout
  md    a Markdown report (counts, error codes explained, the events) to OUT or stdout
  csv   the portal's trio: OUT, OUT_ProvisioningSteps.csv and OUT_ModifiedProperties.csv (for
        -o dir/ProvisioningLogs.csv: dir/ProvisioningLogs_ProvisioningSteps.csv and
        dir/ProvisioningLogs_ModifiedProperties.csv). Without -o: ProvisioningLogs.csv and its two
        siblings in the current folder, never overwriting files that are already there.
An input file is never overwritten.

Examples:
  provlog export ProvisioningLogs.json --format csv --status failure -o failures/ProvisioningLogs.csv
  provlog export ProvisioningLogs.json --format md --since 24h -o report.md`,
  kql: `Usage: provlog kql [filters]

Prints the filters as a KQL query on the Log Analytics table AADProvisioningLogs, with the same
meaning as in the viewer (case-insensitive substrings, the legacy Action column included). Paste
it into the Logs blade, a workbook or "az monitor log-analytics query". --since/--until counted
back (7d) stay relative: to now with --relative-to now, else to the table's newest event.

Example:
  provlog kql --status failure --since 7d --relative-to now --identity alice`,
};

/** Help for a topic ('' = general); undefined for an unknown topic. */
export function helpText(topic: string): string | undefined {
  if (topic === '') return GENERAL + '\n';
  const text = COMMAND_HELP[topic];
  if (text === undefined) return undefined;
  const filters = topic === 'explain' || topic === 'prettify' ? '' : `\n\n${FILTERS}`;
  return `${text}${filters}\n`;
}
