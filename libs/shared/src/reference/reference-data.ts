import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseCsv } from './csv';

export interface LocalAuthority {
  code: string;
  name: string;
  laNumber: string;
  regionCode: string;
  regionName: string;
}
export interface PoliceForce {
  code: string;
  name: string;
}
export interface Region {
  code: string;
  name: string;
}

/**
 * Reference geography, versioned by folder (codes change: Barnsley and Sheffield were recoded in
 * May 2025). The default version ships in libs/shared/reference/<version>; REFERENCE_DATA_DIR
 * points at another folder holding the same files.
 */
export const DEFAULT_REFERENCE_VERSION = '2025-05';

export class ReferenceData {
  readonly localAuthorities: ReadonlyMap<string, LocalAuthority>;
  readonly policeForces: ReadonlyMap<string, PoliceForce>;
  readonly regions: ReadonlyMap<string, Region>;

  /**
   * Children aged 0-17 per LA, when the optional `child_population.csv` (columns `new_la_code`,
   * `population_0_17`) is in the reference folder; empty otherwise (rates are then unavailable).
   */
  readonly childPopulation: ReadonlyMap<string, number>;

  constructor(
    readonly version: string,
    las: LocalAuthority[],
    forces: PoliceForce[],
    childPopulation: Map<string, number> = new Map(),
  ) {
    this.childPopulation = childPopulation;
    this.localAuthorities = new Map(las.map((la) => [la.code, la]));
    this.policeForces = new Map(forces.map((f) => [f.code, f]));
    this.regions = new Map(las.map((la) => [la.regionCode, { code: la.regionCode, name: la.regionName }]));
  }

  /** Children aged 0-17 in an LA, a region (E12) or England ('ALL'), or null when not loaded. */
  childPopulationOf(area: string): number | null {
    if (this.childPopulation.size === 0) return null;
    if (this.childPopulation.has(area)) return this.childPopulation.get(area)!;
    const las = [...this.localAuthorities.values()].filter((la) => area === 'ALL' || la.regionCode === area);
    if (las.length === 0 || las.some((la) => !this.childPopulation.has(la.code))) return null;
    return las.reduce((n, la) => n + this.childPopulation.get(la.code)!, 0);
  }

  static load(dir: string = defaultReferenceDir()): ReferenceData {
    const read = (file: string) => parseCsv(readFileSync(join(dir, file), 'utf8'));
    const regionNames = new Map(read('dfe_region_la_hierarchy.csv').map((r) => [r.region_code, r.region_name]));
    const las = read('england_upper_tier_las_current.csv').map((r) => ({
      code: r.new_la_code,
      name: r.la_name,
      laNumber: r.old_la_code,
      regionCode: r.region_code,
      regionName: regionNames.get(r.region_code) ?? r.region_code,
    }));
    const forces = read('dfe_police-force-areas.csv')
      .filter((r) => /^(E23|W15)\d{6}$/.test(r.pfa_code) && r.status === 'active')
      .map((r) => ({ code: r.pfa_code, name: r.pfa_name }));
    const populationFile = join(dir, 'child_population.csv');
    const population = existsSync(populationFile)
      ? new Map(
          parseCsv(readFileSync(populationFile, 'utf8'))
            .map((r) => [r.new_la_code, Number(r.population_0_17)] as [string, number])
            .filter(([, n]) => n > 0),
        )
      : new Map<string, number>();
    return new ReferenceData(dir.split(/[\\/]/).filter(Boolean).pop() ?? 'custom', las, forces, population);
  }
}

let configuredDir: string | undefined;
let cached: ReferenceData | undefined;

/**
 * The folder REFERENCE_DATA_DIR names (from the validated config: entry points call this before
 * the first use); unset or empty: the version shipped in libs/shared/reference.
 */
export function useReferenceDataDir(dir: string | undefined): void {
  configuredDir = dir || undefined;
  cached = undefined;
}

export function defaultReferenceDir(): string {
  if (configuredDir) return configuredDir;
  // The same code runs from source (tests) and from dist/: walk up to the folder holding libs/.
  for (let dir = __dirname; dir !== dirname(dir); dir = dirname(dir)) {
    const candidate = join(dir, 'libs/shared/reference', DEFAULT_REFERENCE_VERSION);
    if (existsSync(candidate)) return candidate;
  }
  throw new Error(`reference data ${DEFAULT_REFERENCE_VERSION} not found above ${__dirname}; set REFERENCE_DATA_DIR`);
}

/** The process-wide reference data, loaded once. */
export function referenceData(): ReferenceData {
  cached ??= ReferenceData.load();
  return cached;
}
