import { withinOneEdit } from '../jaro-winkler';
import { Comparison, MISSING } from './comparison';

export const POSTCODE_LEVELS = ['exact', 'sector_or_one_edit', 'district', 'different'] as const;

/**
 * UK postcodes: full, sector ("SW1A 1"), district ("SW1A"). A value that is not a UK postcode
 * (e.g. an Australian 4-digit code) is compared exactly, then within one edit, then on its
 * first two characters.
 */
export const postcodeComparison: Comparison = {
  name: 'postcode',
  levels: POSTCODE_LEVELS,
  compare(s, a, b) {
    const x = s.postcode[a];
    const y = s.postcode[b];
    if (x < 0 || y < 0) return MISSING;
    if (x === y) return 0;
    if (s.pcUk[a] === 1 && s.pcUk[b] === 1) {
      if (s.pcSector[a] === s.pcSector[b]) return 1;
      return s.pcDistrict[a] === s.pcDistrict[b] ? 2 : 3;
    }
    if (withinOneEdit(s.postcodeText(x), s.postcodeText(y))) return 1;
    return s.pcDistrict[a] === s.pcDistrict[b] ? 2 : 3;
  },
  present: (s, a) => s.postcode[a] >= 0,
};
