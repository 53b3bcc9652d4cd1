import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Definitions that hold at the edges (docs/events.md): each agency episode keeps the LA stated for
 * the child at its start (`la_code`), and the end it was given without a reported return
 * (`implied_end_at`, `implied_end`: NEXT_EPISODE, an implied return counted per agency as a
 * data-quality measure, or AGED_18). Episodes stored before have neither until their national
 * child is next rebuilt; a replay from offset 0 into an empty database applies both everywhere.
 */
export class AgencyEpisodeLaAndImpliedEnds1795419000000 implements MigrationInterface {
  name = 'AgencyEpisodeLaAndImpliedEnds1795419000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "agency_episode" ADD "la_code" text, ADD "implied_end_at" timestamptz, ADD "implied_end" text`);
    await queryRunner.query(
      `CREATE INDEX "agency_episode_implied_return_idx" ON "agency_episode" ("agency_code", "implied_end_at") WHERE implied_end = 'NEXT_EPISODE'`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "agency_episode_implied_return_idx"`);
    await queryRunner.query(`ALTER TABLE "agency_episode" DROP COLUMN "implied_end", DROP COLUMN "implied_end_at", DROP COLUMN "la_code"`);
  }
}
