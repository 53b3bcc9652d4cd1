import { ChildAttributes, identityCipherFor, IdentityCipher, SEAL_CONTEXT, sealChild } from '@mcm/shared';
import { MigrationInterface, QueryRunner } from 'typeorm';
import { migrationSettings } from '../migration-settings';

const PAGE = 2_000;

/**
 * Children's identities sealed at rest (AES-256-GCM, key id beside each ciphertext): the clear
 * `attributes` JSONB of both identity tables is replaced by `key_id` + `sealed`. Rows already
 * stored are sealed here, with the keyring the services use (IDENTITY_KEYS / IDENTITY_KEYS_FILE of
 * the migration runner's config: MigrationSettings);
 * an empty database needs no key.
 */
export class SealedChildIdentity1795415000000 implements MigrationInterface {
  name = 'SealedChildIdentity1795415000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['child_identity_observation', 'agency_child_profile']) {
      await queryRunner.query(`ALTER TABLE "${table}" ADD "key_id" text, ADD "sealed" bytea`);
    }
    let cipher: IdentityCipher | undefined;
    const cipherOnce = () => (cipher ??= identityCipherFor(migrationSettings().identityKeys ?? {}));
    await sealExisting(queryRunner, 'child_identity_observation', 'event_id', 'uuid', SEAL_CONTEXT.observation, cipherOnce);
    await sealExisting(queryRunner, 'agency_child_profile', 'agency_child_id', 'bigint', SEAL_CONTEXT.profile, cipherOnce);
    for (const table of ['child_identity_observation', 'agency_child_profile']) {
      await queryRunner.query(`ALTER TABLE "${table}" DROP COLUMN "attributes", ALTER "key_id" SET NOT NULL, ALTER "sealed" SET NOT NULL`);
    }
  }

  public async down(): Promise<void> {
    // Unsealing every child's identity back into clear columns is not something to do by accident.
    throw new Error('SealedChildIdentity cannot be reverted: identities are not written back in clear');
  }
}

async function sealExisting(
  queryRunner: QueryRunner,
  table: string,
  key: string,
  keyType: string,
  context: (id: string) => string,
  cipher: () => IdentityCipher,
): Promise<void> {
  let after: string | null = null;
  for (;;) {
    const rows: { id: string; attributes: ChildAttributes }[] = await queryRunner.query(
      `SELECT ${key}::text AS id, attributes FROM "${table}" WHERE $1::text IS NULL OR ${key} > $1::${keyType} ORDER BY ${key} LIMIT ${PAGE}`,
      [after],
    );
    if (rows.length === 0) return;
    const sealed = rows.map((r) => sealChild(cipher(), r.attributes, context(r.id)));
    await queryRunner.query(
      `UPDATE "${table}" t SET key_id = n.key_id, sealed = n.sealed
         FROM unnest($1::${keyType}[], $2::text[], $3::bytea[]) AS n(id, key_id, sealed) WHERE t.${key} = n.id`,
      [rows.map((r) => r.id), sealed.map((s) => s.keyId), sealed.map((s) => s.data)],
    );
    after = rows[rows.length - 1].id;
  }
}
