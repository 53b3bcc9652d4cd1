import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

const SERVER = process.env.TEST_DATABASE_SERVER ?? 'postgres://postgres@127.0.0.1:5432';

/** A fresh database per spec or benchmark run, dropped at the end: runs never see each other's rows. */
export class ScratchDatabase {
  readonly name = `mcm_test_${randomBytes(4).toString('hex')}`;
  readonly url = `${SERVER}/${this.name}`;
  private client?: Client;

  async create(): Promise<this> {
    await this.admin(`CREATE DATABASE ${this.name}`);
    return this;
  }

  async query<T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
    if (!this.client) {
      this.client = new Client({ connectionString: this.url });
      await this.client.connect();
    }
    return (await this.client.query(sql, params)).rows as T[];
  }

  async drop(): Promise<void> {
    await this.client?.end();
    await this.admin(`DROP DATABASE IF EXISTS ${this.name} WITH (FORCE)`);
  }

  private async admin(sql: string): Promise<void> {
    const client = new Client({ connectionString: `${SERVER}/postgres` });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  }
}
