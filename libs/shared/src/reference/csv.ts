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

/** Minimal RFC 4180 reader (quoted fields, BOM, CRLF) that keeps each record's row number. */
export function parseCsvWithRowNumbers(text: string): NumberedCsv {
  const rows: { row: number; values: string[] }[] = [];
  let field = '';
  let row: string[] = [];
  let rowNumber = 0;
  let quoted = false;
  const endRecord = () => {
    row.push(field); field = '';
    rowNumber++;
    if (row.some((v) => v !== '')) rows.push({ row: rowNumber, values: row });
    row = [];
  };
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (quoted) {
      if (c === '"' && body[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; }
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && body[i + 1] === '\n') i++;
      endRecord();
    } else field += c;
  }
  endRecord();
  const [header, ...data] = rows;
  if (header === undefined) return { columns: [], headerRow: 0, records: [] };
  const columns = header.values.map((name) => name.trim());
  return {
    columns,
    headerRow: header.row,
    records: data.map(({ row: n, values }) => ({ row: n, values: Object.fromEntries(columns.map((name, i) => [name, (values[i] ?? '').trim()])) })),
  };
}

/** Minimal RFC 4180 reader for the reference files (quoted fields, BOM, CRLF). */
export function parseCsv(text: string): Record<string, string>[] {
  return parseCsvWithRowNumbers(text).records.map((record) => record.values);
}
