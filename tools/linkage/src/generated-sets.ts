import { stringify } from 'csv-stringify/sync';
import { formatDate, LinkageRecord, mulberry32, parseFieldMap, rowConverter } from '@mcm/linkage';
import { generateChildren } from './synthetic-children';
import { GeneratedTable, generatePersons } from './synthetic-persons';

/**
 * The generated evaluation families, as CSV-shaped tables: `children` (synthetic-children.ts
 * with ethnicity groups: agencies' records of children), `fake` and `historical`
 * (synthetic-persons.ts, an independent error model). The same table is written by
 * `linkage:generate` and read by `linkage:eval --dataset gen:<family>`, so both paths link the
 * same records.
 */
export const GENERATED_FAMILIES = ['children', 'fake', 'historical'] as const;
export type GeneratedFamily = (typeof GENERATED_FAMILIES)[number];

export const LABEL_COLUMNS = { cluster: 'cluster', sex: 'true_sex', group: 'ethnic_group' } as const;

/**
 * The rows in a seeded random order with fresh ids: generators emit a person's records one
 * after another, and a method whose ties fall back on file order would otherwise find them
 * neighbours for free.
 */
export function generateTable(family: GeneratedFamily, records: number, seed: number): GeneratedTable {
  const table = generateInOrder(family, records, seed);
  const rnd = mulberry32(seed ^ 0x5eed);
  const order = Array.from(table.rows, (_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  const idCol = table.header.indexOf(table.idColumn);
  const prefix = family === 'children' ? 'r' : family === 'historical' ? 'H' : '';
  const rows = order.map((from, k) => {
    const row = [...table.rows[from]];
    row[idCol] = `${prefix}${k}`;
    return row;
  });
  return { ...table, rows, truth: Int32Array.from(order, (from) => table.truth[from]) };
}

function generateInOrder(family: GeneratedFamily, records: number, seed: number): GeneratedTable {
  if (family !== 'children') return generatePersons({ shape: family, records, seed });
  const data = generateChildren({ records, seed, ethnicGroups: true });
  const header = ['id', 'given_name', 'family_name', 'dob', 'sex', 'postcode', 'nhs_number', 'upn', 'la_code', 'cluster', 'true_sex', 'ethnic_group'];
  const rows = data.records.map((r, i) => [
    r.id,
    r.givenName ?? '',
    r.familyName ?? '',
    r.dob ? formatDate(r.dob) : '',
    r.sex ?? '',
    r.postcode ?? '',
    r.nhsNumber ?? '',
    r.upn ?? '',
    r.laCode ?? '',
    String(data.truth[i]),
    data.sex[i],
    data.group[i],
  ]);
  return {
    header,
    rows,
    truth: data.truth,
    persons: data.children,
    idColumn: 'id',
    map: 'given_name=given_name,family_name=family_name,dob=dob,sex=sex,postcode=postcode,nhs_number=nhs_number,upn=upn,la_code=la_code',
  };
}

/** Records (through the same CSV field mapping the dedupe CLI uses) and labels of a generated table. */
export function tableRecords(table: GeneratedTable): { records: LinkageRecord[]; truth: string[]; sex: string[]; group: string[] } {
  const toRecord = rowConverter(table.header, table.idColumn, parseFieldMap(table.map));
  const col = (name: string) => table.header.indexOf(name);
  const [c, s, g] = [col(LABEL_COLUMNS.cluster), col(LABEL_COLUMNS.sex), col(LABEL_COLUMNS.group)];
  return {
    records: table.rows.map(toRecord),
    truth: table.rows.map((r) => r[c]),
    sex: table.rows.map((r) => r[s]),
    group: table.rows.map((r) => r[g]),
  };
}

export function toCsv(table: GeneratedTable): string {
  return stringify([table.header, ...table.rows]);
}
