import 'reflect-metadata';
import cluster from 'node:cluster';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule } from '@nestjs/swagger';
import { createLogger, exitOnStartupFailure } from '@mcm/platform';
import { envValidator, useReferenceDataDir } from '@mcm/shared';
import { ApiModule } from './api.module';
import { AuditWriter } from './audit/audit-writer';
import { boundedQueryParser, installRequestHooks } from './audit/request-hooks';
import { installBodyParsers } from './common/body-parsers';
import { installEtags } from './common/etag';
import { securityHeaders } from './common/security-headers';
import { ApiEnv } from './config/api.env';
import { openApiDocument } from './openapi';

async function bootstrap(env: ApiEnv): Promise<void> {
  useReferenceDataDir(env.REFERENCE_DATA_DIR);
  // Fastify, set up to behave as the Express stack did: the peer address only (no forwarded
  // headers), routes matched whatever their case and trailing slash, keep-alive for 5 s.
  const adapter = new FastifyAdapter({
    trustProxy: false,
    keepAliveTimeout: 5_000,
    bodyLimit: 64 * 1024,
    routerOptions: { caseSensitive: false, ignoreTrailingSlash: true, querystringParser: boundedQueryParser(env.API_MAX_QUERY_BYTES) },
    skipMiddie: true, // no Nest middleware: the API's own steps are hooks (audit/request-hooks.ts)
  });
  const app = await NestFactory.create<NestFastifyApplication>(ApiModule, adapter, {
    logger: createLogger('api', env.LOG_FORMAT),
    bodyParser: false,
  });
  const fastify = app.getHttpAdapter().getInstance();
  installBodyParsers(fastify, { jsonBytes: 64 * 1024, formBytes: 16 * 1024 });
  installEtags(fastify); // an onSend hook before the audit's, which must see the final status
  const writer = app.get(AuditWriter);
  installRequestHooks(fastify, {
    commit: (record) => writer.commit(record),
    maxQueryBytes: env.API_MAX_QUERY_BYTES,
    securityHeaders: securityHeaders(),
  });
  if (env.CORS_ORIGINS) app.enableCors({ origin: env.CORS_ORIGINS.split(',').map((o) => o.trim()), methods: ['GET', 'POST'] });
  app.enableShutdownHooks();
  SwaggerModule.setup('docs', app, openApiDocument(app), { jsonDocumentUrl: 'docs/openapi.json' });
  await app.listen(env.API_PORT, env.API_HOST);
  process.stdout.write(`api listening on http://${env.API_HOST}:${env.API_PORT} (OpenAPI at /docs)\n`);
}

/** With API_WORKERS > 1 the primary only forks workers (sharing the port); each runs bootstrap. */
function start(): void {
  // Validated once here: a bad variable stops the primary before any worker is forked.
  let env: ApiEnv;
  try {
    env = envValidator(ApiEnv)(process.env);
  } catch (error) {
    return exitOnStartupFailure('api')(error as Error);
  }
  if (env.API_WORKERS > 1 && cluster.isPrimary) {
    for (let i = 0; i < env.API_WORKERS; i++) cluster.fork();
    cluster.on('exit', (worker, code) => {
      if (code !== 0) process.stderr.write(`api worker ${worker.process.pid} exited with ${code}\n`);
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(code ?? 1);
    });
    const stop = () => Object.values(cluster.workers ?? {}).forEach((w) => w?.kill('SIGTERM'));
    process.on('SIGTERM', stop).on('SIGINT', stop);
    return;
  }
  bootstrap(env).catch(exitOnStartupFailure('api'));
}

start();
