export class RetentionUsageError extends Error {}

export interface RetentionArgs {
  now: Date;
  dryRun: boolean;
}

/** `[--now ISO] [--dry-run]`; anything else is a usage error. */
export function parseRetentionArgs(argv: string[], clock: () => Date = () => new Date()): RetentionArgs {
  let now: Date | undefined;
  let dryRun = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--dry-run') {
      dryRun = true;
    } else if (arg === '--now' || arg.startsWith('--now=')) {
      const value = arg === '--now' ? argv[++i] : arg.slice('--now='.length);
      // A date and time with an explicit zone (or a bare date, read as UTC midnight).
      if (!value || !/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$/.test(value) || Number.isNaN(Date.parse(value))) {
        throw new RetentionUsageError('--now needs an ISO 8601 instant such as 2026-11-16T03:00:00Z');
      }
      now = new Date(value);
    } else {
      throw new RetentionUsageError(`unknown argument ${arg}`);
    }
  }
  return { now: now ?? clock(), dryRun };
}
