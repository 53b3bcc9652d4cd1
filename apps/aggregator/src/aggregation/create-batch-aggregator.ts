import { ChildLinker, DeterministicChildLinker } from '@mcm/incidence';
import { RecordKeys } from '@mcm/disclosure';
import {
  ChildIdentityRepository,
  Database,
  LinkageReviewRepository,
  ReviewQueue,
  WeeklyBreakdownRepository,
  WeeklyIncidenceRepository,
} from '@mcm/persistence';
import { IdentityCipher } from '@mcm/shared';
import { BatchAggregator } from './batch-aggregator';
import { ChildRegisterRepository } from './child-register.repository';
import { EventStoreRepository } from './event-store.repository';
import { LinkKeyHasher } from './link-key-hasher';
import { NationalEpisodeRebuild } from './national-episode-rebuild';

/** The keys the aggregator holds: for link-key tokens (HMAC) and for sealing identities (AES-256-GCM). */
export interface AggregatorSecrets {
  linkKeySecret: string;
  cipher: IdentityCipher;
  /** The seed of the cell-key method's record keys. */
  disclosureKeySeed: string;
}

/**
 * Wires the aggregator's plain classes; used by the Nest module, the tests and the benchmark.
 * A linker that reports review pairs (the probabilistic one) gets the `linkage_review` queue.
 * The service's linker comes from selectLinker (LINKER, probabilistic by default); the
 * deterministic default here serves in-process specs that compare exact deterministic figures.
 */
export function createBatchAggregator(
  database: Database,
  secrets: AggregatorSecrets,
  linker: ChildLinker = new DeterministicChildLinker(),
  reviews: ReviewQueue | undefined = linker.link ? new LinkageReviewRepository() : undefined,
): BatchAggregator {
  const identities = new ChildIdentityRepository(secrets.cipher);
  const events = new EventStoreRepository(identities);
  const register = new ChildRegisterRepository(new LinkKeyHasher(secrets.linkKeySecret), linker, identities, reviews);
  const national = new NationalEpisodeRebuild(identities, new RecordKeys(secrets.disclosureKeySeed));
  return new BatchAggregator(database, events, register, national, new WeeklyIncidenceRepository(), new WeeklyBreakdownRepository());
}
