import { jaroWinkler } from '../jaro-winkler';
import { RecordStore, TfField } from '../store';
import { Comparison, MISSING } from './comparison';

type Column = (s: RecordStore) => Int32Array | Float64Array;

/** Exact comparison of an identifier or code (validated NHS number, UPN, local authority). */
export function exactComparison(name: string, column: Column): Comparison {
  return {
    name,
    levels: ['exact', 'different'],
    compare(s, a, b) {
      const col = column(s);
      const x = col[a];
      const y = col[b];
      if (x < 0 || y < 0) return MISSING;
      return x === y ? 0 : 1;
    },
    present: (s, a) => column(s)[a] >= 0,
  };
}

export const FUZZY_LEVELS = ['exact', 'jaro_winkler_0.92', 'jaro_winkler_0.80', 'different'] as const;

/** Any string attribute: exact (frequency adjusted), then Jaro-Winkler bands. */
export function fuzzyComparison(name: string, column: Column, tfField: number): Comparison {
  return {
    name,
    levels: FUZZY_LEVELS,
    compare(s, a, b) {
      const col = column(s);
      const x = col[a];
      const y = col[b];
      if (x < 0 || y < 0) return MISSING;
      if (x === y) return 0;
      const jw = jaroWinkler(s.values.strings[x], s.values.strings[y]);
      return jw >= 0.92 ? 1 : jw >= 0.8 ? 2 : 3;
    },
    present: (s, a) => column(s)[a] >= 0,
    tfField,
    tfValue(s, a, b) {
      const col = column(s);
      return col[a] === col[b] ? col[a] : -1;
    },
  };
}

export const sexComparison: Comparison = {
  name: 'sex',
  levels: ['exact', 'different'],
  compare(s, a, b) {
    const x = s.sex[a];
    const y = s.sex[b];
    if (x === 0 || y === 0) return MISSING;
    return x === y ? 0 : 1;
  },
  present: (s, a) => s.sex[a] !== 0,
};

export const nhsNumberComparison = exactComparison('nhs_number', (s) => s.nhs);
export const upnComparison = exactComparison('upn', (s) => s.upn);
/**
 * Responsible local authority. It is derived from where the child lives, so when both records
 * have postcodes that agree at least on the district it adds nothing (and would count the same
 * evidence twice): it is then treated as missing. It counts when a postcode is missing or the
 * postcodes are in different districts (a move within the same authority).
 */
export const laComparison: Comparison = {
  name: 'la_code',
  levels: ['exact', 'different'],
  compare(s, a, b) {
    const x = s.la[a];
    const y = s.la[b];
    if (x < 0 || y < 0) return MISSING;
    const pa = s.pcDistrict[a];
    if (pa >= 0 && pa === s.pcDistrict[b]) return MISSING;
    return x === y ? 0 : 1;
  },
  present: (s, a) => s.la[a] >= 0,
};
export const emailComparison = fuzzyComparison('email', (s) => s.email, TfField.Email);
export const cityComparison = fuzzyComparison('city', (s) => s.city, TfField.City);
export const addressComparison = fuzzyComparison('address', (s) => s.address, TfField.Address);
