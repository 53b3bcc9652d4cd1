import { IdentityCipher, SEAL_CONTEXT } from '@mcm/shared';
import { Queryable } from '../agencies/agency-register.repository';

/** The tables holding sealed identities, and how each ciphertext is bound to its row. */
export const SEALED_TABLES = {
  child_identity_observation: { key: 'event_id', keyType: 'uuid', context: SEAL_CONTEXT.observation },
  agency_child_profile: { key: 'agency_child_id', keyType: 'bigint', context: SEAL_CONTEXT.profile },
} as const;

export type SealedTable = keyof typeof SEALED_TABLES;

export interface RekeyPage {
  /** Rows under another key than the active one found in this page. */
  found: number;
  /** Of those, re-sealed under the active key (the rest changed meanwhile and are left to the next pass). */
  rekeyed: number;
  /** Where the next page starts; null when the table has no more such rows. */
  next: string | null;
}

/**
 * Re-seals identities under the active key, a page at a time, while the pipeline runs. Each row
 * is replaced only if it still holds the ciphertext read (compare-and-set): a profile the
 * aggregator rewrote meanwhile is already under a current key and is never overwritten with old
 * content.
 */
export class IdentityRekeyRepository {
  constructor(private readonly cipher: IdentityCipher) {}

  async rekeyPage(db: Queryable, table: SealedTable, after: string | null, limit: number): Promise<RekeyPage> {
    const { key, keyType, context } = SEALED_TABLES[table];
    const active = this.cipher.activeKeyId;
    const rows: { id: string; key_id: string; sealed: Buffer }[] = await db.query(
      `SELECT ${key}::text AS id, key_id, sealed FROM ${table}
        WHERE ($1::text IS NULL OR ${key} > $1::${keyType}) AND key_id <> $2
        ORDER BY ${key} LIMIT $3`,
      [after, active, limit],
    );
    if (rows.length === 0) return { found: 0, rekeyed: 0, next: null };
    const resealed = rows.map((r) => this.cipher.seal(this.cipher.open({ keyId: r.key_id, data: r.sealed }, context(r.id)), context(r.id)));
    // Counted in SQL: drivers differ in what an UPDATE ... RETURNING hands back.
    const [updated]: { n: string }[] = await db.query(
      `WITH done AS (
         UPDATE ${table} t SET key_id = n.key_id, sealed = n.sealed
           FROM unnest($1::${keyType}[], $2::text[], $3::bytea[], $4::text[], $5::bytea[]) AS n(id, old_key_id, old_sealed, key_id, sealed)
          WHERE t.${key} = n.id AND t.key_id = n.old_key_id AND t.sealed = n.old_sealed
          RETURNING 1)
       SELECT count(*) AS n FROM done`,
      [rows.map((r) => r.id), rows.map((r) => r.key_id), rows.map((r) => r.sealed), resealed.map((s) => s.keyId), resealed.map((s) => s.data)],
    );
    return { found: rows.length, rekeyed: Number(updated.n), next: rows.length < limit ? null : rows[rows.length - 1].id };
  }
}

/** Rows per key id in each sealed table. */
export async function sealedRowsPerKey(db: Queryable): Promise<{ table: SealedTable; keyId: string; rows: number }[]> {
  const rows: { table: SealedTable; key_id: string; rows: string }[] = await db.query(
    `SELECT 'child_identity_observation' AS table, key_id, count(*) AS rows FROM child_identity_observation GROUP BY key_id
     UNION ALL
     SELECT 'agency_child_profile', key_id, count(*) FROM agency_child_profile GROUP BY key_id
     ORDER BY 1, 2`,
  );
  return rows.map((r) => ({ table: r.table, keyId: r.key_id, rows: Number(r.rows) }));
}
