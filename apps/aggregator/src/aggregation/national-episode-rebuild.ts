import { RecordKeys } from '@mcm/disclosure';
import {
  BoundedAgencyEpisode,
  CountedAgencyEpisode,
  diffNationalEpisodes,
  KeyedNationalEpisode,
  NationalEpisodeChanges,
  nationalEpisodesOfChild,
} from '@mcm/incidence';
import { AgencyEpisodeRepository, ChildIdentityRepository, Db, NationalEpisodeRepository } from '@mcm/persistence';
import { ChildAttributes, referenceData } from '@mcm/shared';

const regionOf = (la: string) => referenceData().localAuthorities.get(la)?.regionCode ?? 'UNKNOWN';

/** Rebuilds the national episodes of whole national children from their counted agency episodes. */
export class NationalEpisodeRebuild {
  constructor(
    private readonly identities: ChildIdentityRepository,
    private readonly recordKeys: RecordKeys,
    private readonly agencyEpisodes = new AgencyEpisodeRepository(),
    private readonly nationalEpisodes = new NationalEpisodeRepository(),
  ) {}

  /**
   * Brings the national episodes of these children up to date, writing only what changed.
   * Returns the episodes removed, inserted and kept unchanged: the weekly figures depend on
   * nothing else (kept episodes tell whether a child still counts in a cell).
   */
  async rebuild(db: Db, nationalChildIds: number[]): Promise<NationalEpisodeChanges> {
    if (nationalChildIds.length === 0) return { removed: [], inserted: [], kept: [] };
    const { episodes, bounded } = await this.computed(db, nationalChildIds);
    const stored = await this.nationalEpisodes.ofChildren(db, nationalChildIds);
    // Each agency episode's implied end (docs/events.md, "Episodes without a reported end") is kept
    // beside it: NEXT_EPISODE ends are the implied returns counted per agency for completeness.
    await this.agencyEpisodes.recordImpliedEnds(
      db,
      nationalChildIds,
      bounded.map((e) => ({
        agencyCode: e.agencyCode,
        agencyEpisodeRef: e.agencyEpisodeRef,
        impliedEnd: e.impliedEnd,
        impliedEndAt: e.impliedEnd === null ? null : e.endedAt,
      })),
    );
    const changes = diffNationalEpisodes(stored, episodes);
    await this.nationalEpisodes.remove(
      db,
      changes.removed.map((e) => e.id),
    );
    await this.nationalEpisodes.insert(db, changes.inserted);
    return changes;
  }

  /**
   * Gives record keys to up to `limit` episodes stored before the cell-key method (ids after
   * `afterId`); returns the last id done, or null when none is left.
   */
  async keyStoredEpisodes(db: Db, afterId: number, limit: number): Promise<number | null> {
    const rows = await this.nationalEpisodes.page(db, afterId, limit);
    if (rows.length === 0) return null;
    await this.nationalEpisodes.setRecordKeys(
      db,
      rows.map((r) => ({
        id: r.id,
        childKey: this.recordKeys.child(r.nationalChildId),
        episodeKey: this.recordKeys.episode(r.nationalChildId, r.startedAt),
      })),
    );
    return Number(rows[rows.length - 1].id);
  }

  private async computed(db: Db, nationalChildIds: number[]): Promise<{ episodes: KeyedNationalEpisode[]; bounded: BoundedAgencyEpisode[] }> {
    const rows = await this.agencyEpisodes.countedOfNationalChildren(db, nationalChildIds);
    const profiles = await this.identities.profilesOf(db, [...new Set(rows.map((r) => Number(r.agency_child_id)))]);
    const byChild = new Map<number, CountedAgencyEpisode[]>();
    for (const r of rows) {
      const id = Number(r.national_child_id);
      // Only the attributes statistics use leave this function: names and identifiers do not.
      const child: ChildAttributes = profiles.get(Number(r.agency_child_id))?.attributes ?? {};
      const episode: CountedAgencyEpisode = {
        agencyCode: r.agency_code,
        agencyEpisodeRef: r.agency_episode_ref,
        setting: r.setting,
        // The LA stated for the child at the episode's start, not the child's latest (docs/events.md).
        startedAt: r.started_ms,
        endedAt: r.ended_ms,
        laCode: r.la_code,
        riskGrade: r.risk_grade,
        returnInterviewWithin72h: r.return_interview_within_72h,
        careMissingType: r.care_missing_type,
        child: { dateOfBirth: child.dateOfBirth, sex: child.sex, ethnicity: child.ethnicity },
      };
      (byChild.get(id) ?? byChild.set(id, []).get(id)!).push(episode);
    }
    const bounded: BoundedAgencyEpisode[] = [];
    const episodes = [...byChild].flatMap(([nationalChildId, members]) => {
      const built = nationalEpisodesOfChild(members, regionOf);
      bounded.push(...built.agencyEpisodes);
      return built.episodes.map((e) =>
        Object.assign(e, {
          nationalChildId,
          childKey: this.recordKeys.child(nationalChildId),
          episodeKey: this.recordKeys.episode(nationalChildId, e.startedAt),
        }),
      );
    });
    return { episodes, bounded };
  }
}
