import { LinkageModel, parseModel, serialiseModel } from '@mcm/linkage';
import { Queryable } from '../agencies/agency-register.repository';

/** Stored linkage models (`linkage_model`); at most one is active. */
export class LinkageModelRepository {
  async active(db: Queryable): Promise<LinkageModel | null> {
    const rows: { model: unknown }[] = await db.query('SELECT model FROM linkage_model WHERE active');
    return rows.length ? parseModel(rows[0].model) : null;
  }

  /** Stores a model; with `activate`, it becomes the only active one (a statement pair: call inside a transaction). */
  async save(db: Queryable, model: LinkageModel, activate: boolean): Promise<void> {
    if (activate) await db.query('UPDATE linkage_model SET active = false WHERE active');
    await db.query(
      `INSERT INTO linkage_model (model_id, active, model) VALUES ($1, $2, $3::jsonb)
       ON CONFLICT (model_id) DO UPDATE SET active = excluded.active, model = excluded.model`,
      [model.modelId, activate, serialiseModel(model)],
    );
  }
}
