/** NHS number Modulus 11 check (NHS Data Dictionary). Accepts 10 digits, optionally spaced 3-3-4. */
export function canonicalNhsNumber(raw: string): string {
  return raw.replace(/[\s-]/g, '');
}

export function isValidNhsNumber(raw: string): boolean {
  const digits = canonicalNhsNumber(raw);
  if (!/^\d{10}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(digits[i]) * (10 - i);
  const check = 11 - (sum % 11);
  if (check === 10) return false;
  return (check === 11 ? 0 : check) === Number(digits[9]);
}

/** Computes the check digit for 9 digits, or null when no valid NHS number has them. */
export function nhsCheckDigit(firstNine: string): number | null {
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(firstNine[i]) * (10 - i);
  const check = 11 - (sum % 11);
  if (check === 10) return null;
  return check === 11 ? 0 : check;
}
