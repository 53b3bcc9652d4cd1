import { Injectable, NestMiddleware } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { ProblemDetails } from '@mcm/platform';
import { NextFunction, Request, Response } from 'express';
import { AuthenticatedUser } from '../auth/roles';
import { ApiEnv } from '../config/api.env';
import { auditRecord } from './audit-record';
import { AuditWriter } from './audit-writer';
import { holdResponseUntil, Refusal } from './held-response';

const UNAUDITED: ProblemDetails = { type: 'about:blank', title: 'The request could not be audited, so it was not served', status: 503, errors: [] };
export const AUDIT_REFUSAL: Refusal = { status: 503, contentType: 'application/problem+json; charset=utf-8', body: JSON.stringify(UNAUDITED) };

/**
 * Audits every request before its response leaves: when the response is ready, its record
 * (subject and role, set by the auth guard, null without a valid token; route, parameters, status,
 * time) is committed to `api_audit`, and only then is the response sent. If the commit fails the
 * client gets 503 instead: nothing is served unaudited. Runs before the guards, so refused
 * requests are recorded too.
 */
@Injectable()
export class AuditMiddleware implements NestMiddleware {
  private readonly maxParameterBytes: number;

  constructor(private readonly writer: AuditWriter, config: ConfigService<ApiEnv, true>) {
    this.maxParameterBytes = config.get('API_MAX_QUERY_BYTES', { infer: true });
  }

  use(request: Request & { user?: AuthenticatedUser }, response: Response, next: NextFunction): void {
    const startedAt = Date.now();
    holdResponseUntil(response, (status) =>
      this.writer.commit(auditRecord(request, { status, startedAt, answeredAt: Date.now() }, this.maxParameterBytes)), AUDIT_REFUSAL);
    next();
  }
}
