import { grantStatements } from './apply-privileges';
import { SERVICE_ROLES } from './database-roles';
import { Privilege, TABLE_PRIVILEGES } from './table-privileges';

const kinds = (privileges: readonly Privilege[] = []) => privileges.map((p) => (typeof p === 'string' ? p : Object.keys(p)[0]));

describe('TABLE_PRIVILEGES', () => {
  it('gives the API nothing that identifies a child, nor anything of the event or linkage register', () => {
    for (const table of [
      'child_identity_observation',
      'agency_child_profile',
      'child_link_key',
      'agency_child',
      'agency_event',
      'agency_episode',
      'national_child',
      'child_link_change',
      'agency',
      'agency_rejection',
    ]) {
      expect([table, TABLE_PRIVILEGES[table]?.mcm_api]).toEqual([table, undefined]);
    }
  });

  it('leaves identities to the aggregator alone', () => {
    for (const table of ['child_identity_observation', 'agency_child_profile', 'child_link_key']) {
      expect(Object.keys(TABLE_PRIVILEGES[table])).toEqual(['mcm_aggregator']);
    }
  });

  it('lets the API only append to api_audit, and no other service touch it', () => {
    expect(TABLE_PRIVILEGES.api_audit).toEqual({ mcm_api: ['INSERT'] });
  });

  it('lets the API read figures and bulletins but never write them', () => {
    for (const table of ['weekly_incidence', 'weekly_breakdown', 'national_episode', 'incidence_revision', 'agency_activity', 'bulletin']) {
      expect([table, TABLE_PRIVILEGES[table].mcm_api]).toEqual([table, ['SELECT']]);
    }
  });

  it('lets the API update only the decision columns of the review queue, and not read the pair of children', () => {
    const review = TABLE_PRIVILEGES.linkage_review.mcm_api!;
    expect(kinds(review)).toEqual(['SELECT', 'UPDATE']);
    expect(review).toContainEqual({ UPDATE: ['status', 'decided_by', 'decided_at', 'applied_at'] });
    expect(JSON.stringify(review)).not.toMatch(/agency_child_[ab]/);
  });

  it('gives every service read access to the migrations table only to check the schema is current', () => {
    expect(TABLE_PRIVILEGES.typeorm_migrations).toEqual(Object.fromEntries(SERVICE_ROLES.map((r) => [r, ['SELECT']])));
  });

  it('names service roles only, and no privilege beyond SELECT, INSERT, UPDATE, DELETE', () => {
    for (const access of Object.values(TABLE_PRIVILEGES)) {
      for (const [role, privileges] of Object.entries(access)) {
        expect(SERVICE_ROLES).toContain(role);
        for (const kind of kinds(privileges)) expect(['SELECT', 'INSERT', 'UPDATE', 'DELETE']).toContain(kind);
      }
    }
  });
});

describe('grantStatements', () => {
  it('grants table-wide and per-column privileges separately, quoted', () => {
    expect(grantStatements('linkage_review', 'mcm_api', ['SELECT', { UPDATE: ['status', 'decided_at'] }])).toEqual([
      'GRANT SELECT ON TABLE "linkage_review" TO "mcm_api"',
      'GRANT UPDATE ("status", "decided_at") ON TABLE "linkage_review" TO "mcm_api"',
    ]);
  });

  it('refuses a name that is not a plain identifier', () => {
    expect(() => grantStatements('x"; DROP TABLE agency; --', 'mcm_api', ['SELECT'])).toThrow(/unsupported identifier/);
  });
});
