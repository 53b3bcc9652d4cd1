import { Injectable, NestMiddleware } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { ProblemDetails } from '@mcm/platform';
import { NextFunction, Request, Response } from 'express';
import { ApiEnv } from '../config/api.env';

/** Bytes of the query string of a request target (`/path?a=1` -> 3), as sent. */
export function queryStringBytes(url: string): number {
  const cut = url.indexOf('?');
  return cut < 0 ? 0 : Buffer.byteLength(url.slice(cut + 1), 'utf8');
}

/**
 * Refuses a query string longer than API_MAX_QUERY_BYTES with 414 before any work (no token
 * check, no parsing, no query). No route needs a long one; the refusal is audited, cut.
 */
@Injectable()
export class QuerySizeMiddleware implements NestMiddleware {
  private readonly maxBytes: number;

  constructor(config: ConfigService<ApiEnv, true>) {
    this.maxBytes = config.get('API_MAX_QUERY_BYTES', { infer: true });
  }

  use(request: Request, response: Response, next: NextFunction): void {
    if (queryStringBytes(request.originalUrl) <= this.maxBytes) return next();
    const problem: ProblemDetails = {
      type: 'about:blank', title: 'The query string is too long', status: 414,
      errors: [{ message: `a query string may have at most ${this.maxBytes} bytes`, code: 'TOO_LONG', path: '' }],
    };
    response.status(414).type('application/problem+json').json(problem);
  }
}
