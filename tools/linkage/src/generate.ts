import { writeFileSync } from 'node:fs';
import { fail, parseArgs, required, single } from './args';
import { GENERATED_FAMILIES, GeneratedFamily, generateTable, toCsv } from './generated-sets';

/**
 * npm run linkage:generate -- --family children|fake|historical --records <n> [--seed <s>] --out <file.csv>
 * Writes a labelled evaluation set (columns cluster, true_sex, ethnic_group are labels) and
 * prints the --id and --map to give linkage:dedupe. Nothing large is committed: regenerate.
 */
function main(): void {
  const args = parseArgs(process.argv.slice(2));
  const family = required(args, 'family') as GeneratedFamily;
  if (!GENERATED_FAMILIES.includes(family)) fail(`unknown family "${family}"; known: ${GENERATED_FAMILIES.join(', ')}`);
  const records = Number(required(args, 'records'));
  if (!Number.isInteger(records) || records < 2) fail('--records must be an integer >= 2');
  const seed = Number(single(args, 'seed') ?? 1);
  const out = required(args, 'out');
  const table = generateTable(family, records, seed);
  writeFileSync(out, toCsv(table));
  process.stderr.write(`wrote ${out}: ${table.rows.length} records, ${table.persons} persons (family ${family}, seed ${seed})\n`);
  console.log(`--id ${table.idColumn} --map ${table.map}`);
}

try {
  main();
} catch (e) {
  fail((e as Error).message);
}
