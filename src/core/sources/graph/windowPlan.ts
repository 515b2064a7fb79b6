/**
 * Time windows for a pull. Graph pages by `@odata.nextLink` only and its skiptoken cannot be kept, so progress
 * is saved per window: a window is drained (every page), then the next one starts where it ended. Windows are
 * sized from what the last one held — large enough that the last, partly filled page of each costs little of
 * the request budget, small enough that a resume repeats little — and halved while throttling persists, as
 * Microsoft's guidance for the reports asks.
 */

export interface WindowPlanOptions {
  /** Records a window should hold: a number of full pages. */
  readonly targetRecords: number;
  readonly initialMs: number;
  readonly minMs: number;
  readonly maxMs: number;
}

export const DEFAULT_WINDOW_PLAN: WindowPlanOptions = {
  targetRecords: 20_000,
  initialMs: 6 * 3600_000,
  minMs: 1000,
  maxMs: 31 * 86400_000,
};

export interface TimeWindow {
  readonly start: number;
  readonly end: number;
}

export class WindowPlanner {
  private sizeMs: number;

  constructor(
    private readonly opts: WindowPlanOptions = DEFAULT_WINDOW_PLAN,
    sizeMs?: number,
  ) {
    this.sizeMs = this.clamp(sizeMs ?? opts.initialMs);
  }

  /** The planned window size, kept in the resume state so a resumed pull continues at the same pace. */
  get windowMs(): number {
    return this.sizeMs;
  }

  /** The next window from `cursor`, never past `until`. */
  next(cursor: number, until: number): TimeWindow {
    return { start: cursor, end: Math.min(until, cursor + this.sizeMs) };
  }

  /** A window was drained: aim the next one at the target from the density just seen. */
  completed(w: TimeWindow, records: number): void {
    const span = w.end - w.start;
    if (span <= 0) return;
    // An empty or sparse window says little about density: grow, but by at most 4× at a time.
    const ideal = records > 0 ? (span * this.opts.targetRecords) / records : span * 4;
    this.sizeMs = this.clamp(Math.min(ideal, Math.max(span, this.sizeMs) * 4));
  }

  /** Throttling persisted within `w`: the next attempt covers half of it. Returns false at the minimum size. */
  shrink(w: TimeWindow): boolean {
    const half = Math.floor((w.end - w.start) / 2);
    if (half < this.opts.minMs) {
      this.sizeMs = this.opts.minMs;
      return false;
    }
    this.sizeMs = half;
    return true;
  }

  private clamp(ms: number): number {
    return Math.round(Math.min(this.opts.maxMs, Math.max(this.opts.minMs, ms)));
  }
}
