/**
 * Job → cycle → change grouping of a store, with counts and time spans per group. Built once per
 * loaded log (tens of milliseconds at 100,000 events); the tree, hovers and summaries read from it.
 */
import { STATUSES, type Status } from './model';
import type { EventStore } from './store';

export interface StatusCounts {
  total: number;
  success: number;
  failure: number;
  skipped: number;
  warning: number;
}

export interface Span {
  /** Earliest and latest event time (epoch ms); NaN when no event had a readable time. */
  first: number;
  last: number;
}

export interface CycleGroup extends Span {
  key: string;
  jobId: string;
  cycleId: string;
  /** Event indices, newest first. */
  events: Uint32Array;
  counts: StatusCounts;
}

export interface JobGroup extends Span {
  jobId: string;
  /** Application (service principal) name, else the target system's. */
  name: string;
  sourceSystem: string;
  targetSystem: string;
  /** Newest cycle first. */
  cycles: CycleGroup[];
  counts: StatusCounts;
}

export function emptyCounts(): StatusCounts {
  return { total: 0, success: 0, failure: 0, skipped: 0, warning: 0 };
}

export function countStatus(c: StatusCounts, s: Status): void {
  c.total++;
  c[s]++;
}

export class EventIndex {
  /** Newest job (by last event) first. */
  readonly jobs: JobGroup[];
  private readonly cycleOfEvent: Int32Array;
  private readonly cycles: CycleGroup[] = [];
  private readonly changeIds = new Map<string, number[]>();
  private readonly cyclesById = new Map<string, CycleGroup>();
  private readonly jobsById = new Map<string, JobGroup>();

  constructor(readonly store: EventStore) {
    const n = store.size;
    this.cycleOfEvent = new Int32Array(n);
    const jobCol = store.column('jobId');
    const cycleCol = store.column('cycleId');
    const changeCol = store.column('changeId');
    // Group ids first with integer keys (string ids of the interned table): no string work per event.
    const cycleKey = new Map<number, Map<number, number[]>>();
    for (let i = 0; i < n; i++) {
      let byCycle = cycleKey.get(jobCol[i]!);
      if (byCycle === undefined) cycleKey.set(jobCol[i]!, (byCycle = new Map()));
      let list = byCycle.get(cycleCol[i]!);
      if (list === undefined) byCycle.set(cycleCol[i]!, (list = []));
      list.push(i);
      const change = store.strings[changeCol[i]!]!;
      if (change !== '') {
        const same = this.changeIds.get(change);
        if (same === undefined) this.changeIds.set(change, [i]);
        else same.push(i);
      }
    }
    const jobs: JobGroup[] = [];
    for (const [jobSid, byCycle] of cycleKey) {
      const jobId = store.strings[jobSid]!;
      const job: JobGroup = { jobId, name: '', sourceSystem: '', targetSystem: '', cycles: [], counts: emptyCounts(), first: NaN, last: NaN };
      for (const [cycleSid, list] of byCycle) {
        const cycle = this.buildCycle(jobId, store.strings[cycleSid]!, list);
        job.cycles.push(cycle);
        addCounts(job.counts, cycle.counts);
        widen(job, cycle);
      }
      job.cycles.sort(newestFirst);
      const sample = job.cycles[0]?.events[0];
      if (sample !== undefined) {
        job.name = store.get('appName', sample) || store.get('targetSystem', sample);
        job.sourceSystem = store.get('sourceSystem', sample);
        job.targetSystem = store.get('targetSystem', sample);
      }
      jobs.push(job);
      this.jobsById.set(jobId, job);
    }
    jobs.sort(newestFirst);
    this.jobs = jobs;
  }

  job(jobId: string): JobGroup | undefined {
    return this.jobsById.get(jobId);
  }

  cycle(jobId: string, cycleId: string): CycleGroup | undefined {
    return this.cyclesById.get(cycleKeyOf(jobId, cycleId));
  }

  /** The cycle an event belongs to. */
  cycleOf(i: number): CycleGroup | undefined {
    return this.cycles[this.cycleOfEvent[i]!];
  }

  /** All cycles with this cycle id (a cycle id is unique in practice; the job disambiguates). */
  cyclesWithId(cycleId: string): CycleGroup[] {
    return this.cycles.filter((c) => c.cycleId === cycleId);
  }

  /** Events with this change id (normally one). */
  eventsWithChangeId(changeId: string): readonly number[] {
    return this.changeIds.get(changeId) ?? [];
  }

  get changeCount(): number {
    return this.changeIds.size;
  }

  get cycleCount(): number {
    return this.cycles.length;
  }

  private buildCycle(jobId: string, cycleId: string, list: number[]): CycleGroup {
    const { store } = this;
    const events = Uint32Array.from(list);
    const time = store.time;
    // Newest first; events without a time go last, in file order.
    events.sort((a, b) => timeOrder(time[b]!, time[a]!) || a - b);
    const cycle: CycleGroup = { key: cycleKeyOf(jobId, cycleId), jobId, cycleId, events, counts: emptyCounts(), first: NaN, last: NaN };
    const at = this.cycles.length;
    for (const i of list) {
      countStatus(cycle.counts, STATUSES[store.status[i]!]!);
      this.cycleOfEvent[i] = at;
      const t = time[i]!;
      if (!Number.isNaN(t)) {
        if (!(t >= cycle.first)) cycle.first = t;
        if (!(t <= cycle.last)) cycle.last = t;
      }
    }
    this.cycles.push(cycle);
    this.cyclesById.set(cycle.key, cycle);
    return cycle;
  }
}

export function cycleKeyOf(jobId: string, cycleId: string): string {
  return `${jobId}\u0000${cycleId}`;
}

function timeOrder(a: number, b: number): number {
  if (Number.isNaN(a)) return Number.isNaN(b) ? 0 : -1;
  if (Number.isNaN(b)) return 1;
  return a - b;
}

function newestFirst(a: Span, b: Span): number {
  return timeOrder(b.last, a.last);
}

function addCounts(into: StatusCounts, c: StatusCounts): void {
  into.total += c.total;
  into.success += c.success;
  into.failure += c.failure;
  into.skipped += c.skipped;
  into.warning += c.warning;
}

function widen(into: Span, s: Span): void {
  if (!Number.isNaN(s.first) && !(s.first >= into.first)) into.first = s.first;
  if (!Number.isNaN(s.last) && !(s.last <= into.last)) into.last = s.last;
}
