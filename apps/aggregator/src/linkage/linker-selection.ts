import { ChildIdentityRepository } from '@mcm/persistence';
import { IdentityCipher } from '@mcm/shared';
import { ChildLinker, DeterministicChildLinker } from '@mcm/incidence';
import { DataSource } from 'typeorm';
import { LinkageModelRepository, MIN_TRAINING_RECORDS, registerNameFrequencies, trainFromRegister } from './linkage-model.repository';
import { LinkageReviewRepository, ReviewQueue } from './linkage-review.repository';
import { ProbabilisticChildLinker } from './probabilistic-child-linker';

export type LinkerChoice = 'deterministic' | 'probabilistic';

export interface SelectedLinker {
  linker: ChildLinker;
  /** Set for the probabilistic linker: the review queue it feeds and takes decisions from. */
  reviews?: ReviewQueue;
}

/** Only counts and model ids are logged, never attribute values. */
export interface LinkerLog {
  info(message: string): void;
  warn(message: string): void;
}

/**
 * Picks the aggregator's linker. `probabilistic`: the active model in `linkage_model`; if there
 * is none, one is trained from the register's current profiles and activated (under the writer
 * lock, so concurrent instances do not both train), or, when the register is too small to train
 * on, the deterministic linker is used and the log says so.
 */
export async function selectLinker(
  dataSource: DataSource, cipher: IdentityCipher, choice: LinkerChoice, log: LinkerLog, minRecords = MIN_TRAINING_RECORDS,
): Promise<SelectedLinker> {
  if (choice === 'deterministic') return { linker: new DeterministicChildLinker() };
  const models = new LinkageModelRepository();
  const identities = new ChildIdentityRepository(cipher);
  const selected = await dataSource.transaction(async (db) => {
    await db.query('SELECT pg_advisory_xact_lock(hashtext($1))', ['mcm.aggregator.writer']);
    const model = await models.active(db);
    if (model) return { model, frequencies: await registerNameFrequencies(db, identities), trained: false };
    const trained = await trainFromRegister(db, identities, { minRecords });
    return trained ? { ...trained, trained: true } : null;
  });
  if (!selected) {
    log.warn(`LINKER=probabilistic but no active linkage model and fewer than ${minRecords} agency child profiles to train one: ` +
      'falling back to the deterministic linker until a model is trained (npm run linkage:train -- --from-database) and the aggregator restarts');
    return { linker: new DeterministicChildLinker() };
  }
  const { model, frequencies, trained } = selected;
  log.info(`probabilistic linker with model ${model.modelId} (${trained ? `trained now on ${model.training.records} records and activated` : 'active model'})`);
  return { linker: new ProbabilisticChildLinker(model, frequencies), reviews: new LinkageReviewRepository() };
}
