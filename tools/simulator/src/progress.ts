/** Progress on stderr at most once a second (the clock is injectable for tests). */
export class ProgressReporter {
  private lastPrintMs = -Infinity;
  private readonly startMs: number;

  constructor(
    private readonly total: number,
    private readonly write: (line: string) => void = (line) => process.stderr.write(`${line}\n`),
    private readonly clock: () => number = () => Date.now(),
  ) {
    this.startMs = clock();
  }

  update(published: number): void {
    const now = this.clock();
    if (now - this.lastPrintMs < 1000) return;
    this.lastPrintMs = now;
    this.write(`published ${published}/${this.total} events (${rate(published, now - this.startMs)} events/s)`);
  }

  /** Elapsed milliseconds since the reporter started. */
  elapsedMs(): number {
    return this.clock() - this.startMs;
  }
}

export function rate(count: number, elapsedMs: number): number {
  return elapsedMs <= 0 ? count : Math.round((count * 1000) / elapsedMs);
}
