import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An area's time series (the API's commonest query) reads one index range instead of every cell
 * of the weeks asked for; the counts are included so the table itself is not visited.
 */
export class WeeklyIncidenceAreaIndex1795412600000 implements MigrationInterface {
  name = 'WeeklyIncidenceAreaIndex1795412600000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "weekly_incidence_area_idx" ON "weekly_incidence" ("la_code", "setting", "week_start")
      INCLUDE ("children", "episodes_started", "episodes_ended", "open_at_week_end")`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."weekly_incidence_area_idx"`);
  }
}
