import { NumberedCsv, parseCsvWithRowNumbers, UnreadableCsvError } from '@mcm/shared';
import { Ssda903RowError } from './types';

export interface TableRow<C extends string> {
  row: number;
  values: Record<C, string>;
}

/**
 * The rows of one DfE table, keyed by the columns asked for (matched without regard to case;
 * other columns are ignored). A file without a required column imports nothing: the errors name
 * each missing column on the header line.
 */
export function readTable<C extends string>(
  text: string,
  file: string,
  required: readonly C[],
  optional: readonly C[] = [],
): { rows: TableRow<C>[]; errors: Ssda903RowError[] } {
  let table: NumberedCsv;
  try {
    table = parseCsvWithRowNumbers(text);
  } catch (error) {
    if (!(error instanceof UnreadableCsvError)) throw error;
    return { rows: [], errors: [{ file, row: error.row, column: '', reason: `the file is not readable CSV (${error.code}): nothing imported` }] };
  }
  if (table.columns.length === 0) return { rows: [], errors: [{ file, row: 1, column: '', reason: 'the file is empty: it has no header line' }] };
  const present = new Map(table.columns.map((name) => [name.toUpperCase(), name]));
  const missing = required.filter((column) => !present.has(column));
  if (missing.length > 0) {
    return { rows: [], errors: missing.map((column) => ({ file, row: table.headerRow, column, reason: `the header line has no ${column} column` })) };
  }
  const rows = table.records.map(({ row, values }) => {
    const pick = (column: C) => {
      const name = present.get(column);
      return [column, name === undefined ? '' : values[name]] as const;
    };
    return { row, values: Object.fromEntries([...required, ...optional].map(pick)) as Record<C, string> };
  });
  return { rows, errors: [] };
}
