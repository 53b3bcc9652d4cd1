import { addWeeks, weekCommencing, weekEndInstant } from '@mcm/shared';

/**
 * When a week's figures are complete enough to publish as final (docs/STATISTICS.md, "When a week
 * is complete"). One rule for the bulletin job and the API, so that a bulletin's `p` and the API's
 * `p` say the same thing.
 */
export interface ReleaseRule {
  /** An agency is active when its latest report is at most this many weeks old. */
  activeAgencyWeeks: number;
  /** Days after a week's end after which it is complete whoever has not reported. */
  latenessDays: number;
}

export const DEFAULT_RELEASE_RULE: ReleaseRule = { activeAgencyWeeks: 8, latenessDays: 7 };

const DAY_MS = 86_400_000;

/**
 * The instant up to which every active agency has reported: the earliest latest-report among the
 * agencies that reported in the last `activeAgencyWeeks` weeks before `now`. Null when no agency is
 * active (then only the lateness allowance completes a week). Reports dated after `now` (an agency's
 * clock ahead) count as `now`.
 */
export function reportedThrough(latestReports: readonly Date[], now: Date, rule: ReleaseRule): Date | null {
  const activeSince = now.getTime() - rule.activeAgencyWeeks * 7 * DAY_MS;
  let earliest: number | null = null;
  for (const report of latestReports) {
    const at = Math.min(report.getTime(), now.getTime());
    if (at < activeSince) continue;
    earliest = earliest === null ? at : Math.min(earliest, at);
  }
  return earliest === null ? null : new Date(earliest);
}

export type WeekCompleteness = 'in-progress' | 'provisional' | 'complete';

/**
 * A week in progress has not ended; an ended week is complete once every active agency has
 * reported past its end, or once the lateness allowance after its end has passed; until then it
 * is provisional.
 */
export function weekCompleteness(weekStart: string, now: Date, through: Date | null, rule: ReleaseRule): WeekCompleteness {
  const end = weekEndInstant(weekStart).getTime();
  if (end > now.getTime()) return 'in-progress';
  if (end + rule.latenessDays * DAY_MS <= now.getTime()) return 'complete';
  return through !== null && through.getTime() >= end ? 'complete' : 'provisional';
}

/**
 * The latest complete week (week commencing). Completeness only grows with the week's age, so
 * every week before it is complete too.
 */
export function lastCompleteWeek(now: Date, through: Date | null, rule: ReleaseRule): string {
  let week = addWeeks(weekCommencing(now), -1);
  while (weekCompleteness(week, now, through, rule) !== 'complete') week = addWeeks(week, -1);
  return week;
}

/** Where each week stands: a function of the week, for marking many weeks at once. */
export function completenessOf(now: Date, through: Date | null, rule: ReleaseRule): (weekStart: string) => WeekCompleteness {
  return (weekStart) => weekCompleteness(weekStart, now, through, rule);
}
