import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import { createLogger, exitOnStartupFailure } from '@mcm/platform';
import { envValidator } from '@mcm/shared';
import { ApiModule } from './api.module';
import { ApiEnv } from './config/api.env';
import { openApiDocument } from './openapi';

async function bootstrap(): Promise<void> {
  const env = envValidator(ApiEnv)(process.env);
  const app = await NestFactory.create<NestExpressApplication>(ApiModule, { logger: createLogger('api', env.LOG_FORMAT) });
  app.disable('x-powered-by');
  app.enableShutdownHooks();
  SwaggerModule.setup('docs', app, openApiDocument(app), { jsonDocumentUrl: 'docs/openapi.json' });
  await app.listen(env.API_PORT, env.API_HOST);
  process.stdout.write(`api listening on http://${env.API_HOST}:${env.API_PORT} (OpenAPI at /docs)\n`);
}

bootstrap().catch(exitOnStartupFailure('api'));
