import { writeFileSync } from 'node:fs';
import { DeterministicChildLinker } from '@mcm/incidence';
import {
  fromChildAttributes,
  LinkageModel,
  nameFrequencies,
  NO_NAME_FREQUENCIES,
  ProbabilisticChildLinker,
  serialiseModel,
  SHIPPED_SOURCE_PREFIX,
  trainModel,
} from '@mcm/linkage';
import { SHIPPED_MODEL_SCENARIO, shippedLinkageModel } from '../../../apps/aggregator/src';
import { generateScenario } from '../../simulator/src/scenario';
import { SimulatedProfile, simulatedProfiles } from './simulated-profiles';

/**
 * The aggregator's shipped linkage model (apps/aggregator/src/linkage/shipped-linkage-model.json):
 *
 *   node dist/tools/shipped-linkage-model/src/main.js train [--out <file>]
 *     trains it on a simulated stream (SHIPPED_MODEL_SCENARIO: synthetic people only, a seed the
 *     demo does not use) and writes the model JSON (m/u probabilities, prior, thresholds,
 *     blocking rules; no records, no names).
 *   node dist/tools/shipped-linkage-model/src/main.js evaluate [--seed 1] [--children 3000] [--days 365]
 *     links another simulated stream's profiles in one closed set with the shipped model, a
 *     model trained on that stream itself (what the aggregator switches to once the register is
 *     large) and the deterministic rules, and prints children found against the truth.
 */
function profilesOf(seed: number, children: number, days: number, now: Date): SimulatedProfile[] {
  return simulatedProfiles(generateScenario({ seed, children, days, now }).events);
}

function train(out: string): void {
  const { seed, children, days, now } = SHIPPED_MODEL_SCENARIO;
  const profiles = profilesOf(seed, children, days, new Date(now));
  const model = trainModel(
    profiles.map((p, i) => fromChildAttributes(String(i), p.attributes)),
    {
      source: `${SHIPPED_SOURCE_PREFIX} simulator (seed ${seed}, ${children} children, ${days} days)`,
      now: new Date(now),
    },
  );
  writeFileSync(out, serialiseModel(model) + '\n');
  process.stdout.write(`model ${model.modelId}: ${profiles.length} simulated agency child profiles -> ${out}\n`);
}

function evaluate(seed: number, children: number, days: number): void {
  const profiles = profilesOf(seed, children, days, new Date());
  const truth = new Set(profiles.map((p) => p.trueChildId)).size;
  const records = profiles.map((p, i) => ({ id: i + 1, profile: p.attributes }));
  const frequencies = nameFrequencies(profiles.map((p) => p.attributes));
  const report = (label: string, clusters: number) =>
    process.stdout.write(`${label.padEnd(44)} ${clusters} children, truth ${truth} (${(((clusters - truth) / truth) * 100).toFixed(2)}%)\n`);
  const probabilistic = (model: LinkageModel, label: string) => {
    report(`${label}, register name frequencies`, new ProbabilisticChildLinker(model, frequencies).cluster(records).length);
    report(`${label}, no name frequencies`, new ProbabilisticChildLinker(model, NO_NAME_FREQUENCIES).cluster(records).length);
  };
  process.stdout.write(`${profiles.length} agency child profiles (seed ${seed}, ${children} children, ${days} days)\n`);
  report('deterministic', new DeterministicChildLinker().cluster(records).length);
  probabilistic(shippedLinkageModel(), `shipped ${shippedLinkageModel().modelId}`);
  probabilistic(
    trainModel(
      profiles.map((p, i) => fromChildAttributes(String(i), p.attributes)),
      { source: 'register' },
    ),
    'trained on this register',
  );
}

function main(): void {
  const [command, ...rest] = process.argv.slice(2);
  const option = (name: string, fallback: string) => {
    const i = rest.indexOf(`--${name}`);
    return i >= 0 && rest[i + 1] !== undefined ? rest[i + 1] : fallback;
  };
  if (command === 'train') train(option('out', 'apps/aggregator/src/linkage/shipped-linkage-model.json'));
  else if (command === 'evaluate') evaluate(Number(option('seed', '1')), Number(option('children', '3000')), Number(option('days', '365')));
  else {
    process.stderr.write('usage: shipped-linkage-model train [--out <file>] | evaluate [--seed N] [--children N] [--days N]\n');
    process.exit(2);
  }
}

if (require.main === module) main();
