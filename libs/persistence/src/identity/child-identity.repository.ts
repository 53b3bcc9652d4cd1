import { ChildAttributes, IdentityCipher, openChild, SEAL_CONTEXT, sealChild } from '@mcm/shared';
import { EntityManager } from 'typeorm';
import { epochMs } from '../epoch-ms';
import { Queryable } from '../agencies/agency-register.repository';

/** One event's statement of a child's identity. */
export interface ChildIdentityStatement {
  eventId: string;
  agencyCode: string;
  agencyChildRef: string;
  /** Epoch milliseconds. */
  reportedAt: number;
  attributes: ChildAttributes;
}

/** An agency child's folded identity, and where each attribute came from. */
export interface StoredChildProfile {
  attributes: ChildAttributes;
  provenance: Partial<Record<keyof ChildAttributes, [number, string]>>;
}

/**
 * The identity tables, `child_identity_observation` and `agency_child_profile`: the only place
 * children's identifying attributes are stored, always sealed (AES-256-GCM, the key id beside each
 * ciphertext, bound to its row). Values are clear only in the memory of the caller.
 */
export class ChildIdentityRepository {
  /**
   * Profiles opened recently, by row and whole ciphertext (what was authenticated): a batch opens
   * the same profiles to fold, to link and to count, and each open costs a cipher set-up. In this
   * process's memory only, where the clear values are anyway; bounded.
   */
  private readonly opened = new Map<string, ChildAttributes>();
  /** Per transaction (its EntityManager), the profiles it has read or written. */
  private readonly inTransaction = new WeakMap<EntityManager, Map<number, StoredChildProfile | null>>();

  constructor(private readonly cipher: IdentityCipher) {}

  async insertObservations(db: Queryable, statements: readonly ChildIdentityStatement[]): Promise<void> {
    if (statements.length === 0) return;
    const sealed = statements.map((s) => sealChild(this.cipher, s.attributes, SEAL_CONTEXT.observation(s.eventId)));
    await db.query(
      `INSERT INTO child_identity_observation (event_id, agency_code, agency_child_ref, reported_at, key_id, sealed)
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::timestamptz[], $5::text[], $6::bytea[])`,
      [
        statements.map((s) => s.eventId),
        statements.map((s) => s.agencyCode),
        statements.map((s) => s.agencyChildRef),
        statements.map((s) => new Date(s.reportedAt).toISOString()),
        sealed.map((s) => s.keyId),
        sealed.map((s) => s.data),
      ],
    );
  }

  /** Every statement about the given agency children (by agency code and ref). */
  async observationsOf(db: Queryable, children: readonly { agencyCode: string; agencyChildRef: string }[]): Promise<ChildIdentityStatement[]> {
    if (children.length === 0) return [];
    const rows: { event_id: string; agency_code: string; agency_child_ref: string; reported_at: number; key_id: string; sealed: Buffer }[] =
      await db.query(
        `SELECT o.event_id::text AS event_id, o.agency_code, o.agency_child_ref, ${epochMs('o.reported_at')} AS reported_at, o.key_id, o.sealed
         FROM child_identity_observation o
         JOIN unnest($1::text[], $2::text[]) AS t(code, ref) ON o.agency_code = t.code AND o.agency_child_ref = t.ref`,
        [children.map((c) => c.agencyCode), children.map((c) => c.agencyChildRef)],
      );
    return rows.map((r) => ({
      eventId: r.event_id,
      agencyCode: r.agency_code,
      agencyChildRef: r.agency_child_ref,
      reportedAt: Number(r.reported_at),
      attributes: openChild(this.cipher, { keyId: r.key_id, data: r.sealed }, SEAL_CONTEXT.observation(r.event_id)),
    }));
  }

  /**
   * The stored profiles of the given agency children (absent ids have none). Inside a transaction,
   * what it already read or wrote is not read again: a batch asks for the same profiles to fold,
   * to link and to count, and holds the aggregator's writer lock, so nothing else changes them.
   */
  async profilesOf(db: Queryable, agencyChildIds: readonly number[]): Promise<Map<number, StoredChildProfile>> {
    if (agencyChildIds.length === 0) return new Map();
    const known = this.transactionProfiles(db);
    const missing = known ? agencyChildIds.filter((id) => !known.has(id)) : agencyChildIds;
    const rows: ProfileRow[] =
      missing.length === 0
        ? []
        : await db.query('SELECT agency_child_id, key_id, sealed, provenance FROM agency_child_profile WHERE agency_child_id = ANY($1::bigint[])', [
            missing,
          ]);
    const found = new Map(rows.map((r) => [Number(r.agency_child_id), this.openProfile(r)]));
    if (known) {
      for (const id of missing) known.set(id, found.get(id) ?? null);
      const result = new Map<number, StoredChildProfile>();
      for (const id of agencyChildIds) {
        const profile = known.get(id);
        if (profile) result.set(id, { attributes: { ...profile.attributes }, provenance: profile.provenance });
      }
      return result;
    }
    return found;
  }

  /** Every stored profile, in id order (training, counting; kept in memory only). */
  async allProfiles(db: Queryable): Promise<{ id: number; attributes: ChildAttributes }[]> {
    const rows: ProfileRow[] = await db.query(
      'SELECT agency_child_id, key_id, sealed, provenance FROM agency_child_profile ORDER BY agency_child_id',
    );
    return rows.map((r) => ({ id: Number(r.agency_child_id), attributes: this.openProfile(r).attributes }));
  }

  async upsertProfiles(db: Queryable, profiles: readonly { id: number; profile: StoredChildProfile }[]): Promise<void> {
    if (profiles.length === 0) return;
    const sorted = [...profiles].sort((a, b) => a.id - b.id);
    const sealed = sorted.map((p) => sealChild(this.cipher, p.profile.attributes, SEAL_CONTEXT.profile(p.id)));
    // The next steps of the batch read these profiles back: they need not read or open them again.
    const known = this.transactionProfiles(db);
    sorted.forEach((p, i) => {
      this.remember(`${p.id}:${sealed[i].keyId}:${sealed[i].data.toString('base64')}`, { ...p.profile.attributes });
      known?.set(p.id, { attributes: { ...p.profile.attributes }, provenance: p.profile.provenance });
    });
    await db.query(
      `INSERT INTO agency_child_profile (agency_child_id, key_id, sealed, provenance)
       SELECT * FROM unnest($1::bigint[], $2::text[], $3::bytea[], $4::jsonb[])
       ON CONFLICT (agency_child_id) DO UPDATE SET key_id = excluded.key_id, sealed = excluded.sealed, provenance = excluded.provenance`,
      [sorted.map((p) => p.id), sealed.map((s) => s.keyId), sealed.map((s) => s.data), sorted.map((p) => JSON.stringify(p.profile.provenance))],
    );
  }

  /** This transaction's profiles (null: known to be absent); none outside a transaction. */
  private transactionProfiles(db: Queryable): Map<number, StoredChildProfile | null> | undefined {
    if (!(db instanceof EntityManager) || !db.queryRunner?.isTransactionActive) return undefined;
    let known = this.inTransaction.get(db);
    if (!known) this.inTransaction.set(db, (known = new Map()));
    return known;
  }

  private remember(version: string, attributes: ChildAttributes): void {
    if (this.opened.size >= MAX_OPENED) this.opened.clear();
    this.opened.set(version, attributes);
  }

  private openProfile(r: ProfileRow): StoredChildProfile {
    const version = `${r.agency_child_id}:${r.key_id}:${r.sealed.toString('base64')}`;
    let attributes = this.opened.get(version);
    if (!attributes) {
      attributes = openChild(this.cipher, { keyId: r.key_id, data: r.sealed }, SEAL_CONTEXT.profile(r.agency_child_id));
      this.remember(version, attributes);
    }
    // A copy: callers fold into the attributes they are given.
    return { attributes: { ...attributes }, provenance: r.provenance };
  }
}

const MAX_OPENED = 50_000;

interface ProfileRow {
  agency_child_id: string;
  key_id: string;
  sealed: Buffer;
  provenance: StoredChildProfile['provenance'];
}
