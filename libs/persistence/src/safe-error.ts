/**
 * A database error stripped of its query and parameters (which may carry personal data), keeping
 * what an operator needs: the SQLSTATE code and PostgreSQL's message.
 */
export class PersistenceError extends Error {
  constructor(readonly sqlState: string | undefined, message: string) {
    super(message);
    this.name = 'PersistenceError';
  }

  static from(error: unknown): PersistenceError {
    const e = error as { code?: string; message?: string };
    // PostgreSQL's message names columns and constraints, never values (those are in `detail`).
    return new PersistenceError(e.code, `${e.code ?? 'error'}: ${e.message ?? String(error)}`);
  }
}
