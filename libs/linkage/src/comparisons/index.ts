import { RecordStore, TfField } from '../store';
import { Comparison } from './comparison';
import { dobComparison } from './date-of-birth';
import { familyNameComparison, givenNameComparison } from './names';
import { postcodeComparison } from './postcode';
import {
  addressComparison,
  cityComparison,
  emailComparison,
  fuzzyComparison,
  laComparison,
  nhsNumberComparison,
  sexComparison,
  upnComparison,
} from './strings';

export * from './comparison';
export { dobLevel, DOB_LEVELS } from './date-of-birth';
export { namesSwapped, GIVEN_NAME_LEVELS, FAMILY_NAME_LEVELS } from './names';
export { POSTCODE_LEVELS } from './postcode';
export { FUZZY_LEVELS } from './strings';

const BUILT_IN: readonly Comparison[] = [
  nhsNumberComparison,
  upnComparison,
  givenNameComparison,
  familyNameComparison,
  dobComparison,
  sexComparison,
  postcodeComparison,
  laComparison,
  emailComparison,
  cityComparison,
  addressComparison,
];

/** Resolves a comparison by name for a store (extras are `extra:<column>`). */
export function comparisonByName(store: RecordStore, name: string): Comparison | undefined {
  const builtIn = BUILT_IN.find((c) => c.name === name);
  if (builtIn) return builtIn;
  if (name.startsWith('extra:')) {
    const k = store.extraNames.indexOf(name.slice(6));
    if (k < 0) return undefined;
    return fuzzyComparison(name, (s) => s.extras[k], TfField.FirstExtra + k);
  }
  return undefined;
}

/**
 * The comparisons worth using on a store: every attribute present on at least `minPresent` of
 * the records (default 1%).
 */
export function comparisonsForStore(store: RecordStore, minPresent = 0.01): Comparison[] {
  const all = [...BUILT_IN, ...store.extraNames.map((n) => comparisonByName(store, `extra:${n}`) as Comparison)];
  const n = store.size;
  const step = Math.max(1, Math.floor(n / 20000));
  return all.filter((c) => {
    let seen = 0;
    let present = 0;
    for (let i = 0; i < n; i += step) {
      if (store.removed[i]) continue;
      seen++;
      if (c.present(store, i)) present++;
    }
    return seen > 0 && present / seen >= minPresent && present >= 2;
  });
}
