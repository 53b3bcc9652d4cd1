import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';

/** Fields csv-stringify would not quote by itself but a reader could misread: leading or trailing spaces. */
const SPACE_AT_AN_END = /^\s|\s$/;

/**
 * RFC 4180 CSV (csv-stringify): fields holding a comma, a double quote, a line break or leading or
 * trailing spaces are quoted, with quotes doubled. Lines end with LF and the text ends with one.
 */
export function toCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  for (const row of rows) if (row.length !== header.length) throw new RangeError(`CSV row has ${row.length} fields for ${header.length} columns`);
  return stringify([header as string[], ...(rows as string[][])], { quoted_match: SPACE_AT_AN_END, quoted_empty: false });
}

/** Parses RFC 4180 CSV (csv-parse; used by the specs and by readers of our files). */
export function parseCsv(text: string): string[][] {
  return parse(text, { relax_column_count: true, record_delimiter: ['\r\n', '\n', '\r'] }) as string[][];
}
