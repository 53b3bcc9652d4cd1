/**
 * Canonical form of a person's name for linkage and display-free storage: diacritics removed,
 * upper case, runs of whitespace collapsed, hyphens and apostrophes kept as written.
 */
export function normaliseName(raw: string): string {
  return raw
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[\u2018\u2019`]/g, "'")
    .replace(/[\u2010-\u2015]/g, '-')
    .toUpperCase()
    .replace(/\s+/g, ' ')
    .replace(/\s*([-'])\s*/g, '$1')
    .trim();
}
