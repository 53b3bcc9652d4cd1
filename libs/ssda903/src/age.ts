/**
 * The age rules ingest applies to every event against its occurredAt (BORN_AFTER_EVENT and
 * CHILD_NOT_UNDER_18 in libs/shared/src/contract/domain-rules.ts), computed the same way so that
 * this library never produces an event that ingest would dead-letter.
 */
const utcMidnightMs = (date: string, yearsLater = 0) => {
  const [y, m, d] = date.split('-').map(Number);
  return Date.UTC(y + yearsLater, m - 1, d);
};

export function isBornAfter(dateOfBirth: string, epochMs: number): boolean {
  return utcMidnightMs(dateOfBirth) > epochMs;
}

export function isEighteenOrOverAt(dateOfBirth: string, epochMs: number): boolean {
  return utcMidnightMs(dateOfBirth, 18) <= epochMs;
}
