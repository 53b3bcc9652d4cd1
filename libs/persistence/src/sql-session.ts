import { Client } from 'pg';

/**
 * One plain connection for the admin tooling and the test harness (scratch databases, the test
 * set-up and inspection): statements as given, rows as node-postgres returns them, connected on
 * first use. Services use the pool (`openDatabase`, DatabaseModule), never this.
 */
export class SqlSession {
  // The connection being opened or open: concurrent first queries share it.
  private connection?: Promise<Client>;

  constructor(
    private readonly url: string,
    private readonly applicationName?: string,
  ) {}

  // Statements run one after another, as node-postgres queued them itself (a practice pg 9 drops).
  private last: Promise<unknown> = Promise.resolve();

  async query<T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
    this.connection ??= connect(this.url, this.applicationName);
    const connection = this.connection;
    const result = this.last.then(async () => (await connection).query(sql, params));
    this.last = result.catch(() => undefined);
    return (await result).rows as T[];
  }

  async end(): Promise<void> {
    const connection = this.connection;
    this.connection = undefined;
    if (connection) await (await connection).end();
  }
}

async function connect(url: string, applicationName?: string): Promise<Client> {
  const client = new Client({ connectionString: url, ...(applicationName ? { application_name: applicationName } : {}) });
  await client.connect();
  return client;
}

/** Runs one statement on its own connection (CREATE and DROP DATABASE from the `postgres` database). */
export async function runOnce(url: string, sql: string): Promise<void> {
  const session = new SqlSession(url);
  try {
    await session.query(sql);
  } finally {
    await session.end();
  }
}
