import { ChildAttributes, RiskGrade, Setting, weekCommencing } from '@mcm/shared';
import {
  ageBand,
  CareMissingCategory,
  CareMissingType,
  careMissingTypeOf,
  durationBand,
  ethnicityGroup,
  highestRisk,
  repeatFlags,
} from './statistical-attributes';

/** Which setting a national episode counts under when its agencies disagree (our convention). */
export const SETTING_PRIORITY: Record<Setting, number> = { CARE: 0, HOME: 1, EDUCATION: 2 };
export const UNKNOWN_LA = 'UNKNOWN';

export interface CountedAgencyEpisode {
  agencyCode: string;
  agencyEpisodeRef: string;
  setting: Setting;
  startedAt: number;
  endedAt: number | null;
  /** The responsible LA of the agency's child record, when stated. */
  laCode: string | null;
  riskGrade?: RiskGrade | null;
  returnInterviewWithin72h?: boolean;
  /** CARE only: the SSDA903 missing type the agency recorded (M missing, A away without authorisation). */
  careMissingType?: CareMissingType | null;
  /** The agency child's profile: date of birth, sex, ethnicity. */
  child?: Pick<ChildAttributes, 'dateOfBirth' | 'sex' | 'ethnicity'>;
}

export interface NationalEpisode {
  startedAt: number;
  endedAt: number | null;
  startWeek: string;
  endWeek: string | null;
  setting: Setting;
  laCode: string;
  agencyEpisodeCount: number;
  regionCode: string;
  ageBand: string;
  sex: string;
  ethnicityGroup: string;
  riskGrade: string;
  durationBand: string | null;
  returnInterviewWithin72h: boolean;
  repeatMissing: boolean;
  /** CARE episodes: M, A or NOT_STATED (careMissingTypeOf); null for HOME and EDUCATION. */
  careMissingType: CareMissingCategory | null;
}

const compareCodes = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function primaryOrder(a: CountedAgencyEpisode, b: CountedAgencyEpisode): number {
  return (
    SETTING_PRIORITY[a.setting] - SETTING_PRIORITY[b.setting] ||
    a.startedAt - b.startedAt ||
    compareCodes(a.agencyCode, b.agencyCode) ||
    compareCodes(a.agencyEpisodeRef, b.agencyEpisodeRef)
  );
}

/**
 * One child's agency episodes that overlap (closed intervals; open = unbounded) form one national
 * episode, transitively. It starts at the earliest start, ends at the latest end (open if any
 * member is open), counts under the highest-priority setting, and in the LA of its primary member.
 */
export function buildNationalEpisodes(
  episodes: readonly CountedAgencyEpisode[],
  regionOf: (la: string) => string = () => UNKNOWN_LA,
): NationalEpisode[] {
  const sorted = [...episodes].sort((a, b) => a.startedAt - b.startedAt);
  const groups: CountedAgencyEpisode[][] = [];
  let groupEnd = -Infinity;
  for (const e of sorted) {
    const end = e.endedAt ?? Infinity;
    if (groups.length > 0 && e.startedAt <= groupEnd) {
      groups[groups.length - 1].push(e);
      groupEnd = Math.max(groupEnd, end);
    } else {
      groups.push([e]);
      groupEnd = end;
    }
  }
  const built = groups.map((members) => {
    const startedAt = members[0].startedAt;
    const endedAt = members.some((m) => m.endedAt === null) ? null : Math.max(...members.map((m) => m.endedAt!));
    const byPriority = [...members].sort(primaryOrder);
    const laCode = byPriority.find((m) => m.laCode)?.laCode ?? UNKNOWN_LA;
    const first = <K extends 'dateOfBirth' | 'sex' | 'ethnicity'>(field: K) =>
      byPriority.find((m) => m.child?.[field] && m.child[field] !== 'U')?.child?.[field];
    return {
      startedAt,
      endedAt,
      startWeek: weekCommencing(new Date(startedAt)),
      endWeek: endedAt === null ? null : weekCommencing(new Date(endedAt)),
      setting: byPriority[0].setting,
      laCode,
      agencyEpisodeCount: members.length,
      regionCode: laCode === UNKNOWN_LA ? UNKNOWN_LA : regionOf(laCode),
      ageBand: ageBand(byPriority.find((m) => m.child?.dateOfBirth?.length === 10)?.child?.dateOfBirth, startedAt),
      sex: first('sex') ?? 'U',
      ethnicityGroup: ethnicityGroup(first('ethnicity')),
      riskGrade: highestRisk(members.map((m) => m.riskGrade)),
      durationBand: durationBand(startedAt, endedAt),
      returnInterviewWithin72h: members.some((m) => m.returnInterviewWithin72h === true),
      repeatMissing: false,
      careMissingType:
        byPriority[0].setting === 'CARE' ? careMissingTypeOf(members.filter((m) => m.setting === 'CARE').map((m) => m.careMissingType)) : null,
    };
  });
  const repeats = repeatFlags(built.map((e) => e.startedAt));
  built.forEach((e, i) => (e.repeatMissing = repeats[i]));
  return built;
}
