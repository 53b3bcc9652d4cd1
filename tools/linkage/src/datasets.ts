import { existsSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { FieldMapping, LinkageRecord, parseCsv, parseFieldMap, rowConverter } from '@mcm/linkage';
import { generateChildren } from './synthetic-children';
import { GENERATED_FAMILIES, GeneratedFamily, generateTable, tableRecords } from './generated-sets';

/** Where the evaluation CSVs live: --data-dir (or LINKAGE_DATA_DIR, passed by the CLI), else ../shared/data/linkage from the repository root. */
export function dataDir(explicit?: string): string {
  if (explicit) return resolve(explicit);
  return resolve(process.cwd(), '..', 'shared', 'data', 'linkage');
}

export interface CsvInput {
  file: string;
  id: string;
  mapping: FieldMapping[];
}

/** Reads one or more CSV inputs into records; with several inputs ids are prefixed with the file name. */
export function readInputs(inputs: readonly CsvInput[], onRow?: (row: string[], header: string[], record: LinkageRecord) => void): LinkageRecord[] {
  const records: LinkageRecord[] = [];
  for (const input of inputs) {
    const table = parseCsv(readFileSync(input.file, 'utf8'));
    const name = basename(input.file).replace(/\.csv$/i, '');
    const toRecord = rowConverter(table.header, input.id, input.mapping, inputs.length > 1 ? { idPrefix: `${name}:`, source: name } : {});
    for (const row of table.rows) {
      const r = toRecord(row);
      records.push(r);
      onRow?.(row, table.header, r);
    }
  }
  return records;
}

export interface LabelledDataset {
  name: string;
  records: LinkageRecord[];
  truth: string[];
  description: string;
  /** Label columns to report quality by (generated sets: true sex and ethnicity group of each record's person). */
  groups?: Record<string, string[]>;
}

const FEBRL_MAP =
  'given_name=given_name,family_name=surname,address=street_number+address_1,extra:address_2=address_2,extra:suburb=suburb,postcode=postcode,extra:state=state,dob=date_of_birth,extra:soc_sec_id=soc_sec_id';
const DIRTY_MAP =
  'given_name=given_name,family_name=surname,address=street_number+address_1,extra:address_2=address_2,extra:suburb=suburb,postcode=postcode,extra:state=state,dob=date_of_birth,extra:phone_number=phone_number';

const febrlEntity = (id: string) => /^rec-(\d+)-/.exec(id)?.[1] ?? id;

interface DatasetSpec {
  files: string[];
  id: string;
  map: string;
  truth: (row: Record<string, string>, fileIndex: number) => string;
  description: string;
}

const SPECS: Record<string, DatasetSpec> = {
  fake_1000: {
    files: ['fake_1000.csv'],
    id: 'unique_id',
    map: 'given_name=first_name,family_name=surname,dob=dob,city=city,email=email',
    truth: (r) => r.cluster,
    description: 'splink fake_1000 (1,000 records, 251 clusters)',
  },
  febrl1: {
    files: ['febrl_dataset1.csv'],
    id: 'rec_id',
    map: FEBRL_MAP,
    truth: (r) => febrlEntity(r.rec_id),
    description: 'FEBRL dataset 1 (1,000 records)',
  },
  febrl3: {
    files: ['febrl_dataset3.csv'],
    id: 'rec_id',
    map: FEBRL_MAP,
    truth: (r) => febrlEntity(r.rec_id),
    description: 'FEBRL dataset 3 (5,000 records)',
  },
  febrl4: {
    files: ['febrl_dataset4a.csv', 'febrl_dataset4b.csv'],
    id: 'rec_id',
    map: FEBRL_MAP,
    truth: (r) => febrlEntity(r.rec_id),
    description: 'FEBRL 4a + 4b as two sources (5,000 + 5,000)',
  },
  dirty_1000_50: {
    files: ['dirty_1000_50_1.csv', 'dirty_1000_50_2.csv'],
    id: 'rec_id',
    map: DIRTY_MAP,
    truth: (r) => r.rec_id,
    description: 'clkhash dirty_1000_50 pair (1,000 + 1,000, 500 shared)',
  },
};

export const DATASET_NAMES = [...Object.keys(SPECS), 'children', ...GENERATED_FAMILIES.map((f) => `gen:${f}`)];

export function loadDataset(name: string, dir: string, options: { childrenRecords?: number; seed?: number } = {}): LabelledDataset {
  if (name.startsWith('gen:') && GENERATED_FAMILIES.includes(name.slice(4) as GeneratedFamily)) {
    const n = options.childrenRecords ?? 20_000;
    const seed = options.seed ?? 1;
    const table = generateTable(name.slice(4) as GeneratedFamily, n, seed);
    const data = tableRecords(table);
    return {
      name,
      records: data.records,
      truth: data.truth,
      groups: { sex: data.sex, ethnic_group: data.group },
      description: `generated ${name.slice(4)} (${n.toLocaleString('en-GB')} records, ${table.persons.toLocaleString('en-GB')} persons; seed ${seed})`,
    };
  }
  if (name === 'children') {
    const n = options.childrenRecords ?? 10_000;
    const data = generateChildren({ records: n, seed: options.seed ?? 7 });
    return {
      name,
      records: data.records,
      truth: Array.from(data.truth, String),
      description: `synthetic children (${n.toLocaleString('en-GB')} records, ${data.children.toLocaleString('en-GB')} children; seed ${options.seed ?? 7})`,
    };
  }
  const spec = SPECS[name];
  if (!spec) throw new Error(`unknown dataset "${name}"; known: ${DATASET_NAMES.join(', ')}`);
  const truth: string[] = [];
  const inputs = spec.files.map((f) => {
    const file = join(dir, f);
    if (!existsSync(file)) throw new Error(`dataset file not found: ${file} (set --data-dir or LINKAGE_DATA_DIR)`);
    return { file, id: spec.id, mapping: parseFieldMap(spec.map) };
  });
  let fileIndex = -1;
  let lastHeader: string[] | undefined;
  const records = readInputs(inputs, (row, header) => {
    if (header !== lastHeader) {
      lastHeader = header;
      fileIndex++;
    }
    const obj: Record<string, string> = {};
    header.forEach((h, k) => (obj[h] = row[k] ?? ''));
    truth.push(spec.truth(obj, fileIndex));
  });
  return { name, records, truth, description: spec.description };
}
