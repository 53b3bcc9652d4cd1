import { AgencyEvent, ChildAttributes } from '@mcm/shared';

/** One local authority's SSDA903 return: the caller reads the files, this library only maps. */
export interface Ssda903Return {
  /** GSS code of the local authority (E06/E08/E09/E10 + 6 digits): the publishing agency and every child's responsible LA. */
  laCode: string;
  /** Text of the Header table (CSV with a header line; BOM and CRLF are fine). */
  headerCsv: string;
  /** Text of the Missing table. */
  missingCsv: string;
  /**
   * When this import runs: reportedAt of every event. Must be later than any earlier import of
   * the same LA, because corrections win by reportedAt.
   */
  importedAt: Date;
  /** Names used in errors; default 'header.csv' and 'missing.csv'. */
  headerFile?: string;
  missingFile?: string;
}

/** A row (or a whole file) that was not imported, and why. Never carries the offending value. */
export interface Ssda903RowError {
  file: string;
  /**
   * Row as a spreadsheet shows it: the header line is row 1 and the first data row is row 2;
   * blank lines count as rows and a quoted value spanning lines stays one row.
   */
  row: number;
  /** Column name as in the DfE specification (CHILD, SEX, DOB, ...). */
  column: string;
  /** Written for people; names the column and the rule, never the value (personal data). */
  reason: string;
}

export interface Ssda903Mapping {
  events: AgencyEvent[];
  errors: Ssda903RowError[];
}

export type Ethnicity = NonNullable<ChildAttributes['ethnicity']>;
export type CareMissingType = 'M' | 'A';

/** A child's Header row, mapped to contract values. */
export interface MappedChild {
  sex: 'M' | 'F';
  dateOfBirth: string;
  ethnicity: Ethnicity;
  upn?: string;
}

/** A Missing row, mapped and checked: one agency episode. Dates are YYYY-MM-DD. */
export interface MappedEpisode {
  childRef: string;
  child: MappedChild;
  missingType: CareMissingType;
  start: string;
  end?: string;
}

/** A problem found in one row, before the file name and row number are attached. */
export interface CellProblem {
  column: string;
  reason: string;
}
