import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * ANALYZE needs the table's owner, and the aggregator does not own its tables: this function,
 * owned by the owner and run with its rights, refreshes the planner statistics of the tables the
 * set-based steps join on. Only the aggregator may call it (libs/persistence/src/access).
 */
export class AnalyzePipelineTables1795416000000 implements MigrationInterface {
  name = 'AnalyzePipelineTables1795416000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE FUNCTION analyze_pipeline_tables() RETURNS void
      LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog, public
      AS 'ANALYZE public.agency_child, public.child_link_key, public.agency_episode, public.national_episode, public.weekly_incidence'`);
    await queryRunner.query('REVOKE ALL ON FUNCTION analyze_pipeline_tables() FROM PUBLIC');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP FUNCTION analyze_pipeline_tables()');
  }
}
