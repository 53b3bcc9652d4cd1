import { MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { AuditMiddleware } from './audit.middleware';
import { AuditWriter } from './audit-writer';
import { QuerySizeMiddleware } from './query-size.middleware';

/**
 * The audit trail of every request, committed before the response leaves. The API only writes
 * it; its owner reads it with `npm run audit` (tools/audit).
 */
@Module({ providers: [AuditWriter, AuditMiddleware, QuerySizeMiddleware] })
export class AuditModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    // Audit first, so that a refused long query string is recorded too.
    consumer.apply(AuditMiddleware, QuerySizeMiddleware).forRoutes('*');
  }
}
