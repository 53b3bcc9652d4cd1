import 'reflect-metadata';
import { exitOnStartupFailure, runBatchWorker } from '@mcm/platform';
import { envValidator } from '@mcm/shared';
import { IngestEnv } from './config/ingest.env';
import { IngestModule } from './ingest.module';

async function bootstrap(): Promise<void> {
  const env = envValidator(IngestEnv)(process.env);
  // Smaller hand-overs than the aggregator's: validation is cheap per event, and the aggregator
  // can start on the first accepted events sooner.
  await runBatchWorker(IngestModule, 'ingest', env.INGEST_GROUP_ID, env, { maxHandOverMessages: 5_000, prefetchMessages: 10_000 });
}

bootstrap().catch(exitOnStartupFailure('ingest'));
