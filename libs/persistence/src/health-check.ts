import { DataSource } from 'typeorm';

/** Whether the database answers a trivial statement (the API's health check; the caller bounds the wait). */
export async function databaseAnswers(db: DataSource): Promise<void> {
  await db.query('SELECT 1');
}
