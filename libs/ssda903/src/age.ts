import { eighteenthBirthday, latestBirthDate } from '@mcm/shared';

/**
 * The age rules ingest applies to every event against its occurredAt (BORN_AFTER_EVENT and
 * CHILD_NOT_UNDER_18), through the same functions, so that this library never produces an event
 * that ingest would dead-letter. Dates of birth here are full dates already checked.
 */
export function isBornAfter(dateOfBirth: string, epochMs: number): boolean {
  return latestBirthDate(dateOfBirth)!.getTime() > epochMs;
}

export function isEighteenOrOverAt(dateOfBirth: string, epochMs: number): boolean {
  return eighteenthBirthday(latestBirthDate(dateOfBirth)!).getTime() <= epochMs;
}
