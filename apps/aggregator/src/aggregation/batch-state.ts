import { IncidenceDeltas, NationalEpisodeChanges } from '@mcm/incidence';
import { Db } from '@mcm/persistence';
import { PositionedEvent } from './accepted-event';
import { AgencyChildRow } from './child-register.repository';

/** What the steps of one transaction hand on to each other. */
export interface Batch {
  db: Db;
  /** As received; `fresh`: those not stored before (none for review decisions). */
  events: PositionedEvent[];
  fresh: PositionedEvent[];
  children: Map<string, AgencyChildRow>;
  /** Agency children whose linkage keys changed, and those whose counted episodes may have. */
  keysChanged: number[];
  episodeChildren: number[];
  /** National children whose episodes are rebuilt. */
  affected: Set<number>;
  horizon: string | null;
  deltas: IncidenceDeltas;
  changes: NationalEpisodeChanges;
  cells: number;
}

/** A batch before its first step (review decisions run with no events). */
export function newBatch(db: Db, events: PositionedEvent[]): Batch {
  return {
    db,
    events,
    fresh: [],
    children: new Map(),
    keysChanged: [],
    episodeChildren: [],
    affected: new Set(),
    horizon: null,
    deltas: new IncidenceDeltas(),
    changes: { removed: [], inserted: [], kept: [] },
    cells: 0,
  };
}
