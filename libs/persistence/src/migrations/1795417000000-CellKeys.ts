import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The cell-key method of disclosure control (docs/STATISTICS.md): every national episode carries
 * its child's record key and its own (integers in [0, 2^32), derived by the aggregator from
 * DISCLOSURE_KEY_SEED), and every weekly cell the sums of its records' keys modulo 2^32. Rows
 * stored before get their keys from the aggregator at its next start (pipeline_state 'cell_keys').
 */
export class CellKeys1795417000000 implements MigrationInterface {
  name = 'CellKeys1795417000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "national_episode" ADD "child_key" bigint NOT NULL DEFAULT 0, ADD "episode_key" bigint NOT NULL DEFAULT 0`);
    await queryRunner.query(`ALTER TABLE "weekly_incidence" ADD "children_key" bigint NOT NULL DEFAULT 0, ADD "started_key" bigint NOT NULL DEFAULT 0,
      ADD "ended_key" bigint NOT NULL DEFAULT 0, ADD "open_key" bigint NOT NULL DEFAULT 0`);
    await queryRunner.query(
      `ALTER TABLE "weekly_breakdown" ADD "children_key" bigint NOT NULL DEFAULT 0, ADD "episodes_key" bigint NOT NULL DEFAULT 0`,
    );
    await queryRunner.query(
      `INSERT INTO pipeline_state (key, value) SELECT 'cell_keys', '{"backfilled": false}'::jsonb WHERE EXISTS (SELECT 1 FROM national_episode)`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM pipeline_state WHERE key = 'cell_keys'`);
    await queryRunner.query(`ALTER TABLE "weekly_breakdown" DROP COLUMN "children_key", DROP COLUMN "episodes_key"`);
    await queryRunner.query(
      `ALTER TABLE "weekly_incidence" DROP COLUMN "children_key", DROP COLUMN "started_key", DROP COLUMN "ended_key", DROP COLUMN "open_key"`,
    );
    await queryRunner.query(`ALTER TABLE "national_episode" DROP COLUMN "child_key", DROP COLUMN "episode_key"`);
  }
}
