interface Waiting<T> {
  item: T;
  resolve: () => void;
  reject: (error: unknown) => void;
}

export interface GroupCommitOptions {
  /** Most items in one store call. */
  maxBatch: number;
  /** Most store calls at once; items arriving while all are busy wait for the next batch. */
  maxConcurrent: number;
}

/**
 * Group commit: each caller submits one item and waits until the batch holding it is stored, or
 * learns that it was not. Items submitted in the same turn of the event loop, or while the store
 * is busy, go together; an idle store takes an item at once, so a lone request waits one insert,
 * not a timer, and a busy one pays one insert per batch instead of one per request.
 */
export class GroupCommit<T> {
  private queue: Waiting<T>[] = [];
  private busy = 0;
  private scheduled = false;
  private idleWaiters: (() => void)[] = [];

  constructor(
    private readonly store: (items: T[]) => Promise<void>,
    private readonly options: GroupCommitOptions,
  ) {}

  /** Resolves once the item's batch is stored; rejects with the store's error if it was not. */
  submit(item: T): Promise<void> {
    const done = new Promise<void>((resolve, reject) => this.queue.push({ item, resolve, reject }));
    if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(() => {
        this.scheduled = false;
        this.dispatch();
      });
    }
    return done;
  }

  /** Resolves when nothing is waiting or being stored (for shutdown). */
  drained(): Promise<void> {
    if (this.queue.length === 0 && this.busy === 0 && !this.scheduled) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private dispatch(): void {
    while (this.busy < this.options.maxConcurrent && this.queue.length > 0) {
      const batch = this.queue.splice(0, this.options.maxBatch);
      this.busy += 1;
      Promise.resolve()
        .then(() => this.store(batch.map((w) => w.item)))
        .then(
          () => batch.forEach((w) => w.resolve()),
          (error: unknown) => batch.forEach((w) => w.reject(error)),
        )
        .finally(() => {
          this.busy -= 1;
          this.dispatch();
          if (this.queue.length === 0 && this.busy === 0 && !this.scheduled) this.idleWaiters.splice(0).forEach((resolve) => resolve());
        });
    }
  }
}
