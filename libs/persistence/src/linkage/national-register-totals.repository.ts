import { Queryable } from '../agencies/agency-register.repository';

/** What linkage made of everything received: the whole history, not a published week. */
export interface NationalRegisterTotals {
  /** National children with at least one national episode. */
  nationalChildren: number;
  nationalEpisodes: number;
}

/**
 * Whole-history totals of the national register, for checking linkage against a simulation's
 * truth (`npm start` prints them against the demo's). Not a published statistic: unperturbed,
 * never served to analysts.
 */
export class NationalRegisterTotalsRepository {
  async totals(db: Queryable): Promise<NationalRegisterTotals> {
    const [row]: { children: string; episodes: string }[] = await db.query(
      'SELECT count(DISTINCT national_child_id) AS children, count(*) AS episodes FROM national_episode',
    );
    return { nationalChildren: Number(row.children), nationalEpisodes: Number(row.episodes) };
  }

  /** How many of these events were accepted and stored (e.g. a simulation's clock-dependent ones). */
  async acceptedEvents(db: Queryable, eventIds: readonly string[]): Promise<number> {
    if (eventIds.length === 0) return 0;
    const [row]: { n: string }[] = await db.query('SELECT count(*) AS n FROM agency_event WHERE event_id = ANY($1::uuid[])', [eventIds]);
    return Number(row.n);
  }
}
