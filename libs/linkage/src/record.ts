import type { ChildAttributes } from '@mcm/shared';
import { parseDate, PartialDate } from './dates';

/**
 * One agency's view of a person, as the linkage library sees it. Every attribute is optional:
 * a blank is a missing value, never a disagreement. Identifiers are checked when records are
 * encoded (an invalid NHS number or an unknown-UPN code counts as missing).
 */
export interface LinkageRecord {
  /** Unique within a run or a register. */
  id: string;
  /** Which input or agency the record came from (informational; pairs within a source are still compared). */
  source?: string;
  givenName?: string;
  familyName?: string;
  /** Used when given and family names are not separated: first token is given, last is family. */
  fullName?: string;
  dob?: PartialDate;
  /** M, F or another code; U / unknown / blank mean missing. */
  sex?: string;
  postcode?: string;
  nhsNumber?: string;
  upn?: string;
  /** Responsible local authority (GSS code). */
  laCode?: string;
  email?: string;
  city?: string;
  address?: string;
  /** Any other attribute, compared as a string. */
  extras?: Record<string, string>;
}

export type { PartialDate } from './dates';

/** Builds a linkage record from the event contract's child attributes. */
export function fromChildAttributes(id: string, child: ChildAttributes, source?: string): LinkageRecord {
  const record: LinkageRecord = { id };
  if (source !== undefined) record.source = source;
  if (child.givenName) record.givenName = child.givenName;
  if (child.familyName) record.familyName = child.familyName;
  if (child.nhsNumber) record.nhsNumber = child.nhsNumber;
  if (child.upn) record.upn = child.upn;
  if (child.dateOfBirth) {
    const dob = parseDate(child.dateOfBirth);
    if (dob) record.dob = dob;
  }
  if (child.sex && child.sex !== 'U') record.sex = child.sex;
  if (child.homePostcode) record.postcode = child.homePostcode;
  if (child.responsibleLaCode) record.laCode = child.responsibleLaCode;
  return record;
}
