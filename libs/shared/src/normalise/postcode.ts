/** UK postcode: outward code, one space, inward code (e.g. "SW1A 1AA"). */
const POSTCODE = /^([A-Z]{1,2}\d[A-Z\d]?)(\d[A-Z]{2})$/;

/** Returns the canonical postcode, or null when the input is not shaped like a UK postcode. */
export function normalisePostcode(raw: string): string | null {
  const compact = raw.toUpperCase().replace(/[^A-Z0-9]/g, '');
  const match = POSTCODE.exec(compact);
  return match ? `${match[1]} ${match[2]}` : null;
}

/** "SW1A 1AA" -> sector "SW1A 1", district "SW1A" (used by linkage comparisons). */
export function postcodeSector(canonical: string): string {
  return canonical.slice(0, canonical.length - 2);
}

export function postcodeDistrict(canonical: string): string {
  return canonical.split(' ')[0];
}
