import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Bulletins built only from complete data, and revisions for every published cell (issue 12):
 * - `bulletin.release_status`: provisional (built before every active agency had reported past
 *   the week and before the lateness allowance passed), final (the first build once the week was
 *   complete), revised (a later build of a week already published final). Bulletins published
 *   before count as final.
 * - `incidence_revision.dimension`, `category`: breakdown cells are revised too ('' for the
 *   weekly cells, which have neither).
 * - `published_cell`: what the bulletins published for each cell (cell-key values): the value
 *   published once the cell's week was complete (what `r` compares with), the latest value and
 *   the one before it (what a revisions section lists as "previously published"). Filled from the
 *   stored bulletins here.
 * - an index on `agency_activity (week_start)`: the release rule reads the recent weeks only.
 */
export class ReleaseStatusAndPublishedCells1795421000000 implements MigrationInterface {
  name = 'ReleaseStatusAndPublishedCells1795421000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "bulletin" ADD "release_status" text NOT NULL DEFAULT 'final'
      CONSTRAINT "bulletin_release_status_check" CHECK ("release_status" IN ('provisional', 'final', 'revised'))`);
    await queryRunner.query(`ALTER TABLE "incidence_revision" ADD "dimension" text NOT NULL DEFAULT '', ADD "category" text NOT NULL DEFAULT ''`);
    await queryRunner.query(`CREATE INDEX "incidence_revision_week_idx" ON "incidence_revision" ("week_start")`);
    await queryRunner.query(`CREATE INDEX "agency_activity_week_idx" ON "agency_activity" ("week_start")`);
    await queryRunner.query(`CREATE TABLE "published_cell" (
      "week_start" date NOT NULL, "setting" text NOT NULL, "area_code" text NOT NULL, "dimension" text NOT NULL, "category" text NOT NULL, "measure" text NOT NULL,
      "final_value" integer, "final_exact" integer, "final_at" TIMESTAMP WITH TIME ZONE,
      "last_value" integer NOT NULL, "last_bulletin_week" date NOT NULL, "prior_value" integer,
      CONSTRAINT "PK_published_cell" PRIMARY KEY ("week_start", "setting", "area_code", "dimension", "category", "measure"))`);
    // Cells published by the cell-key bulletins stored so far: their own week's areas and the
    // England trend, oldest publication first (final value) and latest (last value).
    await queryRunner.query(`
      WITH releases AS (SELECT week_start, revision, published_at, content FROM bulletin WHERE content ? 'disclosure'),
      published AS (
        SELECT r.week_start, a->>'setting' AS setting, CASE WHEN a->>'level' = 'National' THEN 'ALL' ELSE a->>'code' END AS area_code,
               m.measure, (a->>m.field)::int AS value, r.week_start AS bulletin_week, r.published_at, r.revision
          FROM releases r CROSS JOIN LATERAL jsonb_array_elements(r.content->'areas') a
         CROSS JOIN (VALUES ('children', 'children'), ('episodes_started', 'episodesStarted'), ('episodes_ended', 'episodesEnded'),
                            ('open_at_week_end', 'openAtWeekEnd')) AS m(measure, field)
         WHERE jsonb_typeof(a->m.field) = 'number'
        UNION ALL
        SELECT (t->>'weekCommencing')::date, t->>'setting', 'ALL', m.measure, (t->>m.field)::int, r.week_start, r.published_at, r.revision
          FROM releases r CROSS JOIN LATERAL jsonb_array_elements(r.content->'trend') t
         CROSS JOIN (VALUES ('children', 'children'), ('episodes_started', 'episodes')) AS m(measure, field)
         WHERE jsonb_typeof(t->m.field) = 'number'),
      ranked AS (
        SELECT p.*, row_number() OVER (PARTITION BY week_start, setting, area_code, measure ORDER BY published_at, revision) AS first_rank,
               row_number() OVER (PARTITION BY week_start, setting, area_code, measure ORDER BY published_at DESC, revision DESC) AS last_rank
          FROM published p)
      INSERT INTO published_cell (week_start, setting, area_code, dimension, category, measure, final_value, final_at, last_value, last_bulletin_week)
      SELECT f.week_start, f.setting, f.area_code, '', '', f.measure, f.value, f.published_at, l.value, l.bulletin_week
        FROM ranked f JOIN ranked l USING (week_start, setting, area_code, measure)
       WHERE f.first_rank = 1 AND l.last_rank = 1`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "published_cell"`);
    await queryRunner.query(`DROP INDEX "public"."agency_activity_week_idx"`);
    await queryRunner.query(`DROP INDEX "public"."incidence_revision_week_idx"`);
    await queryRunner.query(`ALTER TABLE "incidence_revision" DROP COLUMN "dimension", DROP COLUMN "category"`);
    await queryRunner.query(`ALTER TABLE "bulletin" DROP COLUMN "release_status"`);
  }
}
