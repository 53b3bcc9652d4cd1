import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseCsv } from './csv';

export interface LocalAuthority { code: string; name: string; laNumber: string; regionCode: string; regionName: string }
export interface PoliceForce { code: string; name: string }
export interface Region { code: string; name: string }

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

  constructor(readonly version: string, las: LocalAuthority[], forces: PoliceForce[]) {
    this.localAuthorities = new Map(las.map((la) => [la.code, la]));
    this.policeForces = new Map(forces.map((f) => [f.code, f]));
    this.regions = new Map(las.map((la) => [la.regionCode, { code: la.regionCode, name: la.regionName }]));
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
    return new ReferenceData(dir.split(/[\\/]/).filter(Boolean).pop() ?? 'custom', las, forces);
  }
}

export function defaultReferenceDir(): string {
  if (process.env.REFERENCE_DATA_DIR) return process.env.REFERENCE_DATA_DIR;
  // The same code runs from source (tests) and from dist/: walk up to the folder holding libs/.
  for (let dir = __dirname; dir !== dirname(dir); dir = dirname(dir)) {
    const candidate = join(dir, 'libs/shared/reference', DEFAULT_REFERENCE_VERSION);
    if (existsSync(candidate)) return candidate;
  }
  throw new Error(`reference data ${DEFAULT_REFERENCE_VERSION} not found above ${__dirname}; set REFERENCE_DATA_DIR`);
}

let cached: ReferenceData | undefined;
/** The process-wide reference data, loaded once. */
export function referenceData(): ReferenceData {
  cached ??= ReferenceData.load();
  return cached;
}
