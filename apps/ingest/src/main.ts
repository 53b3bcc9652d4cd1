import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import helmet from 'helmet';
import { agencyOfInputTopic, serviceGroup, topicNames } from '@mcm/kafka';
import { batchTransport, bodyErrorsAsProblems, createLogger, exitOnStartupFailure } from '@mcm/platform';
import { envValidator, useReferenceDataDir } from '@mcm/shared';
import { IngestEnv } from './config/ingest.env';
import { IngestModule } from './ingest.module';
import { AGENCY_INPUT } from './intake/intake.controller';

/** Ingest: every agency's Kafka input topic, and the HTTP gateway, into one triage. */
async function bootstrap(): Promise<void> {
  const env = envValidator(IngestEnv)(process.env);
  useReferenceDataDir(env.REFERENCE_DATA_DIR);
  const topics = topicNames(env.KAFKA_TOPIC_PREFIX);
  const app = await NestFactory.create<NestExpressApplication>(IngestModule, { logger: createLogger('ingest', env.LOG_FORMAT), bodyParser: false });
  app.disable('x-powered-by');
  app.use(helmet());
  app.useBodyParser('json', { limit: env.GATEWAY_MAX_BODY_BYTES });
  app.use(bodyErrorsAsProblems);
  app.connectMicroservice({
    // Smaller hand-overs than the aggregator's: validation is cheap per event, and the aggregator
    // can start on the first accepted events sooner.
    strategy: batchTransport('ingest', serviceGroup('ingest', env.KAFKA_TOPIC_PREFIX), env, {
      maxHandOverMessages: 5_000,
      prefetchMessages: 10_000,
      // Every fetch names every agency's partition (kafkajs has no incremental fetch sessions), so
      // an idle poll costs the broker and ingest in proportion to the number of agencies. A longer
      // poll costs no latency: the broker answers as soon as any partition has data.
      maxWaitTimeInMs: 2_000,
      subscription: {
        // Only the agencies' input topics are visible to ingest's principal anyway (DESCRIBE ACL).
        topics: async (admin) => (await admin.listTopics()).filter((topic) => agencyOfInputTopic(topic, topics) !== undefined),
        handlerPattern: () => AGENCY_INPUT,
        resubscribeEveryMs: env.INGEST_RESUBSCRIBE_SECONDS * 1000,
      },
    }),
  });
  const openApi = new DocumentBuilder()
    .setTitle('Missing Children Monitor: agency gateway')
    .setDescription('For police forces, councils and schools without a Kafka client: publish events and read your own rejections.')
    .setVersion('1')
    .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'The HTTP credential `npm run agency -- add` issued to your agency' }, 'agency')
    .build();
  SwaggerModule.setup('docs', app, SwaggerModule.createDocument(app, openApi), { jsonDocumentUrl: 'docs/openapi.json' });
  app.enableShutdownHooks();
  await app.startAllMicroservices();
  await app.listen(env.INGEST_HTTP_PORT, env.INGEST_HTTP_HOST);
  process.stdout.write(
    `ingest gateway listening on http://${env.INGEST_HTTP_HOST}:${env.INGEST_HTTP_PORT} (OpenAPI at /docs); consuming ${topics.agencyInputPrefix}*\n`,
  );
}

bootstrap().catch(exitOnStartupFailure('ingest'));
