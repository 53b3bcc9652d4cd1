import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { MicroserviceOptions } from '@nestjs/microservices';
import { KafkaBatchTransport, TOPIC_SPECS } from '@mcm/kafka';
import { createLogger } from '@mcm/platform';
import { envValidator } from '@mcm/shared';
import { IngestEnv } from './config/ingest.env';
import { IngestModule } from './ingest.module';

async function bootstrap(): Promise<void> {
  const env = envValidator(IngestEnv)(process.env);
  const app = await NestFactory.createMicroservice<MicroserviceOptions>(IngestModule, {
    logger: createLogger('ingest', env.LOG_FORMAT),
    strategy: new KafkaBatchTransport({
      kafka: { clientId: 'mcm-ingest', brokers: env.KAFKA_BROKERS.split(',') },
      groupId: env.INGEST_GROUP_ID,
      topics: TOPIC_SPECS,
    }),
  });
  app.enableShutdownHooks();
  await app.listen();
}

bootstrap().catch((error: Error) => {
  process.stderr.write(`ingest failed to start: ${error.message}\n`);
  process.exit(1);
});
