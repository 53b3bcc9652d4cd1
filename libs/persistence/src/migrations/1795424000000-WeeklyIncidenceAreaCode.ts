import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * weekly_incidence's `la_code` holds an area (a local authority, a region, UNKNOWN or 'ALL' for
 * England), as weekly_breakdown's, published_cell's and incidence_revision's `area_code` do: one
 * name for one thing. `la_code` stays where it is a local authority (agency_episode,
 * national_episode). The primary key and weekly_incidence_area_idx follow the column.
 */
export class WeeklyIncidenceAreaCode1795424000000 implements MigrationInterface {
  name = 'WeeklyIncidenceAreaCode1795424000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "weekly_incidence" RENAME COLUMN "la_code" TO "area_code"`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "weekly_incidence" RENAME COLUMN "area_code" TO "la_code"`);
  }
}
