import { ThrottlerStorage } from '@nestjs/throttler';
import { ThrottlerStorageRecord } from '@nestjs/throttler/dist/throttler-storage-record.interface';

interface Window {
  /** Start of the current fixed window (a multiple of the TTL). */
  start: number;
  current: number;
  previous: number;
  blockedUntil: number;
}

/**
 * Rate-limit counters in constant time and memory per subject: a sliding-window estimate (the
 * current window's hits plus the previous window's, weighted by how much of it still overlaps
 * the last TTL). The stock in-memory storage keeps one timestamp per hit and filters them all on
 * every request, which costs more the busier a subject is.
 */
export class SlidingWindowThrottlerStorage implements ThrottlerStorage {
  private readonly windows = new Map<string, Window>();
  private nextSweep = 0;

  constructor(private readonly clock: () => number = Date.now) {}

  async increment(key: string, ttl: number, limit: number, blockDuration: number, throttlerName: string): Promise<ThrottlerStorageRecord> {
    const now = this.clock();
    this.sweep(now, ttl);
    const id = `${throttlerName}\u0000${key}`;
    const start = Math.floor(now / ttl) * ttl;
    let w = this.windows.get(id);
    if (!w) this.windows.set(id, (w = { start, current: 0, previous: 0, blockedUntil: 0 }));
    if (w.start !== start) {
      w.previous = w.start === start - ttl ? w.current : 0;
      w.current = 0;
      w.start = start;
    }
    const timeToExpire = Math.ceil((start + ttl - now) / 1000);
    if (w.blockedUntil > now) {
      return { totalHits: limit + 1, timeToExpire, isBlocked: true, timeToBlockExpire: Math.ceil((w.blockedUntil - now) / 1000) };
    }
    w.current += 1;
    const totalHits = Math.floor(w.previous * (1 - (now - start) / ttl)) + w.current;
    if (totalHits <= limit) return { totalHits, timeToExpire, isBlocked: false, timeToBlockExpire: 0 };
    // The refused request is not counted: a blocked client's retries do not extend its block.
    w.current -= 1;
    w.blockedUntil = now + (blockDuration > 0 ? blockDuration : ttl);
    return { totalHits, timeToExpire, isBlocked: true, timeToBlockExpire: Math.ceil((w.blockedUntil - now) / 1000) };
  }

  /** Forgets subjects idle for two windows, at most once a window. */
  private sweep(now: number, ttl: number): void {
    if (now < this.nextSweep) return;
    this.nextSweep = now + ttl;
    for (const [id, w] of this.windows) if (w.start + 2 * ttl <= now && w.blockedUntil <= now) this.windows.delete(id);
  }

  /** Subjects currently tracked (for tests). */
  get size(): number {
    return this.windows.size;
  }
}
