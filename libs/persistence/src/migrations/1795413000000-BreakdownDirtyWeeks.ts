import { MigrationInterface, QueryRunner } from 'typeorm';

/** Weeks whose breakdowns must be recomputed: written by each batch, drained in the background. */
export class BreakdownDirtyWeeks1795413000000 implements MigrationInterface {
  name = 'BreakdownDirtyWeeks1795413000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "breakdown_dirty_week" ("week_start" date NOT NULL, CONSTRAINT "PK_breakdown_dirty_week" PRIMARY KEY ("week_start"))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "breakdown_dirty_week"`);
  }
}
