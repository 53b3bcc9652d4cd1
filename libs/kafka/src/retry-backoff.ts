export interface BackoffSettings {
  /** The first pause (before jitter). */
  baseMs: number;
  /** No pause is longer than this. */
  maxMs: number;
}

export const DEFAULT_BACKOFF: BackoffSettings = { baseMs: 500, maxMs: 30_000 };

/**
 * The pause before retry number `attempt` (1, 2, ...): exponential, capped, with "equal jitter"
 * (half fixed, half random) so that instances failing together (the database restarting) do not
 * all come back in the same instant, and no pause is shorter than half its step.
 */
export function backoffDelayMs(attempt: number, settings: BackoffSettings = DEFAULT_BACKOFF, random: () => number = Math.random): number {
  const step = Math.min(settings.maxMs, settings.baseMs * 2 ** Math.max(0, Math.min(attempt - 1, 30)));
  return Math.round(step / 2 + random() * (step / 2));
}
