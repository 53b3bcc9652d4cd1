import { BulletinRepository, Database } from '@mcm/persistence';

/** What the specs read back of stored bulletins, through the bulletin table's owner. */
const bulletins = new BulletinRepository();

/** A week's bulletin JSON: the latest edition, or `revision`. */
export async function storedBulletin<T = Record<string, unknown>>(db: Database, weekStart: string, revision?: number): Promise<T> {
  const edition = await bulletins.formats(db, weekStart, revision);
  if (!edition) throw new Error(`no bulletin stored for ${weekStart}${revision === undefined ? '' : ` revision ${revision}`}`);
  return edition.content as T;
}

/** Every edition of a week, oldest first: number and release status. */
export async function storedEditions(db: Database, weekStart: string): Promise<{ revision: number; status: string }[]> {
  return (await bulletins.editions(db, weekStart)).map((e) => ({ revision: e.revision, status: e.releaseStatus }));
}
