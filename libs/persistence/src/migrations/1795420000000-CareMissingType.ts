import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * CARE episodes by SSDA903 missing type (docs/STATISTICS.md, breakdowns): every CARE national
 * episode carries M, A or NOT_STATED (M when any of its care members records M, else A when one
 * records A); other settings carry none. Episodes stored before are typed here from their members
 * (the active agency episodes of the child that start within the national episode: national
 * episodes of a child never overlap), and every stored week's breakdowns are marked for
 * recomputation, which also brings the return-interview breakdown to HOME and CARE episodes only.
 */
/** Each stored CARE national episode's id and missing type, from its members (exported for a test against the aggregator's). */
export const CARE_TYPES_OF_STORED_EPISODES = `
  SELECT n.id, CASE WHEN bool_or(a.care_missing_type = 'M') THEN 'M' WHEN bool_or(a.care_missing_type = 'A') THEN 'A' ELSE 'NOT_STATED' END AS care_missing_type
    FROM national_episode n
    JOIN agency_child c ON c.national_child_id = n.national_child_id
    JOIN agency_episode a ON a.agency_child_id = c.id AND a.status = 'ACTIVE' AND a.setting = 'CARE'
                         AND a.started_at >= n.started_at AND (n.ended_at IS NULL OR a.started_at <= n.ended_at)
   WHERE n.setting = 'CARE' GROUP BY n.id`;

export class CareMissingType1795420000000 implements MigrationInterface {
  name = 'CareMissingType1795420000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "national_episode" ADD "care_missing_type" text`);
    await queryRunner.query(
      `UPDATE national_episode n SET care_missing_type = t.care_missing_type FROM (${CARE_TYPES_OF_STORED_EPISODES}) t WHERE n.id = t.id`,
    );
    await queryRunner.query(`UPDATE national_episode SET care_missing_type = 'NOT_STATED' WHERE setting = 'CARE' AND care_missing_type IS NULL`);
    await queryRunner.query(
      `INSERT INTO breakdown_dirty_week (week_start)
       SELECT start_week FROM national_episode UNION SELECT end_week FROM national_episode WHERE end_week IS NOT NULL ORDER BY 1
       ON CONFLICT DO NOTHING`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM weekly_breakdown WHERE dimension = 'care_missing_type'`);
    await queryRunner.query(`ALTER TABLE "national_episode" DROP COLUMN "care_missing_type"`);
  }
}
