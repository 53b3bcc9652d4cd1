import { AgencyType } from '@mcm/shared';

/** Anything that runs SQL: a DataSource, an EntityManager inside a transaction, a pg client wrapper. */
export interface Queryable {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- rows are typed by each method below, as TypeORM's own query() does
  query(sql: string, parameters?: unknown[]): Promise<any>;
}

export type AgencyStatus = 'ACTIVE' | 'REVOKED';

export interface AgencyRecord {
  code: string;
  type: AgencyType;
  name: string;
  status: AgencyStatus;
  kafkaPrincipal: string;
  createdAt: Date;
  revokedAt: Date | null;
}

const COLUMNS = `code, type, name, status, kafka_principal AS "kafkaPrincipal", created_at AS "createdAt", revoked_at AS "revokedAt"`;

/** The agency register: who may publish, and the hash of each agency's HTTP credential. */
export class AgencyRegisterRepository {
  /** Registers an agency, or re-activates a revoked one with a new credential. */
  async activate(
    db: Queryable,
    agency: { code: string; type: AgencyType; name: string; kafkaPrincipal: string },
    tokenHash: Buffer,
  ): Promise<AgencyRecord> {
    const [row] = await db.query(
      `INSERT INTO agency (code, type, name, status, kafka_principal, http_token_hash) VALUES ($1, $2, $3, 'ACTIVE', $4, $5)
       ON CONFLICT (code) DO UPDATE SET status = 'ACTIVE', revoked_at = NULL, created_at = now(), type = EXCLUDED.type, name = EXCLUDED.name,
         kafka_principal = EXCLUDED.kafka_principal, http_token_hash = EXCLUDED.http_token_hash
       RETURNING ${COLUMNS}`,
      [agency.code, agency.type, agency.name, agency.kafkaPrincipal, tokenHash],
    );
    return row;
  }

  /** Marks the agency revoked and forgets its HTTP credential; false if it was not active. */
  async revoke(db: Queryable, code: string): Promise<boolean> {
    const rows = await db.query(
      `UPDATE agency SET status = 'REVOKED', revoked_at = now(), http_token_hash = NULL WHERE code = $1 AND status = 'ACTIVE' RETURNING code`,
      [code],
    );
    return rows.length > 0;
  }

  async find(db: Queryable, code: string): Promise<AgencyRecord | undefined> {
    const [row] = await db.query(`SELECT ${COLUMNS} FROM agency WHERE code = $1`, [code]);
    return row;
  }

  list(db: Queryable): Promise<AgencyRecord[]> {
    return db.query(`SELECT ${COLUMNS} FROM agency ORDER BY type, code`);
  }

  /** The active agency holding this credential (only its hash is stored). */
  async activeByTokenHash(db: Queryable, tokenHash: Buffer): Promise<AgencyRecord | undefined> {
    const [row] = await db.query(`SELECT ${COLUMNS} FROM agency WHERE http_token_hash = $1 AND status = 'ACTIVE'`, [tokenHash]);
    return row;
  }
}
