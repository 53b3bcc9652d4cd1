import { fromChildAttributes, LinkageModel, LinkageRecord, parseModel, serialiseModel, trainModel, TrainOptions } from '@mcm/linkage';
import { ChildAttributes } from '@mcm/shared';
import { EntityManager } from 'typeorm';
import { NameFrequencies, nameFrequencies } from './probabilistic-child-linker';

/** Fewer records than this and the aggregator does not train a model at start-up. */
export const MIN_TRAINING_RECORDS = 200;

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
export async function registerProfiles(db: Db): Promise<{ id: number; attributes: ChildAttributes }[]> {
  const rows: { agency_child_id: string; attributes: ChildAttributes }[] = await db.query(
    'SELECT agency_child_id, attributes FROM agency_child_profile ORDER BY agency_child_id',
  );
  return rows.map((r) => ({ id: Number(r.agency_child_id), attributes: r.attributes }));
}

export function registerRecords(profiles: readonly { id: number; attributes: ChildAttributes }[]): LinkageRecord[] {
  return profiles.map((p) => fromChildAttributes(String(p.id), p.attributes));
}

export async function registerNameFrequencies(db: Db): Promise<NameFrequencies> {
  return nameFrequencies((await registerProfiles(db)).map((p) => p.attributes));
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
  db: Db, options: TrainOptions & { minRecords?: number; activate?: boolean } = {},
): Promise<TrainedFromRegister | null> {
  const profiles = await registerProfiles(db);
  if (profiles.length < (options.minRecords ?? MIN_TRAINING_RECORDS)) return null;
  const model = trainModel(registerRecords(profiles), { source: 'register', ...options });
  await new LinkageModelRepository().save(db, model, options.activate ?? true);
  return { model, frequencies: nameFrequencies(profiles.map((p) => p.attributes)) };
}
