import 'reflect-metadata';
import { exitOnStartupFailure, runBatchWorker } from '@mcm/platform';
import { envValidator } from '@mcm/shared';
import { IngestEnv } from './config/ingest.env';
import { IngestModule } from './ingest.module';

async function bootstrap(): Promise<void> {
  const env = envValidator(IngestEnv)(process.env);
  await runBatchWorker(IngestModule, 'ingest', env.INGEST_GROUP_ID, env);
}

bootstrap().catch(exitOnStartupFailure('ingest'));
