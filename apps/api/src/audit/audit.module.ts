import { Module } from '@nestjs/common';
import { AuditWriter } from './audit-writer';

/**
 * The audit trail of every request, committed before the response leaves (request-hooks.ts,
 * installed by main.ts). The API only writes it; its owner reads it with `npm run audit`.
 */
@Module({ providers: [AuditWriter], exports: [AuditWriter] })
export class AuditModule {}
