import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Identity observations are an append-only record of what each event stated; nothing reads them
 * by agency child (profiles hold the folded identity; an erasure by agency child is a rare scan),
 * so that index only slowed every insert.
 */
export class ObservationsWriteOnly1795414000000 implements MigrationInterface {
  name = 'ObservationsWriteOnly1795414000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX IF EXISTS "child_identity_agency_child_idx"');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('CREATE INDEX "child_identity_agency_child_idx" ON "child_identity_observation" ("agency_code", "agency_child_ref")');
  }
}
