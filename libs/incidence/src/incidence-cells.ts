/** A row of the weekly incidence table: a week and a setting ('ALL' for every setting) in an area. */
export interface IncidenceCell {
  weekStart: string;
  setting: string;
  /** A local authority, a region (E12), or 'ALL' for England. */
  laCode: string;
}

/**
 * What a change adds to a cell's additive measures (negative when episodes are taken away), and
 * to the sums of their records' keys (the cell-key method; reduced modulo 2^32 where stored).
 */
export interface CellDelta extends IncidenceCell {
  children: number;
  started: number;
  ended: number;
  open: number;
  childrenKey: number;
  startedKey: number;
  endedKey: number;
  openKey: number;
}

export interface EpisodeWeeks {
  setting: string;
  laCode: string;
  regionCode: string;
  startWeek: string;
  endWeek: string | null;
  /** Record keys of the cell-key method (0 where a caller does not track them). */
  childKey?: number;
  episodeKey?: number;
}

const ALL = 'ALL';
const UNKNOWN_REGION = 'UNKNOWN';

/**
 * The change a batch makes to the weekly table, as sums of contributions. Episodes started,
 * ended and open at week end are additive, so each cell and every total above it (over settings,
 * up to the region and England) moves by the same amount. Distinct children are not additive
 * across cells: a child counts once in each cell, at every level, where any of its episodes
 * started, so they move by the cells a child enters or leaves (see addChildChange).
 */
export class IncidenceDeltas {
  /** Level-1 sums by setting and LA, then by week (as a day number: the loops stay numeric). */
  private readonly areas = new Map<string, { setting: string; laCode: string; regionCode: string; weeks: Map<number, Sums> }>();
  /** Children entering (+1) or leaving (-1) cells at every level, with their keys, by cell. */
  private readonly children = new Map<string, [number, number]>();

  /**
   * Adds (sign 1) or takes away (sign -1) everything an episode counts for: its start week, its
   * end week, and every week it is open at the end of, up to the horizon week.
   */
  addEpisode(e: EpisodeWeeks, horizonWeek: string | null, sign: 1 | -1): void {
    const weeks = this.weeksOf(e);
    const start = dayOf(e.startWeek);
    const key = sign * (e.episodeKey ?? 0);
    add(weeks, start, 0, sign, key);
    if (e.endWeek !== null) add(weeks, dayOf(e.endWeek), 1, sign, key);
    if (horizonWeek === null) return;
    const lastOpen = e.endWeek === null ? dayOf(horizonWeek) : Math.min(dayOf(e.endWeek) - 7, dayOf(horizonWeek));
    for (let day = start; day <= lastOpen; day += 7) add(weeks, day, 2, sign, key);
  }

  /** Adds episodes open at the end of a week (the weeks a horizon advance brings in), with their keys' sum. */
  addOpen(e: Omit<EpisodeWeeks, 'startWeek' | 'endWeek'>, weekStart: string, count: number, keySum = 0): void {
    add(this.weeksOf(e), dayOf(weekStart), 2, count, keySum);
  }

  /**
   * One child's episodes before and after a change: the child leaves the cells (at every level)
   * where none of its episodes starts any more, and enters those where one now starts.
   */
  addChildChange(before: readonly EpisodeWeeks[], after: readonly EpisodeWeeks[]): void {
    const was = startCellsOf(before);
    const is = startCellsOf(after);
    // One national child, one key (its episodes all carry it).
    const childKey = before[0]?.childKey ?? after[0]?.childKey ?? 0;
    const move = (cell: string, sign: 1 | -1) => {
      const sums = this.children.get(cell) ?? this.children.set(cell, [0, 0]).get(cell)!;
      sums[0] += sign;
      sums[1] += sign * childKey;
    };
    for (const key of was) if (!is.has(key)) move(key, -1);
    for (const key of is) if (!was.has(key)) move(key, 1);
  }

  /** Every cell that changes, at level 1 and in the totals above it (settings, region, England). */
  list(): CellDelta[] {
    const cells = new Map<string, CellDelta>();
    const cellOf = (weekStart: string, setting: string, laCode: string) => {
      const key = cellKey(weekStart, setting, laCode);
      return (
        cells.get(key) ??
        cells
          .set(key, {
            weekStart,
            setting,
            laCode,
            children: 0,
            started: 0,
            ended: 0,
            open: 0,
            childrenKey: 0,
            startedKey: 0,
            endedKey: 0,
            openKey: 0,
          })
          .get(key)!
      );
    };
    for (const { setting, laCode, regionCode, weeks } of this.areas.values()) {
      for (const [day, [started, ended, open, startedKey, endedKey, openKey]] of weeks) {
        const weekStart = weekOf(day);
        for (const [s, area] of levelsOf(setting, laCode, regionCode)) {
          const cell = cellOf(weekStart, s, area);
          cell.started += started;
          cell.ended += ended;
          cell.open += open;
          cell.startedKey += startedKey;
          cell.endedKey += endedKey;
          cell.openKey += openKey;
        }
      }
    }
    for (const [key, [change, keySum]] of this.children) {
      const [weekStart, setting, laCode] = key.split('|');
      const cell = cellOf(weekStart, setting, laCode);
      cell.children += change;
      cell.childrenKey += keySum;
    }
    // A cell whose counts cancel may still change records (and so its key): it stays.
    return [...cells.values()].filter(
      (c) =>
        c.children !== 0 ||
        c.started !== 0 ||
        c.ended !== 0 ||
        c.open !== 0 ||
        c.childrenKey % KEY_MODULUS !== 0 ||
        c.startedKey % KEY_MODULUS !== 0 ||
        c.endedKey % KEY_MODULUS !== 0 ||
        c.openKey % KEY_MODULUS !== 0,
    );
  }

  private weeksOf(e: Omit<EpisodeWeeks, 'startWeek' | 'endWeek'>): Map<number, Sums> {
    const key = `${e.setting}|${e.laCode}`;
    let area = this.areas.get(key);
    if (!area) this.areas.set(key, (area = { setting: e.setting, laCode: e.laCode, regionCode: e.regionCode, weeks: new Map() }));
    return area.weeks;
  }
}

/** Episodes started, ended, open at week end; then the sums of their record keys. */
type Sums = [number, number, number, number, number, number];

/** Record keys are below 2^32: sums stay exact in a double for far more than a batch's episodes. */
const KEY_MODULUS = 2 ** 32;

function add(weeks: Map<number, Sums>, day: number, measure: 0 | 1 | 2, amount: number, keySum: number): void {
  const sums = weeks.get(day) ?? weeks.set(day, [0, 0, 0, 0, 0, 0]).get(day)!;
  sums[measure] += amount;
  sums[measure + 3] += keySum;
}

const levels = new Map<string, [string, string][]>();

/** The cells an episode of (setting, LA, region) counts in: level 1 and every total above it. */
function levelsOf(setting: string, laCode: string, regionCode: string): [string, string][] {
  const key = `${setting}|${laCode}|${regionCode}`;
  let known = levels.get(key);
  if (!known) {
    const areas = regionCode === UNKNOWN_REGION ? [laCode, ALL] : [laCode, regionCode, ALL];
    levels.set(
      key,
      (known = areas.flatMap(
        (area) =>
          [
            [setting, area],
            [ALL, area],
          ] as [string, string][],
      )),
    );
  }
  return known;
}

const cellKey = (weekStart: string, setting: string, laCode: string) => `${weekStart}|${setting}|${laCode}`;

function startCellsOf(episodes: readonly EpisodeWeeks[]): Set<string> {
  const keys = new Set<string>();
  for (const e of episodes) for (const [s, area] of levelsOf(e.setting, e.laCode, e.regionCode)) keys.add(cellKey(e.startWeek, s, area));
  return keys;
}

const DAY_MS = 86_400_000;
const dayOf = (week: string) => Date.parse(`${week}T00:00:00Z`) / DAY_MS;
const weekOf = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);
