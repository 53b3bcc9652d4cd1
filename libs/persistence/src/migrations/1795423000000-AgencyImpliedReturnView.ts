import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each agency's implied returns per London week, for the API's completeness view. The API may not
 * read agency_episode (episode references, children, dates): this view, owned by the owner, gives
 * it the counts alone (a view reads its tables with its owner's rights).
 */
export class AgencyImpliedReturnView1795423000000 implements MigrationInterface {
  name = 'AgencyImpliedReturnView1795423000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE VIEW agency_implied_return AS
      SELECT agency_code, date_trunc('week', implied_end_at AT TIME ZONE 'Europe/London')::date AS week_start, count(*)::int AS implied_returns
        FROM agency_episode WHERE implied_end = 'NEXT_EPISODE'
       GROUP BY 1, 2`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP VIEW agency_implied_return');
  }
}
