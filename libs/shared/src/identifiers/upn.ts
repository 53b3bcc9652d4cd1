/**
 * Unique pupil number: check letter + 3-digit LA number + 4-digit establishment + 2-digit year
 * + 3 characters (a temporary UPN ends in a letter). DfE check-letter algorithm.
 */
const CHECK_LETTERS = 'ABCDEFGHJKLMNPQRTUVWXYZ';
const UPN_SHAPE = /^[A-HJ-NP-RT-Z]\d{11}[0-9A-HJ-NP-RT-Z]$/;

export function canonicalUpn(raw: string): string {
  return raw.replace(/\s/g, '').toUpperCase();
}

export function upnCheckLetter(body: string): string {
  let sum = 0;
  for (let position = 2; position <= 13; position++) {
    const char = body[position - 2];
    const value = /\d/.test(char) ? Number(char) : CHECK_LETTERS.indexOf(char);
    sum += value * position;
  }
  return CHECK_LETTERS[sum % 23];
}

export function isValidUpn(raw: string): boolean {
  const upn = canonicalUpn(raw);
  if (!UPN_SHAPE.test(upn)) return false;
  return upnCheckLetter(upn.slice(1)) === upn[0];
}

/** DfE codes for an unknown UPN; they are not identifiers and never link records. */
export function isUnknownUpnCode(raw: string): boolean {
  return /^UN[1-5]$/.test(canonicalUpn(raw));
}
