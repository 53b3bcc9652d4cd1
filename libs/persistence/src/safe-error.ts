/**
 * A database error stripped of its query and parameters (which may carry personal data), keeping
 * what an operator needs: the SQLSTATE code, PostgreSQL's message and the schema names involved.
 */
export class PersistenceError extends Error {
  constructor(
    readonly sqlState: string | undefined,
    message: string,
    /** Schema names PostgreSQL reports (never values): the constraint, table and column at fault. */
    readonly where: { constraint?: string; table?: string; column?: string } = {},
  ) {
    super(message);
    this.name = 'PersistenceError';
  }

  static from(error: unknown): PersistenceError {
    if (error instanceof PersistenceError) return error;
    const e = error as { code?: unknown; message?: string; constraint?: unknown; table?: unknown; column?: unknown };
    const code = typeof e?.code === 'string' ? e.code : undefined;
    const text = e?.message ?? String(error);
    // PostgreSQL's message names columns and constraints; the values are in `detail`, except for
    // data exceptions (class 22), which quote the value they could not take: those are redacted.
    const message = code && isDataException(code) ? redactValues(text) : text;
    const name = (v: unknown) => (typeof v === 'string' ? v : undefined);
    return new PersistenceError(code, `${code ?? 'error'}: ${message}`, {
      constraint: name(e?.constraint),
      table: name(e?.table),
      column: name(e?.column),
    });
  }
}

/** Why an event could never be applied: PostgreSQL refused it with SQLSTATE class 22 or 23. */
export type PermanentCategory = 'data-exception' | 'constraint-violation';

export type FailureClass =
  | { kind: 'permanent'; category: PermanentCategory; message: string }
  | { kind: 'transient'; cause: 'connection' | 'serialization' | 'resources' | 'shutdown' | 'broker' | 'unknown'; message: string };

const TRANSIENT_SQLSTATE: [RegExp, Extract<FailureClass, { kind: 'transient' }>['cause']][] = [
  [/^08/, 'connection'], // connection exception
  [/^40(001|P01)$/, 'serialization'], // serialization failure, deadlock detected
  [/^53/, 'resources'], // insufficient resources (disk full, out of memory, too many connections)
  [/^57P0[1-4]$/, 'shutdown'], // admin/crash shutdown, cannot connect now, database dropped
  [/^55P03$/, 'serialization'], // lock not available
];
const NETWORK_ERRNO = /^(ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|EHOSTUNREACH|ENETUNREACH|ENOTFOUND|EAI_AGAIN)$/;
const CONNECTION_LOST =
  /connection terminated|connection (is )?closed|timeout exceeded when trying to connect|Client has encountered a connection error/i;

/**
 * Whether a failure of a batch is the data's fault, for good (it is bisected to the one event at
 * fault, which is dead-lettered), or may pass (it is retried as it is, after a pause).
 *
 * Permanent only when the error itself says so: SQLSTATE class 22 (data exception) or 23
 * (integrity constraint violation). Everything else is retried: a
 * connection lost, a serialization failure or deadlock, the broker away, and an error we cannot
 * place (a missing grant, a bug) too, because bisecting one of those would dead-letter every
 * good event of the stream one by one. A stalled stream is loud and loses nothing.
 */
export function classifyFailure(error: unknown): FailureClass {
  const e = PersistenceError.from(error);
  const state = e.sqlState ?? '';
  if (isDataException(state))
    return { kind: 'permanent', category: 'data-exception', message: permanentMessage(e, 'a value of the event is one the database cannot take') };
  if (/^23/.test(state))
    return { kind: 'permanent', category: 'constraint-violation', message: permanentMessage(e, 'the event breaks an integrity constraint') };
  const sqlCause = TRANSIENT_SQLSTATE.find(([pattern]) => pattern.test(state))?.[1];
  if (sqlCause) return { kind: 'transient', cause: sqlCause, message: e.message };
  if (NETWORK_ERRNO.test(state) || CONNECTION_LOST.test(e.message)) return { kind: 'transient', cause: 'connection', message: e.message };
  if (/^KafkaJS/.test((error as Error)?.name ?? '')) return { kind: 'transient', cause: 'broker', message: e.message };
  return { kind: 'transient', cause: 'unknown', message: e.message };
}

const isDataException = (sqlState: string) => /^22/.test(sqlState);

/** A dead letter's message: the SQLSTATE and the schema names at fault, never a value. */
function permanentMessage(e: PersistenceError, what: string): string {
  const { constraint, table, column } = e.where;
  const names = [constraint && `constraint ${constraint}`, table && `table ${table}`, column && `column ${column}`].filter(Boolean).join(', ');
  return `SQLSTATE ${e.sqlState}: ${what}${names ? ` (${names})` : ''}`;
}

/** PostgreSQL quotes the offending value in data exceptions (`out of range: "0000-01-01..."`), or shows its bytes. */
function redactValues(message: string): string {
  return message.replace(/"(?:[^"]|"")*"/g, '"…"').replace(/0x[0-9a-f]+(\s+0x[0-9a-f]+)*/gi, '0x…');
}
