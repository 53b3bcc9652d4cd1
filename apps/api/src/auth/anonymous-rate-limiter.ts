interface Window {
  /** Start of the current fixed minute (a multiple of the window). */
  start: number;
  current: number;
  previous: number;
}

const WINDOW_MS = 60_000;

/**
 * The budget of requests without a valid token, per client address: at most `limitPerMinute` in
 * any sliding minute (the current minute's count plus the previous minute's, weighted by how much
 * of it still overlaps the last 60 s). Checked before authentication runs (`retryAfter`), counted
 * when authentication has failed (`recordFailure`), so requests with valid tokens never spend it
 * and a blocked address costs no token verification at all. Constant memory per address; idle
 * addresses are forgotten after two minutes.
 */
export class AnonymousRateLimiter {
  private readonly windows = new Map<string, Window>();
  private nextSweep = 0;

  constructor(
    private readonly limitPerMinute: number,
    private readonly clock: () => number = Date.now,
  ) {}

  /** 0 if the address may go on; otherwise the whole seconds until it may try again (at least 1). */
  retryAfter(address: string): number {
    const now = this.clock();
    const w = this.windows.get(address);
    if (!w) return 0;
    this.roll(w, now);
    const limit = this.limitPerMinute;
    const elapsed = (now - w.start) / WINDOW_MS;
    // floor(previous * (1 - elapsed)) + current < limit  <=>  previous * (1 - elapsed) < limit - current
    if (w.previous * (1 - elapsed) < limit - w.current) return 0;
    const freeAt =
      w.current < limit ? w.start + WINDOW_MS * (1 - (limit - w.current) / w.previous) : w.start + WINDOW_MS + WINDOW_MS * (1 - limit / w.current);
    return Math.max(1, Math.ceil((freeAt - now) / 1000));
  }

  /** Counts one request of the address that came without a valid token. */
  recordFailure(address: string): void {
    const now = this.clock();
    this.sweep(now);
    let w = this.windows.get(address);
    if (!w) this.windows.set(address, (w = { start: windowStart(now), current: 0, previous: 0 }));
    this.roll(w, now);
    w.current += 1;
  }

  /** Addresses currently tracked (for tests). */
  get size(): number {
    return this.windows.size;
  }

  private roll(w: Window, now: number): void {
    const start = windowStart(now);
    if (w.start === start) return;
    w.previous = w.start === start - WINDOW_MS ? w.current : 0;
    w.current = 0;
    w.start = start;
  }

  private sweep(now: number): void {
    if (now < this.nextSweep) return;
    this.nextSweep = now + WINDOW_MS;
    for (const [address, w] of this.windows) if (w.start + 2 * WINDOW_MS <= now) this.windows.delete(address);
  }
}

const windowStart = (now: number) => Math.floor(now / WINDOW_MS) * WINDOW_MS;
