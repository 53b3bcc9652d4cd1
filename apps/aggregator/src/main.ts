import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { MicroserviceOptions } from '@nestjs/microservices';
import { KafkaBatchTransport, TOPIC_SPECS } from '@mcm/kafka';
import { createLogger } from '@mcm/platform';
import { envValidator } from '@mcm/shared';
import { AggregatorModule } from './aggregator.module';
import { AggregatorEnv, DEVELOPMENT_LINK_KEY_SECRET } from './config/aggregator.env';

async function bootstrap(): Promise<void> {
  const env = envValidator(AggregatorEnv)(process.env);
  if (env.NODE_ENV === 'production' && env.LINK_KEY_SECRET === DEVELOPMENT_LINK_KEY_SECRET) {
    throw new Error('LINK_KEY_SECRET must be set in production');
  }
  const app = await NestFactory.createMicroservice<MicroserviceOptions>(AggregatorModule, {
    logger: createLogger('aggregator', env.LOG_FORMAT),
    strategy: new KafkaBatchTransport({
      kafka: { clientId: 'mcm-aggregator', brokers: env.KAFKA_BROKERS.split(',') },
      groupId: env.AGGREGATOR_GROUP_ID,
      topics: TOPIC_SPECS,
      maxBytesPerPartition: 4 * 1024 * 1024,
    }),
  });
  app.enableShutdownHooks();
  await app.listen();
}

bootstrap().catch((error: Error) => {
  process.stderr.write(`aggregator failed to start: ${error.message}\n`);
  process.exit(1);
});
