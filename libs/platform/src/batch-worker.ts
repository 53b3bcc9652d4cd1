import { Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { MicroserviceOptions } from '@nestjs/microservices';
import { KafkaBatchTransport, KafkaBatchTransportOptions, kafkaSettingsFromEnv, servicePrincipal } from '@mcm/kafka';
import { CommonEnv } from '@mcm/shared';
import { createLogger } from './logger';

export type StreamService = 'ingest' | 'aggregator';
type TransportTuning = Pick<KafkaBatchTransportOptions, 'decode' | 'maxHandOverMessages' | 'prefetchMessages' | 'subscription' | 'maxWaitTimeInMs'>;

/** The batch transport of a stream service, as its own principal. */
export function batchTransport(service: StreamService, groupId: string, env: CommonEnv, tuning: TransportTuning = {}): KafkaBatchTransport {
  return new KafkaBatchTransport({
    kafka: kafkaSettingsFromEnv(`mcm-${service}`, servicePrincipal(service, env.KAFKA_TOPIC_PREFIX), env),
    groupId,
    ...tuning,
  });
}

/** Starts a Nest microservice whose `@EventPattern(topic)` handlers receive whole Kafka batches. */
export async function runBatchWorker(
  module: Type,
  service: StreamService,
  groupId: string,
  env: CommonEnv,
  tuning: TransportTuning = {},
): Promise<void> {
  const app = await NestFactory.createMicroservice<MicroserviceOptions>(module, {
    logger: createLogger(service, env.LOG_FORMAT),
    strategy: batchTransport(service, groupId, env, tuning),
  });
  app.enableShutdownHooks();
  await app.listen();
}

/** The one way a service reports that it could not start. */
export function exitOnStartupFailure(service: string): (error: Error) => never {
  return (error) => {
    process.stderr.write(`${service} failed to start: ${error.message}\n`);
    process.exit(1);
  };
}
