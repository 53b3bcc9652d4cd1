import { isBornAfter, isEighteenOrOverAt } from './age';
import { childReferenceProblem } from './child-reference';
import { londonMidnight, parseDfeDate } from './dates';
import { HeaderEntry } from './header-table';
import { readTable } from './table';
import { CareMissingType, CellProblem, MappedChild, MappedEpisode, Ssda903RowError } from './types';

const REQUIRED = ['CHILD', 'MISSING', 'MIS_START', 'MIS_END'] as const;
type MissingColumn = (typeof REQUIRED)[number];
type MissingRow = Record<MissingColumn, string>;

const MISSING_TYPES: ReadonlyMap<string, CareMissingType> = new Map([
  ['M', 'M'],
  ['A', 'A'],
]);

const HEADER_PROBLEM: Record<Exclude<HeaderEntry['status'], 'MAPPED'>, string> = {
  INVALID: "the child's Header row is invalid",
  DUPLICATED: "the child's Header row is invalid: the child has more than one",
};

export interface MissingTable {
  episodes: MappedEpisode[];
  errors: Ssda903RowError[];
}

/** Each valid Missing row as one episode; any other row gives its errors and imports nothing. */
export function mapMissingTable(text: string, file: string, children: ReadonlyMap<string, HeaderEntry>, importedAt: Date): MissingTable {
  const table = readTable<MissingColumn>(text, file, REQUIRED);
  const episodes: MappedEpisode[] = [];
  const errors: Ssda903RowError[] = [...table.errors];
  // One child cannot start two episodes on one day: the episode reference is built from the date.
  const firstRowOfEpisode = new Map<string, number>();
  for (const { row, values } of table.rows) {
    const problems: CellProblem[] = [];
    const check = (column: MissingColumn, reason: string | null) => {
      if (reason !== null) problems.push({ column, reason });
    };
    const child = findChild(values.CHILD, children, check);
    const missingType = MISSING_TYPES.get(values.MISSING.toUpperCase());
    check(
      'MISSING',
      values.MISSING === '' ? 'MISSING is empty' : missingType === undefined ? 'MISSING is not M (missing) or A (away without authorisation)' : null,
    );
    const dates = checkDates(values, child, importedAt, check);
    if (dates.start !== null && childReferenceProblem(values.CHILD) === null) {
      const key = JSON.stringify([values.CHILD, dates.start]);
      const first = firstRowOfEpisode.get(key);
      if (first === undefined) firstRowOfEpisode.set(key, row);
      else check('MIS_START', `another Missing row (row ${first}) has the same CHILD and MIS_START`);
    }
    if (problems.length === 0 && child !== undefined && missingType !== undefined && dates.start !== null && dates.end !== null) {
      episodes.push({ childRef: values.CHILD, child, missingType, start: dates.start, ...(dates.end === undefined ? {} : { end: dates.end }) });
    } else {
      errors.push(...problems.map((p) => ({ file, row, ...p })));
    }
  }
  return { episodes, errors };
}

type Check = (column: MissingColumn, reason: string | null) => void;

/** The mapped Header row of the row's CHILD, if it has a usable one. */
function findChild(childRef: string, children: ReadonlyMap<string, HeaderEntry>, check: Check): MappedChild | undefined {
  const referenceProblem = childReferenceProblem(childRef);
  if (referenceProblem !== null) {
    check('CHILD', referenceProblem);
    return undefined;
  }
  const header = children.get(childRef);
  if (header === undefined) check('CHILD', 'the child has no Header row');
  else if (header.status !== 'MAPPED') check('CHILD', HEADER_PROBLEM[header.status]);
  return header?.status === 'MAPPED' ? header.child : undefined;
}

/** MIS_START and MIS_END as YYYY-MM-DD (null: unusable; end undefined: still missing). */
function checkDates(
  values: MissingRow,
  child: MappedChild | undefined,
  importedAt: Date,
  check: Check,
): { start: string | null; end: string | null | undefined } {
  const start = parseDfeDate(values.MIS_START);
  check('MIS_START', values.MIS_START === '' ? 'MIS_START is empty' : start === null ? 'MIS_START is not a date in dd/mm/yyyy form' : null);
  const end = values.MIS_END === '' ? undefined : parseDfeDate(values.MIS_END);
  check('MIS_END', end === null ? 'MIS_END is not a date in dd/mm/yyyy form' : null);
  // reportedAt (the import time) must not be earlier than any occurredAt.
  const afterImport = (date: string) => londonMidnight(date).epochMs > importedAt.getTime();
  if (start !== null) check('MIS_START', afterImport(start) ? 'MIS_START is later than the import time' : null);
  if (typeof end === 'string') check('MIS_END', afterImport(end) ? 'MIS_END is later than the import time' : null);
  if (start !== null && typeof end === 'string') check('MIS_END', end < start ? 'MIS_END is before MIS_START' : null);
  if (start !== null && child !== undefined) {
    const startMs = londonMidnight(start).epochMs;
    check('MIS_START', isBornAfter(child.dateOfBirth, startMs) ? "MIS_START is before the child's DOB" : null);
    check('MIS_START', isEighteenOrOverAt(child.dateOfBirth, startMs) ? 'the child was 18 or over on MIS_START' : null);
  }
  return { start, end };
}
