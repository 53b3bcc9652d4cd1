/**
 * The true figures a bulletin is assembled from (read by libs/persistence's
 * StatisticsFiguresRepository): never published as they are, only through the cell-key method.
 */
/** A weekly cell's true counts with their cell keys (sums of the records' keys mod 2^32). */
export interface IncidenceFigures {
  setting: string;
  area: string;
  children: number;
  started: number;
  ended: number;
  open: number;
  childrenKey: number;
  startedKey: number;
  endedKey: number;
  openKey: number;
}
export interface BreakdownFigures {
  /** Default 'ALL'. */ setting?: string;
  dimension: string;
  category: string;
  children: number;
  episodes: number;
  childrenKey: number;
  episodesKey: number;
}
/**
 * A published cell of an earlier week (weekly or breakdown) changed since the previous
 * publication: its true value and key now (to be perturbed, never published as they are) and the
 * value the bulletins last published for it (already perturbed), from published_cell.
 */
export interface RevisionFigures {
  weekStart: string;
  setting: string;
  area: string;
  measure: string;
  /** The breakdown's dimension and category; '' for the weekly table's cells. */
  dimension: string;
  category: string;
  value: number;
  key: number;
  previouslyPublished: number;
  changedAt: Date;
  reason: string;
}
