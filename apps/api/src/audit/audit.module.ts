import { MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { AuditController } from './audit.controller';
import { AuditMiddleware } from './audit.middleware';
import { AuditWriter } from './audit-writer';

@Module({ controllers: [AuditController], providers: [AuditWriter, AuditMiddleware] })
export class AuditModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(AuditMiddleware).forRoutes('*');
  }
}
