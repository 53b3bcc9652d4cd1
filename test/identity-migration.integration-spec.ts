import { ChildIdentityRepository, DataSource, dataSourceOptions, migrateDatabase } from '@mcm/persistence';
import { IdentityCipher, IdentityKeyring } from '@mcm/shared';
import { InitialSchema1795409058719 } from '../libs/persistence/src/migrations/1795409058719-InitialSchema';
import { StatisticsAndBulletins1795409958053 } from '../libs/persistence/src/migrations/1795409958053-StatisticsAndBulletins';
import { LinkageModelsAndReview1795409999142 } from '../libs/persistence/src/migrations/1795409999142-LinkageModelsAndReview';
import { ApiAudit1795411484496 } from '../libs/persistence/src/migrations/1795411484496-ApiAudit';
import { WeeklyIncidenceAreaIndex1795412600000 } from '../libs/persistence/src/migrations/1795412600000-WeeklyIncidenceAreaIndex';
import { BreakdownDirtyWeeks1795413000000 } from '../libs/persistence/src/migrations/1795413000000-BreakdownDirtyWeeks';
import { AgencyRegister1795414000000 } from '../libs/persistence/src/migrations/1795414000000-AgencyRegister';
import { ScratchDatabase } from '../tools/harness/src';

/**
 * An installation from before identities were sealed: its clear rows are sealed by the migration,
 * with the services' keyring, and open again with it; no clear column is left.
 */
describe('upgrading a database that holds identities in clear', () => {
  const db = new ScratchDatabase();
  const keyring = IdentityKeyring.generate('upgrade');
  const child = { givenName: 'AMELIE', familyName: "O'BRIEN", nhsNumber: '9434765919', dateOfBirth: '2012-03-04' };
  const eventId = '0b7f6f2e-6d1c-4a51-9d8e-3f3a4b5c6d7e';

  beforeAll(async () => {
    await db.create();
    const old = await new DataSource(
      dataSourceOptions(db.url, {
        migrations: [
          InitialSchema1795409058719,
          StatisticsAndBulletins1795409958053,
          LinkageModelsAndReview1795409999142,
          ApiAudit1795411484496,
          WeeklyIncidenceAreaIndex1795412600000,
          BreakdownDirtyWeeks1795413000000,
          AgencyRegister1795414000000,
        ],
      }),
    ).initialize();
    await old.runMigrations();
    await old.query(
      `INSERT INTO child_identity_observation (event_id, agency_code, agency_child_ref, reported_at, attributes) VALUES ($1, 'E23000001', 'C-1', now(), $2)`,
      [eventId, child],
    );
    await old.query(`INSERT INTO agency_child_profile (agency_child_id, attributes, provenance) VALUES (7, $1, '{}')`, [child]);
    await old.destroy();
  });
  afterAll(() => db.drop());

  it('seals the rows already stored under the active key, and they open with it', async () => {
    await migrateDatabase(db.url, { identityKeys: { IDENTITY_KEYS: keyring.toText() } });
    const columns = await db.query<{ table_name: string; column_name: string }>(
      `SELECT table_name, column_name FROM information_schema.columns WHERE table_name IN ('child_identity_observation', 'agency_child_profile') AND column_name = 'attributes'`,
    );
    expect(columns).toEqual([]);
    const rows = await db.query<{ key_id: string; sealed: Buffer }>(
      'SELECT key_id, sealed FROM child_identity_observation UNION ALL SELECT key_id, sealed FROM agency_child_profile',
    );
    expect(rows.map((r) => r.key_id)).toEqual(['upgrade', 'upgrade']);
    for (const r of rows) expect(r.sealed.includes(Buffer.from('AMELIE'))).toBe(false);
    const identities = new ChildIdentityRepository(IdentityCipher.withKeyring(keyring));
    const dataSource = await new DataSource(dataSourceOptions(db.url)).initialize();
    try {
      expect([...(await identities.profilesOf(dataSource, [7])).values()][0].attributes).toEqual(child);
      expect((await identities.observationsOf(dataSource, [{ agencyCode: 'E23000001', agencyChildRef: 'C-1' }]))[0].attributes).toEqual(child);
    } finally {
      await dataSource.destroy();
    }
  });
});
