import { normaliseName, normalisePostcode } from '@mcm/shared';
import { cosmeticName, cosmeticPostcode, typo } from './identity';
import { FAMILY_NAMES, GIVEN_NAMES_FEMALE, GIVEN_NAMES_MALE } from './pools';
import { Rng } from './rng';

const NAMES = [...GIVEN_NAMES_MALE, ...GIVEN_NAMES_FEMALE, ...FAMILY_NAMES];
const STYLES = [
  { case: 'as-is', stripDiacritics: false, curlyApostrophe: false, padding: false, spacedHyphen: false },
  { case: 'upper', stripDiacritics: true, curlyApostrophe: true, padding: true, spacedHyphen: true },
  { case: 'lower', stripDiacritics: true, curlyApostrophe: false, padding: true, spacedHyphen: false },
] as const;

describe('identity noise', () => {
  it('cosmetic name noise disappears on normalisation', () => {
    for (const name of NAMES) for (const style of STYLES) expect(normaliseName(cosmeticName(name, style))).toBe(normaliseName(name));
    expect(cosmeticName("Zoë O'Brien", STYLES[1])).toBe(' ZOE  O\u2019BRIEN ');
  });

  it('cosmetic postcode noise disappears on normalisation', () => {
    const rng = new Rng(1);
    for (let i = 0; i < 200; i++) expect(normalisePostcode(cosmeticPostcode(rng, 'SW1A 1AA'))).toBe('SW1A 1AA');
  });

  it('a typo survives normalisation', () => {
    const rng = new Rng(2);
    for (const name of NAMES) {
      const typed = typo(rng, name);
      expect(normaliseName(typed)).not.toBe(normaliseName(name));
    }
  });
});
