import 'reflect-metadata';
import { serviceGroup, topicNames } from '@mcm/kafka';
import { exitOnStartupFailure, runBatchWorker } from '@mcm/platform';
import { envValidator, identityCipherFor, openAcceptedEvent, useReferenceDataDir } from '@mcm/shared';
import { ACCEPTED_EVENTS } from './aggregation/accepted-events.controller';
import { AggregatorModule } from './aggregator.module';
import { AggregatorEnv, DEVELOPMENT_DISCLOSURE_KEY_SEED, DEVELOPMENT_LINK_KEY_SECRET } from './config/aggregator.env';

async function bootstrap(): Promise<void> {
  const env = envValidator(AggregatorEnv)(process.env);
  useReferenceDataDir(env.REFERENCE_DATA_DIR);
  if (env.NODE_ENV === 'production' && env.LINK_KEY_SECRET === DEVELOPMENT_LINK_KEY_SECRET) {
    throw new Error('LINK_KEY_SECRET must be set in production');
  }
  if (env.NODE_ENV === 'production' && env.DISCLOSURE_KEY_SEED === DEVELOPMENT_DISCLOSURE_KEY_SEED) {
    throw new Error('DISCLOSURE_KEY_SEED must be set in production');
  }
  // Accepted events are parsed (their child opened) as they are fetched, while the previous batch
  // is in the database. A message whose key is missing is left for the handler, which stops on it.
  const cipher = identityCipherFor(env);
  await runBatchWorker(AggregatorModule, 'aggregator', serviceGroup('aggregator', env.KAFKA_TOPIC_PREFIX), env, {
    decode: (value) => openAcceptedEvent(cipher, value),
    maxHandOverMessages: 30_000,
    prefetchMessages: 30_000,
    subscription: { topics: async () => [topicNames(env.KAFKA_TOPIC_PREFIX).accepted], handlerPattern: () => ACCEPTED_EVENTS },
  });
}

bootstrap().catch(exitOnStartupFailure('aggregator'));
