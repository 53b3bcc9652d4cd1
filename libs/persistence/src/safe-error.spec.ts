import { createServer } from 'node:net';
import { Client, DatabaseError } from 'pg';
import { QueryFailedError } from 'typeorm';
import { classifyFailure, PersistenceError } from './safe-error';

/** An error as node-postgres raises it for a statement PostgreSQL refused, wrapped as TypeORM does. */
function pgError(code: string, message: string, fields: Partial<DatabaseError> = {}): QueryFailedError {
  const driverError = Object.assign(new DatabaseError(message, message.length, 'error'), {
    code,
    detail: 'Key (x)=(Secret Name) leaked here',
    ...fields,
  });
  return new QueryFailedError('INSERT ...', ['Secret Name'], driverError);
}

describe('classifyFailure', () => {
  it.each([
    ['22008', 'date/time field value out of range: "0000-01-01T00:00:00Z"', 'data-exception'],
    ['22P02', 'invalid input syntax for type uuid: "Jane Smith"', 'data-exception'],
    ['22021', 'invalid byte sequence for encoding "UTF8": 0x00', 'data-exception'],
    ['22001', 'value too long for type character varying(10)', 'data-exception'],
    ['23505', 'duplicate key value violates unique constraint "agency_child_ref_uq"', 'constraint-violation'],
    ['23502', 'null value in column "setting" of relation "agency_episode" violates not-null constraint', 'constraint-violation'],
    ['23514', 'new row for relation "agency_episode" violates check constraint "status_ck"', 'constraint-violation'],
  ])('SQLSTATE %s is permanent: the event is bisected out and dead-lettered', (code, message, category) => {
    expect(classifyFailure(pgError(code, message))).toMatchObject({ kind: 'permanent', category });
  });

  it.each([
    ['08006', 'connection failure', 'connection'],
    ['08001', 'could not connect', 'connection'],
    ['40001', 'could not serialize access due to concurrent update', 'serialization'],
    ['40P01', 'deadlock detected', 'serialization'],
    ['55P03', 'could not obtain lock on relation', 'serialization'],
    ['53300', 'sorry, too many clients already', 'resources'],
    ['57P01', 'terminating connection due to administrator command', 'shutdown'],
    ['57P03', 'the database system is starting up', 'shutdown'],
  ])('SQLSTATE %s is transient: retried as it is, never bisected', (code, message, cause) => {
    expect(classifyFailure(pgError(code, message))).toMatchObject({ kind: 'transient', cause });
  });

  it('a lost connection without SQLSTATE is transient', () => {
    expect(classifyFailure(new Error('Connection terminated unexpectedly'))).toMatchObject({ kind: 'transient', cause: 'connection' });
    expect(classifyFailure(Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }))).toMatchObject({
      kind: 'transient',
      cause: 'connection',
    });
  });

  it('a database that refuses connections, for real, is transient', async () => {
    const port = await closedPort();
    const client = new Client({ host: '127.0.0.1', port, user: 'nobody', database: 'none', connectionTimeoutMillis: 2000 });
    const error = await client.connect().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(classifyFailure(error)).toMatchObject({ kind: 'transient', cause: 'connection' });
    // Through BatchAggregator.apply, which wraps whatever it meets.
    expect(classifyFailure(PersistenceError.from(error))).toMatchObject({ kind: 'transient', cause: 'connection' });
  });

  it('a broker error is transient', () => {
    const error = Object.assign(new Error('There is no leader for this topic-partition as we are in the middle of a leadership election'), {
      name: 'KafkaJSProtocolError',
      retriable: true,
    });
    expect(classifyFailure(error)).toMatchObject({ kind: 'transient', cause: 'broker' });
    expect(classifyFailure(Object.assign(new Error('Connection error: connect ECONNREFUSED'), { name: 'KafkaJSConnectionError' }))).toMatchObject({
      kind: 'transient',
    });
  });

  it('an error it cannot place (a missing grant, a bug) is retried, never bisected: that would dead-letter every good event', () => {
    expect(classifyFailure(pgError('42501', 'permission denied for table agency_event'))).toMatchObject({ kind: 'transient', cause: 'unknown' });
    expect(classifyFailure(pgError('42P01', 'relation "agency_event" does not exist'))).toMatchObject({ kind: 'transient', cause: 'unknown' });
    expect(classifyFailure(new TypeError("Cannot read properties of undefined (reading 'id')"))).toMatchObject({
      kind: 'transient',
      cause: 'unknown',
    });
  });

  it('gives a dead-letter message with the SQLSTATE and schema names only, never a value', () => {
    const failure = classifyFailure(pgError('22008', 'date/time field value out of range: "0000-01-01T00:00:00Z"'));
    expect(failure).toEqual({
      kind: 'permanent',
      category: 'data-exception',
      message: 'SQLSTATE 22008: a value of the event is one the database cannot take',
    });
    const constraint = classifyFailure(
      pgError('23505', 'duplicate key value violates unique constraint "agency_child_ref_uq"', {
        constraint: 'agency_child_ref_uq',
        table: 'agency_child',
      }),
    );
    expect(constraint.message).toBe('SQLSTATE 23505: the event breaks an integrity constraint (constraint agency_child_ref_uq, table agency_child)');
    expect(JSON.stringify(constraint)).not.toMatch(/Secret Name/);
  });
});

describe('PersistenceError.from', () => {
  it('drops the query, parameters and detail, and redacts the value a data exception quotes', () => {
    const e = PersistenceError.from(pgError('22P02', 'invalid input syntax for type uuid: "Jane Smith"'));
    expect(e.message).toBe('22P02: invalid input syntax for type uuid: "…"');
    expect(JSON.stringify({ ...e, message: e.message })).not.toMatch(/Jane|Secret/);
    expect(PersistenceError.from(pgError('22021', 'invalid byte sequence for encoding "UTF8": 0xc3 0x28')).message).toBe(
      '22021: invalid byte sequence for encoding "…": 0x…',
    );
  });

  it('keeps a constraint violation message (it names the constraint, never a value)', () => {
    expect(PersistenceError.from(pgError('23505', 'duplicate key value violates unique constraint "agency_child_ref_uq"')).message).toBe(
      '23505: duplicate key value violates unique constraint "agency_child_ref_uq"',
    );
  });

  it('is idempotent: a wrapped error keeps its SQLSTATE', () => {
    const once = PersistenceError.from(pgError('40P01', 'deadlock detected'));
    expect(PersistenceError.from(once)).toBe(once);
    expect(once.sqlState).toBe('40P01');
  });
});

/** A port nothing listens on (bound, then released). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
