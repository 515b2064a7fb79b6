/**
 * What the Graph pull tests share: a clock whose sleeps move time on instead of waiting (the limiter's
 * decisions are then exact and instant), a sink that keeps lines in memory, and records spread over a day.
 */
import type { Clock } from '../../../../../src/core/sources/http/clock';
import { CancelledError } from '../../../../../src/core/sources/http/clock';
import type { GraphFetchState } from '../../../../../src/core/sources/graph/fetchState';
import type { GraphSink } from '../../../../../src/core/sources/graph/graphPuller';
import { generateRecords, type GraphRecord } from '../../../../fixtures/generator/records';

export class SteppingClock implements Clock {
  readonly sleeps: number[] = [];

  constructor(public t = Date.UTC(2026, 2, 2, 12, 0, 0)) {}

  now(): number {
    return this.t;
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return Promise.reject(new CancelledError());
    this.sleeps.push(ms);
    this.t += ms;
    return Promise.resolve();
  }
}

export class MemorySink implements GraphSink {
  lines: string[] = [];
  bytes = 0;
  states: GraphFetchState[] = [];

  append(lines: readonly string[]): Promise<number> {
    this.lines.push(...lines);
    this.bytes += Buffer.byteLength(lines.join('\n') + '\n');
    return Promise.resolve(this.bytes);
  }

  checkpoint(state: GraphFetchState): Promise<void> {
    this.states.push(state);
    return Promise.resolve();
  }
}

/** The generator's records (newest shortly before 2026-03-02T14:00Z) and their time range. */
export function dayOfRecords(count: number, seed = 42): { records: GraphRecord[]; since: number; until: number } {
  const records = generateRecords({ count, seed });
  const times = records.map((r) => Date.parse(String(r['activityDateTime'])));
  return { records, since: Math.min(...times) - 60_000, until: Math.max(...times) + 60_000 };
}

export const idsOf = (lines: readonly string[]): string[] => lines.map((l) => String((JSON.parse(l) as { id: string }).id));
