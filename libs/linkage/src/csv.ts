import { parse } from 'csv-parse/sync';
import { parseDate } from './dates';
import { LinkageRecord } from './record';

/**
 * RFC 4180 CSV reader (csv-parse: quoted fields, doubled quotes, CRLF or LF, BOM, no final
 * newline). Space around a field is dropped, so FEBRL's "a, b" style (a space after each comma)
 * reads cleanly; blank lines are skipped.
 */
export function parseCsvRows(text: string): string[][] {
  return parse(text, {
    bom: true,
    trim: true,
    relax_column_count: true,
    skip_empty_lines: true,
    record_delimiter: ['\r\n', '\n', '\r'],
  }) as string[][];
}

export interface CsvTable {
  header: string[];
  rows: string[][];
}

export function parseCsv(text: string): CsvTable {
  const [header = [], ...rows] = parseCsvRows(text);
  return { header, rows };
}

export const MAPPABLE_FIELDS = [
  'given_name',
  'family_name',
  'full_name',
  'dob',
  'sex',
  'postcode',
  'nhs_number',
  'upn',
  'email',
  'city',
  'address',
  'la_code',
] as const;

export interface FieldMapping {
  /** A MAPPABLE_FIELDS name or `extra:<name>`. */
  field: string;
  /** Columns joined with a space (`address=street_number+address_1`). */
  columns: string[];
}

/** Parses `given_name=first,family_name=surname,extra:state=state,address=street_number+address_1`. */
export function parseFieldMap(spec: string): FieldMapping[] {
  return spec
    .split(',')
    .map((part) => part.trim())
    .filter((p) => p !== '')
    .map((part) => {
      const eq = part.indexOf('=');
      if (eq <= 0) throw new Error(`bad mapping "${part}": expected field=column`);
      const field = part.slice(0, eq).trim();
      const columns = part
        .slice(eq + 1)
        .split('+')
        .map((c) => c.trim())
        .filter((c) => c !== '');
      if (columns.length === 0) throw new Error(`bad mapping "${part}": no column`);
      if (!(MAPPABLE_FIELDS as readonly string[]).includes(field) && !/^extra:.+/.test(field)) {
        throw new Error(`unknown field "${field}"; use one of ${MAPPABLE_FIELDS.join(', ')} or extra:<name>`);
      }
      return { field, columns };
    });
}

/** Builds a column-index based converter from CSV rows to linkage records. */
export function rowConverter(
  header: readonly string[],
  idColumn: string,
  mapping: readonly FieldMapping[],
  options: { idPrefix?: string; source?: string } = {},
) {
  const col = (name: string) => {
    const k = header.indexOf(name);
    if (k < 0) throw new Error(`column "${name}" not found (have: ${header.join(', ')})`);
    return k;
  };
  const idIndex = col(idColumn);
  const fields = mapping.map((m) => ({ field: m.field, indexes: m.columns.map(col) }));
  const prefix = options.idPrefix ?? '';
  return (row: readonly string[]): LinkageRecord => {
    const record: LinkageRecord = { id: prefix + (row[idIndex] ?? '') };
    if (options.source !== undefined) record.source = options.source;
    for (const { field, indexes } of fields) {
      const value = indexes
        .map((k) => (row[k] ?? '').trim())
        .filter((v) => v !== '')
        .join(' ');
      if (value === '') continue;
      switch (field) {
        case 'given_name':
          record.givenName = value;
          break;
        case 'family_name':
          record.familyName = value;
          break;
        case 'full_name':
          record.fullName = value;
          break;
        case 'dob': {
          const d = parseDate(value);
          if (d) record.dob = d;
          break;
        }
        case 'sex':
          record.sex = value;
          break;
        case 'postcode':
          record.postcode = value;
          break;
        case 'nhs_number':
          record.nhsNumber = value;
          break;
        case 'upn':
          record.upn = value;
          break;
        case 'email':
          record.email = value;
          break;
        case 'city':
          record.city = value;
          break;
        case 'address':
          record.address = value;
          break;
        case 'la_code':
          record.laCode = value;
          break;
        default:
          (record.extras ??= {})[field.slice(6)] = value;
      }
    }
    return record;
  };
}
