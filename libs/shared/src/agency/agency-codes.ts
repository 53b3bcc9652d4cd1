import { AgencyType } from '../contract/agency-event.v1';

/** The agency type a code's shape implies (codes of the three types never overlap). */
export function agencyTypeOfCode(code: string): AgencyType | undefined {
  if (/^(E23|W15)\d{6}$/.test(code)) return 'POLICE';
  if (/^E(06|08|09|10)\d{6}$/.test(code)) return 'LOCAL_AUTHORITY';
  if (/^[1-9]\d{5}$/.test(code)) return 'SCHOOL';
  return undefined;
}
