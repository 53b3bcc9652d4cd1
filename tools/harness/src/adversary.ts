import { PTABLE_V1, PerturbationTable } from '@mcm/disclosure';

/**
 * The attacks of issue 10 ("Why") as code that sees only published figures, and how to score them
 * against the true figures. Shared by the adversary suite (test/disclosure-adversary.integration-spec.ts,
 * published figures from the running API as an analyst) and `npm run bench:disclosure` (published
 * figures as perturb(true, key) over ten years of history).
 *
 * A cell is named by what it counts, whichever query showed it: its period (a week's Monday, or a
 * month), the records' constraints, and the measure. `2026-07-06|la=E09000033&setting=CARE|episodesStarted`
 * is the same cell in /v1/incidence/weekly, in /v1/incidence (filtered or grouped), in CSV and in a
 * bulletin. Setting ALL and England add no constraint; an LA implies its region.
 */
export type Measure = 'children' | 'episodesStarted' | 'episodesEnded' | 'episodesOpenAtWeekEnd' | 'episodes';
export const WEEKLY_MEASURES = ['children', 'episodesStarted', 'episodesEnded', 'episodesOpenAtWeekEnd'] as const;
/** Measures that add up over disjoint sets of records (children are distinct counts: attacked anyway). */
export const ADDITIVE_MEASURES = ['episodesStarted', 'episodesEnded', 'episodesOpenAtWeekEnd'] as const;
export const SETTINGS = ['HOME', 'CARE', 'EDUCATION'] as const;

export function cellKey(period: string, constraints: Record<string, string | undefined>, measure: string): string {
  const c = { ...constraints };
  if (c.setting === 'ALL') delete c.setting;
  if (c.la === 'ALL') delete c.la;
  if (c.la) delete c.region;
  const parts = Object.keys(c)
    .filter((k) => c[k] !== undefined && c[k] !== '')
    .sort()
    .map((k) => `${k}=${c[k]}`);
  return `${period}|${parts.join('&')}|${measure}`;
}

/** The constraints of a weekly area: England none, a region (E12...) its region, else the LA (or UNKNOWN). */
export function areaConstraints(area: string): Record<string, string> {
  if (area === 'ALL') return {};
  return area.startsWith('E12') ? { region: area } : { la: area };
}

export const weeklyKey = (area: string, setting: string, week: string, measure: string) =>
  cellKey(week, { ...areaConstraints(area), setting }, measure);

/** Probability of each published value given the true value, under the public ptable. */
export function ptablePmf(value: number, table: PerturbationTable = PTABLE_V1): Map<number, number> {
  if (value === 0) return new Map([[0, 1]]);
  const s = table.smallestPublished;
  if (value < s)
    return new Map([
      [0, 1 - value / s],
      [s, value / s],
    ]);
  let row = table.noise[0];
  for (const candidate of table.noise) if (value >= candidate.from) row = candidate;
  return new Map(row.steps.map(([d, p]) => [value + d, p]));
}

/**
 * Weekly figures of England, its regions, UNKNOWN and LAs, by setting (ALL, HOME, CARE,
 * EDUCATION): `shown` is what the attacker sees (undefined when not shown: 'c' or refused),
 * `truth` what the statistician sees.
 */
export interface WeeklyTable {
  weeks: string[];
  /** Region code of every LA (UNKNOWN has none). */
  regionOf: Map<string, string>;
  shown(area: string, setting: string, week: string, measure: string): number | undefined;
  truth(area: string, setting: string, week: string, measure: string): number | undefined;
}

/** Scores one attack family: each derivation is an estimate of a cell; the cells it aims at that are truly 1-4 are its targets. */
export class FamilyScore {
  private readonly estimates = new Map<string, { sum: number; n: number; truth: number; own: number | undefined }>();

  constructor(
    readonly family: string,
    private readonly truthOf: (key: string) => number | undefined,
    private readonly shownOf: (key: string) => number | undefined,
  ) {}

  /** An estimate of a cell by the attack; estimates of one cell are averaged, as an attacker would. */
  estimate(key: string, value: number, truth = this.truthOf(key), own?: number): void {
    if (truth === undefined || truth < 1 || truth > 4 || !Number.isFinite(value)) return;
    const entry = this.estimates.get(key) ?? { sum: 0, n: 0, truth, own: own ?? this.shownOf(key) };
    entry.sum += value;
    entry.n += 1;
    this.estimates.set(key, entry);
  }

  /** Marks a cell targeted even though the attack could not derive it (a refused or withheld operand). */
  target(key: string, truth = this.truthOf(key), own?: number): void {
    if (truth === undefined || truth < 1 || truth > 4 || this.estimates.has(key)) return;
    this.estimates.set(key, { sum: Number.NaN, n: 0, truth, own: own ?? this.shownOf(key) });
  }

  result(prior: Prior): FamilyResult {
    let targeted = 0,
      recovered = 0,
      clamped = 0,
      guessed = 0;
    for (const e of this.estimates.values()) {
      targeted++;
      const estimate = e.n > 0 ? Math.round(e.sum / e.n) : Number.NaN;
      if (estimate === e.truth) recovered++;
      if (e.n > 0 && Math.min(4, Math.max(1, estimate)) === e.truth) clamped++;
      if (prior.guess(e.own) === e.truth) guessed++;
    }
    const rate = targeted ? recovered / targeted : 0;
    const baseline = targeted ? guessed / targeted : 0;
    return {
      family: this.family,
      targeted,
      recovered,
      rate,
      clampedRate: targeted ? clamped / targeted : 0,
      baseline,
      allowed: baseline + margin(baseline, targeted),
    };
  }
}

/**
 * `rate`: the attack's rounded estimate equals the true value; `clampedRate`: the same once the
 * estimate is moved into 1-4 (an attacker who also knows the cell is small); `baseline`: guessing
 * from the cell's own published value (see Prior); `allowed`: baseline plus a statistical margin.
 */
export interface FamilyResult {
  family: string;
  targeted: number;
  recovered: number;
  rate: number;
  clampedRate: number;
  baseline: number;
  allowed: number;
}

/** Two standard errors of the baseline over the targets, plus one percentage point. */
export const margin = (baseline: number, n: number) => (n ? 2 * Math.sqrt(Math.max(baseline * (1 - baseline), 0.01) / n) + 0.01 : 1);

/**
 * The guessing baseline: an attacker who knows a cell is small (1-4), knows how often small
 * cells are 1, 2, 3 or 4 (the prior), and reads the cell's own published value through the public
 * ptable, guesses the most likely true value. An attack that does no better has learnt nothing.
 */
export class Prior {
  private readonly weights: number[];

  constructor(
    smallTrueValues: Iterable<number>,
    private readonly table: PerturbationTable = PTABLE_V1,
  ) {
    const counts = [0, 0, 0, 0, 0];
    for (const v of smallTrueValues) if (v >= 1 && v <= 4) counts[v]++;
    const total = counts.reduce((a, b) => a + b, 0) || 1;
    this.weights = counts.map((c) => c / total);
  }

  guess(published: number | undefined): number {
    let best = 1,
      bestP = -1;
    for (let t = 1; t <= 4; t++) {
      const p = this.weights[t] * (published === undefined ? 1 : (ptablePmf(t, this.table).get(published) ?? 0));
      if (p > bestP) [best, bestP] = [t, p];
    }
    return best;
  }

  describe(): string {
    return this.weights
      .slice(1)
      .map((w, i) => `${i + 1}: ${(w * 100).toFixed(0)}%`)
      .join(', ');
  }
}

const sumOf = (values: (number | undefined)[]): number | undefined =>
  values.some((v) => v === undefined) ? undefined : (values as number[]).reduce((a, b) => a + b, 0);

/** Every (area, setting) series the table has, and the regions with their LAs. */
function geography(table: WeeklyTable): { regions: Map<string, string[]> } {
  const regions = new Map<string, string[]>();
  for (const [la, region] of table.regionOf) (regions.get(region) ?? regions.set(region, []).get(region)!).push(la);
  return { regions };
}

/**
 * (b) Geography: England − the other regions − UNKNOWN gives a region; a region − its other LAs
 * gives an LA. Every week, setting and measure.
 */
export function geographyAttack(table: WeeklyTable, score: FamilyScore, settings: readonly string[] = ['ALL', ...SETTINGS]): void {
  const { regions } = geography(table);
  const regionCodes = [...regions.keys()];
  for (const week of table.weeks) {
    for (const setting of settings) {
      for (const measure of WEEKLY_MEASURES) {
        const v = (area: string) => table.shown(area, setting, week, measure);
        const t = (area: string) => table.truth(area, setting, week, measure);
        const england = v('ALL');
        const regionValues = new Map(regionCodes.map((r) => [r, v(r)]));
        const unknown = v('UNKNOWN') ?? 0;
        for (const region of regionCodes) {
          const others = sumOf(regionCodes.filter((r) => r !== region).map((r) => regionValues.get(r)));
          const key = weeklyKey(region, setting, week, measure);
          if (england === undefined || others === undefined) score.target(key, t(region), regionValues.get(region));
          else score.estimate(key, england - others - unknown, t(region), regionValues.get(region));
          const las = regions.get(region)!;
          const laValues = las.map((la) => v(la));
          for (let i = 0; i < las.length; i++) {
            const laKey = weeklyKey(las[i], setting, week, measure);
            const regionValue = regionValues.get(region);
            const rest = sumOf(laValues.filter((_, j) => j !== i));
            if (regionValue === undefined || rest === undefined) score.target(laKey, t(las[i]), laValues[i]);
            else score.estimate(laKey, regionValue - rest, t(las[i]), laValues[i]);
          }
        }
      }
    }
  }
}

/** (a, weekly part) An area's all-settings figure − its other settings gives a setting. */
export function settingsAttack(table: WeeklyTable, score: FamilyScore, areas: string[]): void {
  for (const area of areas) {
    for (const week of table.weeks) {
      for (const measure of WEEKLY_MEASURES) {
        const all = table.shown(area, 'ALL', week, measure);
        const values = SETTINGS.map((s) => table.shown(area, s, week, measure));
        SETTINGS.forEach((setting, i) => {
          const key = weeklyKey(area, setting, week, measure);
          const rest = sumOf(values.filter((_, j) => j !== i));
          const truth = table.truth(area, setting, week, measure);
          if (all === undefined || rest === undefined) score.target(key, truth, values[i]);
          else score.estimate(key, all - rest, truth, values[i]);
        });
      }
    }
  }
}

/**
 * (c) The identity open(w) = open(w−1) + started(w) − ended(w), solved for each of its four
 * terms from the other three, every area and setting.
 */
export function weekIdentityAttack(
  table: WeeklyTable,
  score: FamilyScore,
  areas: string[],
  settings: readonly string[] = ['ALL', ...SETTINGS],
): void {
  for (const area of areas) {
    for (const setting of settings) {
      for (let i = 1; i < table.weeks.length; i++) {
        const [prev, week] = [table.weeks[i - 1], table.weeks[i]];
        const open0 = table.shown(area, setting, prev, 'episodesOpenAtWeekEnd');
        const open1 = table.shown(area, setting, week, 'episodesOpenAtWeekEnd');
        const started = table.shown(area, setting, week, 'episodesStarted');
        const ended = table.shown(area, setting, week, 'episodesEnded');
        const derive = (w: string, measure: Measure, own: number | undefined, others: (number | undefined)[], f: () => number) => {
          const key = weeklyKey(area, setting, w, measure);
          const truth = table.truth(area, setting, w, measure);
          if (others.some((o) => o === undefined)) score.target(key, truth, own);
          else score.estimate(key, f(), truth, own);
        };
        derive(week, 'episodesStarted', started, [open0, open1, ended], () => open1! - open0! + ended!);
        derive(week, 'episodesEnded', ended, [open0, open1, started], () => open0! + started! - open1!);
        derive(week, 'episodesOpenAtWeekEnd', open1, [open0, started, ended], () => open0! + started! - ended!);
        derive(prev, 'episodesOpenAtWeekEnd', open0, [open1, started, ended], () => open1! - started! + ended!);
      }
    }
  }
}

/** One answer of /v1/incidence: its filters, its groups and its rows (missing rows are zeros). */
export interface AdhocAnswer {
  filters: Record<string, string>;
  groupBy: string[];
  /** period (week's Monday or month) → group values → published value (undefined: 'c'). */
  rows: { period: string; groups: Record<string, string>; children?: number; episodesStarted?: number }[];
  refused: boolean;
}

/**
 * (a) Filters and groupings: a margin answer (grouped by G, or filtered) against a finer answer
 * (grouped by G and one more dimension d, same filters): each finer cell = its margin − the other
 * categories of d. `categories` lists d's public categories.
 */
export function marginAttack(margin: AdhocAnswer, finer: AdhocAnswer, dimension: string, categories: string[], score: FamilyScore): void {
  const periods = new Set([...margin.rows, ...finer.rows].map((r) => r.period));
  for (const measure of ['children', 'episodesStarted'] as const) {
    for (const period of periods) {
      const marginRows = new Map(
        margin.rows.filter((r) => r.period === period).map((r) => [JSON.stringify(pick(r.groups, margin.groupBy)), r[measure]]),
      );
      const finerRows = new Map(
        finer.rows.filter((r) => r.period === period).map((r) => [JSON.stringify(pick(r.groups, finer.groupBy)), r[measure]]),
      );
      // Every margin group the attacker saw (or whose finer cells it saw).
      const marginGroups = new Map<string, Record<string, string>>();
      for (const r of [...margin.rows, ...finer.rows].filter((x) => x.period === period)) {
        const g = pick(r.groups, margin.groupBy);
        marginGroups.set(JSON.stringify(g), g);
      }
      for (const [gKey, g] of marginGroups) {
        const total = margin.refused ? undefined : marginRows.has(gKey) ? marginRows.get(gKey) : 0;
        const cellValues = categories.map((c) => {
          const k = JSON.stringify(pick({ ...g, [dimension]: c }, finer.groupBy));
          return finer.refused ? undefined : finerRows.has(k) ? finerRows.get(k) : 0;
        });
        categories.forEach((c, i) => {
          const key = cellKey(period, { ...finer.filters, ...g, [dimension]: c }, measure);
          const rest = sumOf(cellValues.filter((_, j) => j !== i));
          if (total === undefined || rest === undefined) score.target(key, undefined, cellValues[i]);
          else score.estimate(key, total - rest, undefined, cellValues[i]);
        });
      }
    }
  }
}

function pick(groups: Record<string, string>, keys: string[]): Record<string, string> {
  return Object.fromEntries(keys.map((k) => [k, groups[k]]));
}

/** Everything an attacker saw, by cell: each observation with where it came from. */
export class Observations {
  readonly byCell = new Map<string, { value: number; source: string }[]>();
  withheld = 0;

  add(key: string, value: unknown, source: string): void {
    if (typeof value !== 'number') {
      if (value === 'c') this.withheld++;
      return;
    }
    (this.byCell.get(key) ?? this.byCell.set(key, []).get(key)!).push({ value, source });
  }

  first(key: string): number | undefined {
    return this.byCell.get(key)?.[0].value;
  }

  /** (e) Values 1-4 shown as themselves, and cells shown with different values by different queries. */
  smallShown(): { key: string; value: number; source: string }[] {
    return [...this.byCell].flatMap(([key, obs]) => obs.filter((o) => o.value >= 1 && o.value <= 4).map((o) => ({ key, ...o })));
  }

  inconsistent(): { key: string; values: { value: number; source: string }[] }[] {
    return [...this.byCell].filter(([, obs]) => new Set(obs.map((o) => o.value)).size > 1).map(([key, values]) => ({ key, values }));
  }

  /** Cells seen through at least two different sources. */
  multiplySeen(): number {
    return [...this.byCell.values()].filter((obs) => new Set(obs.map((o) => o.source)).size > 1).length;
  }
}

/** (e) Shown directly: each small true cell the attacker saw, estimated as the value shown. */
export function directAttack(observations: Observations, score: FamilyScore): void {
  for (const [key, obs] of observations.byCell) score.estimate(key, obs[0].value, undefined, obs[0].value);
}

/** (f) Averaging: every small true cell seen through more than one query, estimated as the mean of what each query showed. */
export function averagingAttack(observations: Observations, score: FamilyScore): void {
  for (const [key, obs] of observations.byCell) {
    if (new Set(obs.map((o) => o.source)).size < 2) continue;
    score.estimate(key, obs.reduce((s, o) => s + o.value, 0) / obs.length, undefined, obs[0].value);
  }
}

/** A fixed-width table of the families' results. */
export function formatResults(results: FamilyResult[]): string {
  const rows = [
    ['attack family', 'targeted', 'recovered', 'rate', 'rate if 1-4', 'baseline', 'allowed'],
    ...results.map((r) => [
      r.family,
      String(r.targeted),
      String(r.recovered),
      r.rate.toFixed(3),
      r.clampedRate.toFixed(3),
      r.baseline.toFixed(3),
      r.allowed.toFixed(3),
    ]),
  ];
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  return rows.map((r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ')).join('\n');
}
