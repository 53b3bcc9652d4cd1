import { Injectable, NestMiddleware } from '@nestjs/common';
import { NextFunction, Request, Response } from 'express';
import { AuthenticatedUser } from '../auth/roles';
import { AuditWriter } from './audit-writer';

/**
 * Records every request when its response has been sent: subject and role (set by the auth guard,
 * null when no valid token came), route, parameters (query and path; never bodies or headers),
 * status and time. Runs before the guard, so refused requests are recorded too.
 */
@Injectable()
export class AuditMiddleware implements NestMiddleware {
  constructor(private readonly writer: AuditWriter) {}

  use(request: Request & { user?: AuthenticatedUser }, response: Response, next: NextFunction): void {
    const started = Date.now();
    response.on('finish', () => {
      this.writer.record({
        at: new Date(started),
        subject: request.user?.sub ?? null,
        role: request.user?.role ?? null,
        method: request.method,
        route: request.originalUrl.split('?')[0],
        parameters: { ...request.query },
        status: response.statusCode,
        durationMs: Date.now() - started,
      });
    });
    next();
  }
}
