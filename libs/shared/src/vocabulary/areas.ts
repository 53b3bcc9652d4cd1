/**
 * The areas a statistic is for. The weekly tables and the API key a cell by its area code
 * (`area_code` / `areaCode`): England, a region (E12) or a local authority (E06/E08/E09/E10 GSS
 * code), or UNKNOWN for episodes whose local authority is not known. `la_code` / `laCode` is kept
 * for what really is a local authority: an event's or an episode's.
 */
export const AREA_KINDS = ['ENGLAND', 'REGION', 'LOCAL_AUTHORITY', 'UNKNOWN'] as const;
export type AreaKind = (typeof AREA_KINDS)[number];
/** The kind of area as EES writes it in `geographic_level` (and the bulletin's `level`). */
export const AREA_KIND_LABEL = {
  ENGLAND: 'National',
  REGION: 'Regional',
  LOCAL_AUTHORITY: 'Local authority',
  UNKNOWN: 'Not available',
} as const satisfies Record<AreaKind, string>;
export type AreaLevel = (typeof AREA_KIND_LABEL)[Exclude<AreaKind, 'UNKNOWN'>];

export const ENGLAND = { code: 'E92000001', name: 'England' } as const;
/** England's area code in the weekly tables and the API ('ALL' areas). */
export const ENGLAND_AREA_CODE = 'ALL' as const;
/** The area of episodes whose local authority (hence region) is not known. */
export const UNKNOWN_AREA_CODE = 'UNKNOWN' as const;

const REGION = /^E12\d{6}$/;
const LOCAL_AUTHORITY = /^E(06|08|09|10)\d{6}$/;

export function areaKindOf(areaCode: string): AreaKind | null {
  if (areaCode === ENGLAND_AREA_CODE || areaCode === ENGLAND.code) return 'ENGLAND';
  if (areaCode === UNKNOWN_AREA_CODE) return 'UNKNOWN';
  if (REGION.test(areaCode)) return 'REGION';
  if (LOCAL_AUTHORITY.test(areaCode)) return 'LOCAL_AUTHORITY';
  return null;
}
