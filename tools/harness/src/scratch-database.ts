import { randomBytes } from 'node:crypto';
import { OWNER_ROLE, roleDatabaseUrl, runOnce, ServiceName, serviceRole, SqlSession } from '@mcm/persistence';
import { harnessEnv } from './harness.env';

/**
 * A fresh database per spec or benchmark run, dropped at the end: runs never see each other's rows.
 * It belongs to the owner role as the real one does: `url` is the owner's (migrations, test set-up
 * and inspection), `serviceUrl` a service's own role (the cluster-wide roles come from
 * scripts/infra/ensure-db.js, run by `npm run infra:up` and the integration specs' global set-up).
 */
export class ScratchDatabase {
  readonly name = `mcm_test_${randomBytes(4).toString('hex')}`;
  readonly url = roleDatabaseUrl(`${harnessEnv().TEST_DATABASE_SERVER}/${this.name}`, OWNER_ROLE, harnessEnv());
  private readonly session = new SqlSession(this.url);

  /** The database as one service's role, e.g. postgres://mcm_api@127.0.0.1:5432/mcm_test_1a2b3c4d. */
  serviceUrl(service: ServiceName): string {
    return roleDatabaseUrl(this.url, serviceRole(service), harnessEnv());
  }

  async create(): Promise<this> {
    await this.admin(`CREATE DATABASE ${this.name} OWNER ${OWNER_ROLE}`);
    return this;
  }

  query<T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
    return this.session.query<T>(sql, params);
  }

  async drop(): Promise<void> {
    await this.session.end();
    await this.admin(`DROP DATABASE IF EXISTS ${this.name} WITH (FORCE)`);
  }

  private admin(sql: string): Promise<void> {
    return runOnce(`${harnessEnv().TEST_DATABASE_SERVER}/postgres`, sql);
  }
}
