import { ChildIdentityRepository } from '@mcm/persistence';
import { IdentityCipher } from '@mcm/shared';
import { ChildLinker, DeterministicChildLinker } from '@mcm/incidence';
import { LinkageModel } from '@mcm/linkage';
import { DataSource } from 'typeorm';
import { DEFAULT_RETRAIN_MIN_PROFILES } from './linkage-defaults';
import { LinkageModelRepository, registerProfiles, trainOnProfiles } from './linkage-model.repository';
import { LinkageReviewRepository, ReviewQueue } from './linkage-review.repository';
import { nameFrequencies, ProbabilisticChildLinker } from './probabilistic-child-linker';
import { isShippedModel, shippedLinkageModel } from './shipped-model';

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

export type ModelChoice = 'active' | 'shipped' | 'train';

/**
 * Which model the probabilistic linker starts with. An active model that was trained (from the
 * register, or by `npm run linkage:train`) is kept. Otherwise (no model, or a shipped one is
 * active) the register is trained on once it holds `retrainMinProfiles` profiles, and until then
 * the shipped model (trained on simulated records) links from the very first event.
 */
export function chooseModel(active: LinkageModel | null, profiles: number, retrainMinProfiles: number): ModelChoice {
  if (active && !isShippedModel(active)) return 'active';
  return profiles >= retrainMinProfiles ? 'train' : 'shipped';
}

/**
 * Picks the aggregator's linker at start-up, under the writer lock (concurrent instances neither
 * both train nor race on the active model). The model used is always the active row of
 * `linkage_model`, so `child_link_change.linker` and review pairs name a stored model.
 */
export async function selectLinker(
  dataSource: DataSource, cipher: IdentityCipher, choice: LinkerChoice, log: LinkerLog,
  options: { retrainMinProfiles?: number } = {},
): Promise<SelectedLinker> {
  if (choice === 'deterministic') {
    log.info('deterministic linker (LINKER=deterministic)');
    return { linker: new DeterministicChildLinker() };
  }
  const retrainMinProfiles = options.retrainMinProfiles ?? DEFAULT_RETRAIN_MIN_PROFILES;
  const models = new LinkageModelRepository();
  const identities = new ChildIdentityRepository(cipher);
  const { model, frequencies, message } = await dataSource.transaction(async (db) => {
    await db.query('SELECT pg_advisory_xact_lock(hashtext($1))', ['mcm.aggregator.writer']);
    const active = await models.active(db);
    // Personal data in memory only: for training and the register-wide name counts.
    const profiles = await registerProfiles(db, identities);
    const register = `register: ${profiles.length} agency child profiles`;
    switch (chooseModel(active, profiles.length, retrainMinProfiles)) {
      case 'active':
        return { model: active!, frequencies: nameFrequencies(profiles.map((p) => p.attributes)), message: `active model (${register})` };
      case 'train': {
        const trained = await trainOnProfiles(db, profiles);
        const replaced = active ? `, replacing ${active.modelId}; national children linked before keep their links until their records are re-clustered` : '';
        return { ...trained, message: `trained now on the ${register} and activated${replaced}` };
      }
      case 'shipped': {
        const shipped = shippedLinkageModel();
        if (active?.modelId !== shipped.modelId) await models.save(db, shipped, true);
        return {
          model: shipped, frequencies: nameFrequencies(profiles.map((p) => p.attributes)),
          message: `shipped model trained on simulated records (${register}; a model is trained from the register at the first start with at least ${retrainMinProfiles})`,
        };
      }
    }
  });
  log.info(`probabilistic linker with model ${model.modelId}: ${message}`);
  return { linker: new ProbabilisticChildLinker(model, frequencies), reviews: new LinkageReviewRepository() };
}
