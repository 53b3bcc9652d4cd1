import { Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { MicroserviceOptions } from '@nestjs/microservices';
import { KafkaBatchTransport, KafkaBatchTransportOptions, TOPIC_SPECS } from '@mcm/kafka';
import { CommonEnv } from '@mcm/shared';
import { createLogger } from './logger';

/** Starts a Nest microservice whose `@EventPattern(topic)` handlers receive whole Kafka batches. */
export async function runBatchWorker(
  module: Type, service: string, groupId: string, env: CommonEnv, transport: Pick<KafkaBatchTransportOptions, 'decode' | 'maxHandOverMessages' | 'prefetchMessages'> = {},
): Promise<void> {
  const app = await NestFactory.createMicroservice<MicroserviceOptions>(module, {
    logger: createLogger(service, env.LOG_FORMAT),
    strategy: new KafkaBatchTransport({
      kafka: { clientId: `mcm-${service}`, brokers: env.KAFKA_BROKERS.split(',') },
      groupId,
      topics: TOPIC_SPECS,
      ...transport,
    }),
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
