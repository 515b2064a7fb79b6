/**
 * Work that follows the log registry but need not happen inside the change that triggered it: the
 * status bar's counts, the Problems of every open log. When a log finishes loading, the viewer paints
 * its rows in the same task that puts the log in the registry; listeners that summarise the whole log
 * there made the rows wait (166 ms at 100,000 events, over a second at 2.5 GB). Scheduled instead,
 * such work runs once after the current task, however many changes came before it.
 */
export class AfterThisTask {
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly work: () => void) {}

  schedule(): void {
    this.timer ??= setTimeout(() => {
      this.timer = undefined;
      this.work();
    }, 0);
  }

  /** Does the scheduled work now (for a caller that must see its result), if any is due. */
  flush(): void {
    if (this.timer === undefined) return;
    clearTimeout(this.timer);
    this.timer = undefined;
    this.work();
  }

  /** Drops the scheduled work, if any (it may be scheduled again). */
  cancel(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  dispose(): void {
    this.cancel();
  }
}
