import 'reflect-metadata';
import cluster from 'node:cluster';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import helmet from 'helmet';
import { bodyErrorsAsProblems, createLogger, exitOnStartupFailure } from '@mcm/platform';
import { envValidator } from '@mcm/shared';
import { ApiModule } from './api.module';
import { ApiEnv } from './config/api.env';
import { openApiDocument } from './openapi';

async function bootstrap(): Promise<void> {
  const env = envValidator(ApiEnv)(process.env);
  const app = await NestFactory.create<NestExpressApplication>(ApiModule, { logger: createLogger('api', env.LOG_FORMAT), bodyParser: false });
  app.disable('x-powered-by');
  app.set('trust proxy', false);
  app.use(helmet({ contentSecurityPolicy: { directives: { 'script-src': ["'self'"], 'img-src': ["'self'", 'data:'] } } }));
  app.useBodyParser('json', { limit: '64kb' });
  app.useBodyParser('urlencoded', { limit: '16kb', extended: false });
  app.use(bodyErrorsAsProblems);
  if (env.CORS_ORIGINS) app.enableCors({ origin: env.CORS_ORIGINS.split(',').map((o) => o.trim()), methods: ['GET', 'POST'] });
  app.enableShutdownHooks();
  SwaggerModule.setup('docs', app, openApiDocument(app), { jsonDocumentUrl: 'docs/openapi.json' });
  await app.listen(env.API_PORT, env.API_HOST);
  process.stdout.write(`api listening on http://${env.API_HOST}:${env.API_PORT} (OpenAPI at /docs)\n`);
}

/** With API_WORKERS > 1 the primary only forks workers (sharing the port); each runs bootstrap. */
function start(): void {
  const workers = Number(process.env.API_WORKERS ?? 1);
  if (workers > 1 && cluster.isPrimary) {
    for (let i = 0; i < workers; i++) cluster.fork();
    cluster.on('exit', (worker, code) => {
      if (code !== 0) process.stderr.write(`api worker ${worker.process.pid} exited with ${code}\n`);
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(code ?? 1);
    });
    const stop = () => Object.values(cluster.workers ?? {}).forEach((w) => w?.kill('SIGTERM'));
    process.on('SIGTERM', stop).on('SIGINT', stop);
    return;
  }
  bootstrap().catch(exitOnStartupFailure('api'));
}

start();
