/**
 * Job → cycle → change grouping of a store, with counts and time spans per group. Built once per
 * loaded log (tens of milliseconds at 100,000 events); the tree, hovers and summaries read from it.
 */
import { STATUSES, type Status, type StatusCounts } from '../common/record';
import type { EventStore } from '../model/store';

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
  /** Change id (string id) → events, built on first lookup: most views never ask. */
  private changeIds?: Map<string, number[]>;
  private readonly cyclesById = new Map<string, CycleGroup>();
  private readonly jobsById = new Map<string, JobGroup>();

  constructor(readonly store: EventStore) {
    const n = store.size;
    const jobCol = store.column('jobId');
    const cycleCol = store.column('cycleId');
    // Number each (job, cycle) pair by integer key (string ids of the interned table): no string work
    // and no array per group while walking 100,000 events.
    const width = Math.max(1, store.strings.length);
    const cycleNumber = new Map<number, number>();
    const cycleOf = new Int32Array(n);
    const pairs: number[] = [];
    for (let i = 0; i < n; i++) {
      const key = jobCol[i]! * width + cycleCol[i]!;
      let c = cycleNumber.get(key);
      if (c === undefined) {
        c = pairs.length;
        cycleNumber.set(key, c);
        pairs.push(i);
      }
      cycleOf[i] = c;
    }
    this.cycleOfEvent = cycleOf;
    // Counting sort into one buffer; each cycle's events are a view of it.
    const m = pairs.length;
    const offsets = new Uint32Array(m + 1);
    for (let i = 0; i < n; i++) offsets[cycleOf[i]! + 1]!++;
    for (let c = 0; c < m; c++) offsets[c + 1]! += offsets[c]!;
    const order = new Uint32Array(n);
    const fill = offsets.slice(0, m);
    for (let i = 0; i < n; i++) order[fill[cycleOf[i]!]!++] = i;
    const jobsBySid = new Map<number, JobGroup>();
    for (let c = 0; c < m; c++) {
      const sample = pairs[c]!;
      const cycle = this.buildCycle(store.strings[jobCol[sample]!]!, store.strings[cycleCol[sample]!]!, order.subarray(offsets[c], offsets[c + 1]));
      let job = jobsBySid.get(jobCol[sample]!);
      if (job === undefined) {
        job = { jobId: cycle.jobId, name: '', sourceSystem: '', targetSystem: '', cycles: [], counts: emptyCounts(), first: NaN, last: NaN };
        jobsBySid.set(jobCol[sample]!, job);
      }
      job.cycles.push(cycle);
      addCounts(job.counts, cycle.counts);
      widen(job, cycle);
    }
    const jobs = [...jobsBySid.values()];
    for (const job of jobs) {
      job.cycles.sort(newestFirst);
      const first = job.cycles[0]?.events[0];
      if (first !== undefined) {
        job.name = store.get('appName', first) || store.get('targetSystem', first);
        job.sourceSystem = store.get('sourceSystem', first);
        job.targetSystem = store.get('targetSystem', first);
      }
      this.jobsById.set(job.jobId, job);
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
    return this.changes().get(changeId) ?? [];
  }

  get changeCount(): number {
    return this.changes().size;
  }

  private changes(): Map<string, number[]> {
    if (this.changeIds !== undefined) return this.changeIds;
    const { store } = this;
    const col = store.column('changeId');
    const map = new Map<string, number[]>();
    for (let i = 0; i < store.size; i++) {
      if (col[i] === 0) continue;
      const change = store.strings[col[i]!]!;
      const same = map.get(change);
      if (same === undefined) map.set(change, [i]);
      else same.push(i);
    }
    return (this.changeIds = map);
  }

  get cycleCount(): number {
    return this.cycles.length;
  }

  /** `events` is this cycle's view of the shared buffer; it is sorted in place. */
  private buildCycle(jobId: string, cycleId: string, events: Uint32Array): CycleGroup {
    const { store } = this;
    const time = store.time;
    const status = store.status;
    const cycle: CycleGroup = { key: cycleKeyOf(jobId, cycleId), jobId, cycleId, events, counts: emptyCounts(), first: NaN, last: NaN };
    for (let k = 0; k < events.length; k++) {
      const i = events[k]!;
      countStatus(cycle.counts, STATUSES[status[i]!]!);
      const t = time[i]!;
      if (!Number.isNaN(t)) {
        if (!(t >= cycle.first)) cycle.first = t;
        if (!(t <= cycle.last)) cycle.last = t;
      }
    }
    // Newest first; events without a time go last, in file order.
    events.sort((a, b) => timeOrder(time[b]!, time[a]!) || a - b);
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
