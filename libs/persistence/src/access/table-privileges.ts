import { ServiceRole } from './database-roles';

/** A table-wide privilege, or one limited to the columns named. */
export type Privilege = 'SELECT' | 'INSERT' | 'UPDATE' | 'DELETE' | { SELECT: readonly string[] } | { UPDATE: readonly string[] };

/** What each service role may do to one table; a role not named may do nothing. */
export type TableAccess = Partial<Record<ServiceRole, readonly Privilege[]>>;

const READ = ['SELECT'] as const;
const APPEND = ['SELECT', 'INSERT'] as const;
const UPSERT = ['SELECT', 'INSERT', 'UPDATE'] as const;
const DML = ['SELECT', 'INSERT', 'UPDATE', 'DELETE'] as const;

/**
 * Every table of the schema and what each service may do to it: the one place the database's
 * grants are written. `migrateDatabase` applies it after every migration run (everything is
 * revoked from the service roles, then exactly this is granted, identity sequences included), so
 * the database converges on it; a table missing here is granted to nobody, and
 * test/database-roles.integration-spec.ts fails until it is added. No service role owns a table
 * or may TRUNCATE, ALTER, DROP or disable a trigger: those stay with the owner (mcm_owner).
 *
 * mcm_ingest: the agency register (authentication of the gateway) and each agency's rejections.
 * mcm_aggregator: the pipeline. The only service that sees identities.
 * mcm_api: figures, bulletins and the review queue, read-only but for reviewers' decisions; the
 *   audit trail insert-only (it cannot read it back); nothing that identifies a child.
 */
export const TABLE_PRIVILEGES: Readonly<Record<string, TableAccess>> = {
  // The register and the gateway.
  agency: { mcm_ingest: READ },
  agency_rejection: { mcm_ingest: APPEND },

  // Events and identities: the aggregator alone (UPDATE for re-encryption under a new key, DELETE
  // for retention; retention also replaces the agencies' references with its marks).
  agency_event: { mcm_aggregator: [...APPEND, { UPDATE: ['agency_child_ref', 'agency_episode_ref'] }] },
  child_identity_observation: { mcm_aggregator: DML },
  agency_child_profile: { mcm_aggregator: DML },
  agency_child: { mcm_aggregator: UPSERT },
  child_link_key: { mcm_aggregator: DML },
  national_child: { mcm_aggregator: UPSERT },
  child_link_change: { mcm_aggregator: APPEND },
  agency_episode: { mcm_aggregator: UPSERT },
  pipeline_state: { mcm_aggregator: UPSERT },
  linkage_model: { mcm_aggregator: UPSERT },
  // Claimed with SELECT ... FOR UPDATE SKIP LOCKED, which needs UPDATE.
  breakdown_dirty_week: { mcm_aggregator: DML },

  // Figures: written by the aggregator, read by the API.
  national_episode: { mcm_aggregator: DML, mcm_api: READ },
  weekly_incidence: { mcm_aggregator: DML, mcm_api: READ },
  weekly_breakdown: { mcm_aggregator: DML, mcm_api: READ },
  incidence_revision: { mcm_aggregator: APPEND, mcm_api: READ },
  agency_activity: { mcm_aggregator: UPSERT, mcm_api: READ },
  // Counts of implied returns per agency and week (a view over agency_episode, which the API may not read).
  agency_implied_return: { mcm_aggregator: READ, mcm_api: READ },
  bulletin: { mcm_aggregator: APPEND, mcm_api: READ },
  // What the bulletins published per cell (p/r flags, revisions): kept by the bulletin job.
  published_cell: { mcm_aggregator: UPSERT, mcm_api: READ },

  // The review queue: the API reads what it serves (not the pair's agency child ids) and records
  // decisions; the aggregator fills the queue and applies them.
  linkage_review: {
    mcm_aggregator: DML,
    mcm_api: [
      { SELECT: ['id', 'status', 'probability', 'model_id', 'comparison_levels', 'created_at', 'decided_at', 'decided_by', 'applied_at'] },
      { UPDATE: ['status', 'decided_by', 'decided_at', 'applied_at'] },
    ],
  },

  // Append-only (trigger) and written only by the API, which may not read it back.
  api_audit: { mcm_api: ['INSERT'] },

  // Services check at start-up that every migration is applied.
  typeorm_migrations: { mcm_ingest: READ, mcm_aggregator: READ, mcm_api: READ },
};

/** Functions a service may call (EXECUTE is revoked from PUBLIC): `name(argument types)`. */
export const FUNCTION_PRIVILEGES: Readonly<Record<string, readonly ServiceRole[]>> = {
  // ANALYZE needs ownership; the owner's function lets the aggregator refresh planner statistics.
  'analyze_pipeline_tables()': ['mcm_aggregator'],
};
