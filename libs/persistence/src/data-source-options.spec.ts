import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source-options';

/**
 * What node-postgres would be given by TypeORM for a URL: a stand-in driver module records the pool
 * configuration (and refuses to connect); a real `pg` Client then resolves it as it would connect.
 */
async function poolConfigFor(url: string): Promise<Record<string, unknown>> {
  let config: Record<string, unknown> | undefined;
  const driver = {
    Pool: class {
      constructor(c: Record<string, unknown>) {
        config = c;
      }
      on() {
        return this;
      }
      connect(callback: (error: Error) => void) {
        callback(new Error('not connecting in a unit spec'));
      }
    },
    defaults: {},
  };
  await expect(new DataSource(dataSourceOptions(url, { driver } as never)).initialize()).rejects.toThrow('not connecting');
  return config!;
}

describe('dataSourceOptions and TLS to PostgreSQL', () => {
  const dir = mkdtempSync(join(tmpdir(), 'mcm-pg-tls-'));
  const ca = join(dir, 'root.crt');
  writeFileSync(ca, '-----BEGIN CERTIFICATE-----\nTEST-CA\n-----END CERTIFICATE-----\n');

  it('passes sslmode and sslrootcert through to node-postgres: verified TLS with that CA', async () => {
    const config = await poolConfigFor(`postgres://mcm_api:s3cret@db.internal:5432/missing_children?sslmode=verify-full&sslrootcert=${ca}`);
    expect(config).not.toHaveProperty('ssl', expect.anything());
    const client = new Client(config) as unknown as {
      ssl: { ca?: string; rejectUnauthorized?: boolean };
      user: string;
      host: string;
      database: string;
    };
    expect(client.ssl).toEqual(expect.objectContaining({ ca: expect.stringContaining('TEST-CA') }));
    expect(client.ssl.rejectUnauthorized).not.toBe(false);
    expect([client.user, client.host, client.database]).toEqual(['mcm_api', 'db.internal', 'missing_children']);
  });

  it('encrypts without verifying only when asked to (sslmode=no-verify)', async () => {
    const client = new Client(await poolConfigFor('postgres://mcm_api@db.internal/missing_children?sslmode=no-verify')) as unknown as {
      ssl: { rejectUnauthorized?: boolean };
    };
    expect(client.ssl).toEqual(expect.objectContaining({ rejectUnauthorized: false }));
  });

  it('uses no TLS when the URL asks for none (local development)', async () => {
    expect((new Client(await poolConfigFor('postgres://mcm_api@127.0.0.1:5432/missing_children')) as unknown as { ssl: unknown }).ssl).toBe(false);
    expect(
      (new Client(await poolConfigFor('postgres://mcm_api@127.0.0.1/missing_children?sslmode=disable')) as unknown as { ssl: unknown }).ssl,
    ).toBe(false);
  });
});
