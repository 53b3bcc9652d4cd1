import { AgencyType } from '../contract/agency-event.v1';

/** The shape of each agency type's codes (the domain rules check an event's code against it). */
export const AGENCY_CODE_PATTERNS: Record<AgencyType, RegExp> = {
  POLICE: /^(E23|W15)\d{6}$/,
  LOCAL_AUTHORITY: /^E(06|08|09|10)\d{6}$/,
  SCHOOL: /^[1-9]\d{5}$/,
};

/** The agency type a code's shape implies (codes of the three types never overlap). */
export function agencyTypeOfCode(code: string): AgencyType | undefined {
  return (Object.keys(AGENCY_CODE_PATTERNS) as AgencyType[]).find((type) => AGENCY_CODE_PATTERNS[type].test(code));
}
