import { fromChildAttributes, LinkageModel, LinkageRecord, parseModel, serialiseModel, trainModel, TrainOptions } from '@mcm/linkage';
import { ChildIdentityRepository } from '@mcm/persistence';
import { ChildAttributes } from '@mcm/shared';
import { EntityManager } from 'typeorm';
import { MIN_TRAINING_RECORDS } from './linkage-defaults';
import { NameFrequencies, nameFrequencies } from './probabilistic-child-linker';

export { MIN_TRAINING_RECORDS } from './linkage-defaults';

type Db = Pick<EntityManager, 'query'>;

/** Stored linkage models (`linkage_model`); at most one is active. */
export class LinkageModelRepository {
  async active(db: Db): Promise<LinkageModel | null> {
    const rows: { model: unknown }[] = await db.query('SELECT model FROM linkage_model WHERE active');
    return rows.length ? parseModel(rows[0].model) : null;
  }

  /** Stores a model; with `activate`, it becomes the only active one (in one statement pair, call inside a transaction). */
  async save(db: Db, model: LinkageModel, activate: boolean): Promise<void> {
    if (activate) await db.query('UPDATE linkage_model SET active = false WHERE active');
    await db.query(
      `INSERT INTO linkage_model (model_id, active, model) VALUES ($1, $2, $3::jsonb)
       ON CONFLICT (model_id) DO UPDATE SET active = excluded.active, model = excluded.model`,
      [model.modelId, activate, serialiseModel(model)],
    );
  }
}

/**
 * The register's folded profiles. Personal data: kept in memory for training or counting only,
 * never logged.
 */
export function registerProfiles(db: Db, identities: ChildIdentityRepository): Promise<{ id: number; attributes: ChildAttributes }[]> {
  return identities.allProfiles(db);
}

export function registerRecords(profiles: readonly { id: number; attributes: ChildAttributes }[]): LinkageRecord[] {
  return profiles.map((p) => fromChildAttributes(String(p.id), p.attributes));
}

export async function registerNameFrequencies(db: Db, identities: ChildIdentityRepository): Promise<NameFrequencies> {
  return nameFrequencies((await registerProfiles(db, identities)).map((p) => p.attributes));
}

export interface TrainedFromRegister {
  model: LinkageModel;
  frequencies: NameFrequencies;
}

/**
 * Trains a model on the register's current profiles (no labels) and stores it, active. Returns
 * null when the register holds fewer than `minRecords` profiles.
 */
export async function trainFromRegister(
  db: Db, identities: ChildIdentityRepository, options: TrainOptions & { minRecords?: number; activate?: boolean } = {},
): Promise<TrainedFromRegister | null> {
  const profiles = await registerProfiles(db, identities);
  if (profiles.length < (options.minRecords ?? MIN_TRAINING_RECORDS)) return null;
  return trainOnProfiles(db, profiles, options);
}

/** Trains a model on profiles already read from the register and stores it (active unless told otherwise). */
export async function trainOnProfiles(
  db: Db, profiles: readonly { id: number; attributes: ChildAttributes }[], options: TrainOptions & { activate?: boolean } = {},
): Promise<TrainedFromRegister> {
  const model = trainModel(registerRecords(profiles), { source: 'register', ...options });
  await new LinkageModelRepository().save(db, model, options.activate ?? true);
  return { model, frequencies: nameFrequencies(profiles.map((p) => p.attributes)) };
}
