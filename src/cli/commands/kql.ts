/**
 * `provlog kql [filters]`: the filters as a KQL query on the Log Analytics table AADProvisioningLogs,
 * printed for the Logs blade, a workbook or `az monitor log-analytics query`. No file is read:
 * bounds counted back (`--since 7d`) stay relative in the query, to now or to the table's newest event.
 */
import { filterToKql, type KqlOptions } from '../../core/sources/kql/filterToKql';
import type { CommandRequest } from '../args';
import type { FilterSpec } from '../filters';
import { EXIT, type CliIo, type ExitCode } from '../io';
import { type EventFilter } from '../../core/common/filter';

export async function kqlCommand(req: CommandRequest, io: CliIo): Promise<ExitCode> {
  const { filter, relative } = kqlFilter(req.filter);
  io.stdout.write(`${filterToKql(filter, { relative })}\n`);
  return EXIT.ok;
}

/** The spec as a filter with absolute bounds, and the relative ones for the query to resolve. */
export function kqlFilter(spec: FilterSpec): { filter: EventFilter; relative: KqlOptions['relative'] } {
  const filter: EventFilter = { ...spec.text, hideSkipped: spec.hideSkipped, changesOnly: spec.changesOnly };
  if (spec.status) filter.status = spec.status;
  if (spec.action) filter.action = spec.action;
  if (spec.identityType) filter.identityType = spec.identityType;
  const relative: NonNullable<KqlOptions['relative']> = { from: spec.relativeTo };
  if (spec.since) {
    if ('at' in spec.since) filter.since = spec.since.at;
    else relative.sinceMs = spec.since.relativeMs;
  }
  if (spec.until) {
    if ('at' in spec.until) filter.until = spec.until.at;
    else relative.untilMs = spec.until.relativeMs;
  }
  return { filter, relative };
}
