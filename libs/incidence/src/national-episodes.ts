import { Setting, weekCommencing } from '@mcm/shared';

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
}

export interface NationalEpisode {
  startedAt: number;
  endedAt: number | null;
  startWeek: string;
  endWeek: string | null;
  setting: Setting;
  laCode: string;
  agencyEpisodeCount: number;
}

const compareCodes = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function primaryOrder(a: CountedAgencyEpisode, b: CountedAgencyEpisode): number {
  return SETTING_PRIORITY[a.setting] - SETTING_PRIORITY[b.setting]
    || a.startedAt - b.startedAt
    || compareCodes(a.agencyCode, b.agencyCode)
    || compareCodes(a.agencyEpisodeRef, b.agencyEpisodeRef);
}

/**
 * One child's agency episodes that overlap (closed intervals; open = unbounded) form one national
 * episode, transitively. It starts at the earliest start, ends at the latest end (open if any
 * member is open), counts under the highest-priority setting, and in the LA of its primary member.
 */
export function buildNationalEpisodes(episodes: readonly CountedAgencyEpisode[]): NationalEpisode[] {
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
  return groups.map((members) => {
    const startedAt = members[0].startedAt;
    const endedAt = members.some((m) => m.endedAt === null) ? null : Math.max(...members.map((m) => m.endedAt!));
    const byPriority = [...members].sort(primaryOrder);
    return {
      startedAt,
      endedAt,
      startWeek: weekCommencing(new Date(startedAt)),
      endWeek: endedAt === null ? null : weekCommencing(new Date(endedAt)),
      setting: byPriority[0].setting,
      laCode: byPriority.find((m) => m.laCode)?.laCode ?? UNKNOWN_LA,
      agencyEpisodeCount: members.length,
    };
  });
}
