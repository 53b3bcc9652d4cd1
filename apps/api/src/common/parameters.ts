import { BadRequestException } from '@nestjs/common';
import { weekCommencing, weekStartOfLabel } from '@mcm/shared';

/** The longest range a query may ask for, in weeks (ten years). */
export const MAX_WEEKS = 521;

/** A 400 in the problem-details shape, naming the parameter and what was expected. */
export function invalidParameter(path: string, message: string): BadRequestException {
  return new BadRequestException({ errors: [{ path, code: 'INVALID', message }] });
}

export function failParameter(path: string, message: string): never {
  throw invalidParameter(path, message);
}

/** Week commencing (Monday, London calendar) of an ISO week (2026-W47), a date or a month's first day. */
export function weekStartOf(value: string, path: string): string {
  if (value.includes('W')) return weekStartOfLabel(value) ?? failParameter(path, `${value} is not an ISO week`);
  const date = value.length === 7 ? `${value}-01` : value;
  const noon = new Date(`${date}T12:00:00Z`);
  if (Number.isNaN(noon.getTime()) || noon.toISOString().slice(0, 10) !== date) {
    failParameter(path, `${value} is not a ${value.length === 7 ? 'month' : 'calendar date'}`);
  }
  return weekCommencing(noon);
}
