import { CsvError, parse } from 'csv-parse/sync';

/** One data record of a CSV file, with the row a spreadsheet shows it on. */
export interface NumberedCsvRecord {
  /**
   * 1-based position of the record in the file, counted as a spreadsheet numbers rows: every
   * record counts, blank ones included, and a quoted field spanning lines is still one record.
   * When the header line is the first line it is row 1, so the first data row is row 2.
   */
  row: number;
  values: Record<string, string>;
}

export interface NumberedCsv {
  /** Column names from the header line (trimmed); empty when the file has no records. */
  columns: string[];
  /** Row of the header line (the first non-blank record); 0 when the file has no records. */
  headerRow: number;
  /** Data records, blank ones left out. */
  records: NumberedCsvRecord[];
}

/** A file that is not CSV (a quote never closed, ...): where, and the parser's code, never the text. */
export class UnreadableCsvError extends Error {
  constructor(
    readonly row: number,
    readonly code: string,
  ) {
    super(`not a readable CSV file at row ${row} (${code})`);
  }
}

/**
 * RFC 4180 (csv-parse: quoted fields, BOM, CRLF, LF or CR) keeping each record's row number.
 * Values and column names are trimmed; rows may be short or long.
 */
export function parseCsvWithRowNumbers(text: string): NumberedCsv {
  let records: string[][];
  try {
    records = parse(text, {
      bom: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      trim: true,
      record_delimiter: ['\r\n', '\n', '\r'],
    });
  } catch (error) {
    // The parser's message may quote the file: only its code and the row leave here.
    if (error instanceof CsvError) throw new UnreadableCsvError(Number((error as CsvError & { records?: number }).records ?? 0) + 1, error.code);
    throw error;
  }
  const rows = records.map((values, i) => ({ row: i + 1, values })).filter(({ values }) => values.some((v) => v !== ''));
  const [header, ...data] = rows;
  if (header === undefined) return { columns: [], headerRow: 0, records: [] };
  const columns = header.values;
  return {
    columns,
    headerRow: header.row,
    records: data.map(({ row, values }) => ({ row, values: Object.fromEntries(columns.map((name, i) => [name, values[i] ?? ''])) })),
  };
}

/** The records of a CSV file with a header line (the reference files, agencies' lists), keyed by column. */
export function parseCsv(text: string): Record<string, string>[] {
  return parseCsvWithRowNumbers(text).records.map((record) => record.values);
}
