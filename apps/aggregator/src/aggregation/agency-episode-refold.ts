import { AgencyEpisode, EpisodeEvent, foldAgencyEpisode } from '@mcm/incidence';
import { AgencyEpisodeRepository, AgencyEventRepository, AgencyRef, Db } from '@mcm/persistence';
import { episodeEventOf, PositionedEvent, toEpisodeEvent } from './accepted-event';
import { AgencyChildRow, ChildRegisterRepository, refKey } from './child-register.repository';

export function uniqueRefs(refs: AgencyRef[]): AgencyRef[] {
  return [...new Map(refs.map((r) => [refKey(r.agencyCode, r.ref), r])).values()];
}

/** The episodes step: refolds every agency episode a batch touches from all its events. */
export class AgencyEpisodeRefold {
  constructor(
    private readonly register: ChildRegisterRepository,
    private readonly events = new AgencyEventRepository(),
    private readonly episodes = new AgencyEpisodeRepository(),
  ) {}

  /**
   * This batch's events come from memory; earlier ones are read back only for episodes that
   * already existed. Returns the agency child ids whose counted episodes may have changed.
   */
  async refold(db: Db, fresh: PositionedEvent[], children: Map<string, AgencyChildRow>): Promise<number[]> {
    const refs = uniqueRefs(fresh.map(({ event: e }) => ({ agencyCode: e.agency.code, ref: e.agencyEpisodeRef })));
    const previous = await this.episodes.childrenOf(db, refs);
    // Every stored event's episode has a row (it was folded in the event's own transaction).
    const storedEvents = previous.length === 0 ? [] : await this.events.eventsOfEpisodes(db, previous);
    const freshIds = new Set(fresh.map((p) => p.event.eventId));
    const byEpisode = new Map<string, EpisodeEvent[]>();
    const collect = (e: EpisodeEvent) => {
      const key = refKey(e.agencyCode, e.agencyEpisodeRef);
      (byEpisode.get(key) ?? byEpisode.set(key, []).get(key)!).push(e);
    };
    fresh.forEach((p) => collect(episodeEventOf(p.event)));
    storedEvents.filter((row) => !freshIds.has(row.event_id)).forEach((row) => collect(toEpisodeEvent(row)));
    const folded = [...byEpisode.values()].map(foldAgencyEpisode);
    const missing = uniqueRefs(
      folded.map((e) => ({ agencyCode: e.agencyCode, ref: e.agencyChildRef })).filter((r) => !children.has(refKey(r.agencyCode, r.ref))),
    );
    const allChildren = missing.length ? new Map([...children, ...(await this.register.resolve(db, missing))]) : children;
    const childIdOf = (e: AgencyEpisode) => allChildren.get(refKey(e.agencyCode, e.agencyChildRef))!.id;
    await this.episodes.upsert(db, folded, folded.map(childIdOf));
    return [...new Set([...folded.map(childIdOf), ...previous.map((p) => p.agencyChildId)])];
  }
}
