import { MigrationInterface, QueryRunner } from 'typeorm';

/** The register of agencies allowed to publish, and each agency's own view of its rejections. */
export class AgencyRegister1795414000000 implements MigrationInterface {
  name = 'AgencyRegister1795414000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "agency" (
      "code" text PRIMARY KEY,
      "type" text NOT NULL CHECK ("type" IN ('POLICE', 'LOCAL_AUTHORITY', 'SCHOOL')),
      "name" text NOT NULL,
      "status" text NOT NULL CHECK ("status" IN ('ACTIVE', 'REVOKED')),
      "kafka_principal" text NOT NULL,
      "http_token_hash" bytea UNIQUE,
      "created_at" timestamptz NOT NULL DEFAULT now(),
      "revoked_at" timestamptz
    )`);
    await queryRunner.query(`CREATE TABLE "agency_rejection" (
      "id" bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      "agency_code" text NOT NULL,
      "source" text NOT NULL UNIQUE,
      "event_id" uuid,
      "rejected_at" timestamptz NOT NULL,
      "reasons" jsonb NOT NULL
    )`);
    await queryRunner.query(`CREATE INDEX "agency_rejection_agency_idx" ON "agency_rejection" ("agency_code", "id")`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "agency_rejection"`);
    await queryRunner.query(`DROP TABLE "agency"`);
  }
}
