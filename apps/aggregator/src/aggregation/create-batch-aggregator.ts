import { ChildLinker, DeterministicChildLinker } from '@mcm/incidence';
import { DataSource } from 'typeorm';
import { BatchAggregator } from './batch-aggregator';
import { ChildRegisterRepository } from './child-register.repository';
import { EventStoreRepository } from './event-store.repository';
import { LinkKeyHasher } from './link-key-hasher';
import { NationalEpisodeRepository } from './national-episode.repository';
import { WeeklyIncidenceRepository } from './weekly-incidence.repository';

/** Wires the aggregator's plain classes; used by the Nest module, the tests and the benchmark. */
export function createBatchAggregator(dataSource: DataSource, linkKeySecret: string, linker: ChildLinker = new DeterministicChildLinker()): BatchAggregator {
  const events = new EventStoreRepository();
  const register = new ChildRegisterRepository(new LinkKeyHasher(linkKeySecret), linker);
  return new BatchAggregator(dataSource, events, register, new NationalEpisodeRepository(), new WeeklyIncidenceRepository());
}
