import { stringify } from 'csv-stringify/sync';
import { Ssda903Return } from '../types';

/** A small return written from the DfE SSDA903 column definitions, for the specs. */
export type Table = Record<string, string>[];

export const LA_CODE = 'E09000033';
export const IMPORTED_AT = new Date('2026-11-30T09:00:00Z');

// MOTHER and MC_DOB are real Header columns this import ignores.
export const HEADER: Table = [
  { CHILD: 'C1001', SEX: '2', DOB: '03/04/2011', ETHNIC: 'wbri', UPN: 'R801200101001', MOTHER: '', MC_DOB: '' },
  { CHILD: 'C1002', SEX: '1', DOB: '2009-11-21', ETHNIC: 'BAFR', UPN: '', MOTHER: '', MC_DOB: '' },
];

export const MISSING: Table = [
  // Summer (BST), closed.
  { CHILD: 'C1001', MISSING: 'M', MIS_START: '14/06/2026', MIS_END: '16/06/2026' },
  // Winter (GMT), still missing.
  { CHILD: 'C1001', MISSING: 'A', MIS_START: '10/01/2026', MIS_END: '' },
  // The day the clocks go forward: midnight is still GMT, the next midnight is BST.
  { CHILD: 'C1002', MISSING: 'a', MIS_START: '29/03/2026', MIS_END: '30/03/2026' },
];

/** RFC 4180 text with a BOM and CRLF, as spreadsheets save it. */
export function toCsv(table: Table): string {
  const columns = Object.keys(table[0]);
  return stringify([columns, ...table.map((row) => columns.map((c) => row[c] ?? ''))], { bom: true, record_delimiter: 'windows' });
}

/** A copy of the table with one data row (0-based) patched. */
export function patched(table: Table, index: number, patch: Record<string, string>): Table {
  return table.map((row, i) => (i === index ? { ...row, ...patch } : row));
}

export function aReturn(header: Table = HEADER, missing: Table = MISSING, importedAt: Date = IMPORTED_AT): Ssda903Return {
  return { laCode: LA_CODE, headerCsv: toCsv(header), missingCsv: toCsv(missing), importedAt, headerFile: 'Header.csv', missingFile: 'Missing.csv' };
}
