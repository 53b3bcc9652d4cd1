import { ChildLinker, DeterministicChildLinker } from '@mcm/incidence';
import { chooseModel, nameFrequencies, ProbabilisticChildLinker, trainOnRegister } from '@mcm/linkage';
import { ChildIdentityRepository, Database, LinkageModelRepository, LinkageReviewRepository, ReviewQueue, underWriterLock } from '@mcm/persistence';
import { IdentityCipher } from '@mcm/shared';
import { DEFAULT_RETRAIN_MIN_PROFILES } from './linkage-defaults';
import { shippedLinkageModel } from './shipped-model';

export type LinkerChoice = 'deterministic' | 'probabilistic';

export { DEFAULT_RETRAIN_MIN_PROFILES } from './linkage-defaults';

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
 * Picks the aggregator's linker at start-up, under the writer lock (concurrent instances neither
 * both train nor race on the active model). The model used is always the active row of
 * `linkage_model`, so `child_link_change.linker` and review pairs name a stored model. Which
 * model: chooseModel (libs/linkage).
 */
export async function selectLinker(
  database: Database,
  cipher: IdentityCipher,
  choice: LinkerChoice,
  log: LinkerLog,
  options: { retrainMinProfiles?: number } = {},
): Promise<SelectedLinker> {
  if (choice === 'deterministic') {
    log.info('deterministic linker (LINKER=deterministic)');
    return { linker: new DeterministicChildLinker() };
  }
  const retrainMinProfiles = options.retrainMinProfiles ?? DEFAULT_RETRAIN_MIN_PROFILES;
  const models = new LinkageModelRepository();
  const identities = new ChildIdentityRepository(cipher);
  const { model, frequencies, message } = await underWriterLock(database, async (db) => {
    const active = await models.active(db);
    // Personal data in memory only: for training and the register-wide name counts.
    const profiles = await identities.allProfiles(db);
    const register = `register: ${profiles.length} agency child profiles`;
    switch (chooseModel(active, profiles.length, retrainMinProfiles)) {
      case 'active':
        return { model: active!, frequencies: nameFrequencies(profiles.map((p) => p.attributes)), message: `active model (${register})` };
      case 'train': {
        const trained = trainOnRegister(profiles);
        await models.save(db, trained.model, true);
        const replaced = active
          ? `, replacing ${active.modelId}; national children linked before keep their links until their records are re-clustered`
          : '';
        return { ...trained, message: `trained now on the ${register} and activated${replaced}` };
      }
      case 'shipped': {
        const shipped = shippedLinkageModel();
        if (active?.modelId !== shipped.modelId) await models.save(db, shipped, true);
        return {
          model: shipped,
          frequencies: nameFrequencies(profiles.map((p) => p.attributes)),
          message: `shipped model trained on simulated records (${register}; a model is trained from the register at the first start with at least ${retrainMinProfiles})`,
        };
      }
    }
  });
  log.info(`probabilistic linker with model ${model.modelId}: ${message}`);
  return { linker: new ProbabilisticChildLinker(model, frequencies), reviews: new LinkageReviewRepository() };
}
