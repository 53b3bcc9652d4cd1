import { IsInt, Max, Min } from 'class-validator';
import { DEFAULT_RELEASE_RULE } from './release-rule';

// A mixin's base must be typed `new (...args: any[])` (TS2545).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type EnvClass = new (...args: any[]) => object;

/**
 * The release rule's two settings (docs/STATISTICS.md, "When a week is complete"), defined once
 * for the two services that apply it, the bulletin job (aggregator) and the API, which must be
 * given the same values. An agency is active when it reported in the last
 * RELEASE_ACTIVE_AGENCY_WEEKS weeks; a week is complete once every active agency has reported past
 * its end, or RELEASE_LATENESS_DAYS days after its end.
 */
export function withReleaseRule<Base extends EnvClass>(base: Base) {
  class ReleaseRuleEnv extends base {
    @IsInt()
    @Min(1)
    @Max(52)
    RELEASE_ACTIVE_AGENCY_WEEKS: number = DEFAULT_RELEASE_RULE.activeAgencyWeeks;

    @IsInt()
    @Min(0)
    @Max(90)
    RELEASE_LATENESS_DAYS: number = DEFAULT_RELEASE_RULE.latenessDays;
  }
  return ReleaseRuleEnv;
}
