import { canonicalUpn, ETHNICITY_CODES, isUnknownUpnCode, isValidUpn } from '@mcm/shared';
import { childReferenceProblem } from './child-reference';
import { parseDfeDate } from './dates';
import { readTable } from './table';
import { CellProblem, Ethnicity, MappedChild, Ssda903RowError } from './types';

const REQUIRED = ['CHILD', 'SEX', 'DOB', 'ETHNIC'] as const;
// UPN is optional as a column: a return without it simply sends no UPN.
const OPTIONAL = ['UPN'] as const;
type HeaderColumn = (typeof REQUIRED)[number] | (typeof OPTIONAL)[number];

const SEX_CODES: ReadonlyMap<string, MappedChild['sex']> = new Map([
  ['1', 'M'],
  ['2', 'F'],
]);
const ETHNICITIES: ReadonlyMap<string, Ethnicity> = new Map(ETHNICITY_CODES.map((code) => [code, code]));

/** What the Missing table finds when it looks a child up. */
export type HeaderEntry =
  { status: 'MAPPED'; row: number; child: MappedChild } | { status: 'INVALID'; row: number } | { status: 'DUPLICATED'; row: number };

export interface HeaderTable {
  /** Rows by CHILD. A file whose header line lacks a column gives fileUnusable and no children. */
  children: ReadonlyMap<string, HeaderEntry>;
  fileUnusable: boolean;
  errors: Ssda903RowError[];
}

export function mapHeaderTable(text: string, file: string): HeaderTable {
  const table = readTable<HeaderColumn>(text, file, REQUIRED, OPTIONAL);
  const children = new Map<string, HeaderEntry>();
  const errors: Ssda903RowError[] = [...table.errors];
  for (const { row, values } of table.rows) {
    const { child, problems } = mapHeaderRow(values);
    const earlier = children.get(values.CHILD);
    if (earlier !== undefined && values.CHILD !== '') {
      // Two rows for one child: which one holds the right details is unknowable, so neither is used.
      problems.push({ column: 'CHILD', reason: `CHILD is on more than one Header row (first on row ${earlier.row})` });
      children.set(values.CHILD, { status: 'DUPLICATED', row: earlier.row });
    } else if (values.CHILD !== '') {
      children.set(values.CHILD, child !== undefined ? { status: 'MAPPED', row, child } : { status: 'INVALID', row });
    }
    errors.push(...problems.map((p) => ({ file, row, ...p })));
  }
  return { children, fileUnusable: table.errors.length > 0, errors };
}

/** The row's child, or every problem that stops it being mapped. */
function mapHeaderRow(values: Record<HeaderColumn, string>): { child?: MappedChild; problems: CellProblem[] } {
  const problems: CellProblem[] = [];
  const check = (column: HeaderColumn, reason: string | null) => {
    if (reason !== null) problems.push({ column, reason });
  };
  check('CHILD', childReferenceProblem(values.CHILD));
  const sex = SEX_CODES.get(values.SEX);
  check('SEX', values.SEX === '' ? 'SEX is empty' : sex === undefined ? 'SEX is not 1 (male) or 2 (female)' : null);
  const dateOfBirth = parseDfeDate(values.DOB);
  check('DOB', values.DOB === '' ? 'DOB is empty' : dateOfBirth === null ? 'DOB is not a date in dd/mm/yyyy form' : null);
  const ethnicity = ETHNICITIES.get(values.ETHNIC.toUpperCase());
  check('ETHNIC', values.ETHNIC === '' ? 'ETHNIC is empty' : ethnicity === undefined ? 'ETHNIC is not a DfE ethnicity code' : null);
  const upn = canonicalUpn(values.UPN);
  check('UPN', upnProblem(upn));
  if (problems.length > 0 || sex === undefined || dateOfBirth === null || ethnicity === undefined) return { problems };
  return { child: { sex, dateOfBirth, ethnicity, ...(upn === '' ? {} : { upn }) }, problems };
}

function upnProblem(upn: string): string | null {
  if (upn === '' || isUnknownUpnCode(upn)) return null;
  if (!/^[A-Z0-9]{13}$/.test(upn)) return 'UPN is neither 13 letters and digits nor UN1-UN5';
  // Ingest rejects a bad check letter (UPN_CHECK_LETTER): better to say so here, with the row.
  return isValidUpn(upn) ? null : 'UPN fails the DfE check-letter test';
}
