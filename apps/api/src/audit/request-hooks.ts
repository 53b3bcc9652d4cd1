import { parse } from 'node:querystring';
import { Readable } from 'node:stream';
import { ProblemDetails } from '@mcm/platform';
import { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AuthenticatedUser } from '../auth/roles';
import { auditRecord, AuditRecord } from './audit-record';

const UNAUDITED: ProblemDetails = { type: 'about:blank', title: 'The request could not be audited, so it was not served', status: 503, errors: [] };
export const AUDIT_REFUSAL = { status: 503, contentType: 'application/problem+json; charset=utf-8', body: JSON.stringify(UNAUDITED) } as const;
export const PROBLEM_JSON = 'application/problem+json; charset=utf-8';

export interface RequestHookSettings {
  /** Resolves once the record is committed; rejects if it was not. */
  commit: (record: AuditRecord) => Promise<void>;
  /** API_MAX_QUERY_BYTES: longer query strings are refused (414) and stored cut. */
  maxQueryBytes: number;
  /** Set on every response, first thing, as helmet did (common/security-headers.ts). */
  securityHeaders: Readonly<Record<string, string>>;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** When the request arrived (ms since the epoch), for its audit record. */
    auditStartedAt: number;
    /** Set by the AuthGuard once the bearer token is verified. */
    user?: AuthenticatedUser | null;
  }
}

/** Bytes of the query string of a request target (`/path?a=1` -> 3), as sent. */
export function queryStringBytes(url: string): number {
  const cut = url.indexOf('?');
  return cut < 0 ? 0 : Buffer.byteLength(url.slice(cut + 1), 'utf8');
}

/**
 * The query-string parser of the API's Fastify instance: as Express's (node:querystring, repeated
 * names become arrays), except that a query string over `maxBytes` is not parsed at all (it is
 * refused with 414 on arrival; Fastify parses before the first hook runs).
 */
export function boundedQueryParser(maxBytes: number): (query: string) => Record<string, unknown> {
  return (query) => (Buffer.byteLength(query, 'utf8') > maxBytes ? {} : { ...parse(query) });
}

/**
 * The API's own steps around every request, as Fastify hooks (no per-request middleware chain):
 * - on arrival: the security headers; a query string longer than `maxQueryBytes` is refused
 *   with 414 before any work (no token check, no query; its parameters are never parsed);
 * - before any response leaves (`onSend`, when its status is final and nothing is written yet):
 *   its audit record (subject and role, set by the auth guard, null without a valid token;
 *   route, parameters, status, time) is committed to `api_audit`, and only then is it sent. If
 *   the commit fails the client gets 503 instead, with the security headers and none that the
 *   handler added: nothing is served unaudited. Refused requests are recorded too.
 * Register before the application's routes; the audit hook must be the last `onSend` hook.
 */
export function installRequestHooks(fastify: FastifyInstance, settings: RequestHookSettings): void {
  const { commit, maxQueryBytes, securityHeaders } = settings;
  const tooLong: ProblemDetails = {
    type: 'about:blank',
    title: 'The query string is too long',
    status: 414,
    errors: [{ message: `a query string may have at most ${maxQueryBytes} bytes`, code: 'TOO_LONG', path: '' }],
  };
  fastify.decorateRequest('auditStartedAt', 0);
  fastify.decorateRequest('user', null);

  fastify.addHook('onRequest', (request, reply, done) => {
    request.auditStartedAt = Date.now();
    reply.headers(securityHeaders);
    if (queryStringBytes(request.url) <= maxQueryBytes) return done();
    reply.code(414).type(PROBLEM_JSON).send(tooLong);
  });

  fastify.addHook('onSend', async (request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
    const startedAt = request.auditStartedAt || Date.now();
    try {
      await commit(
        auditRecord(
          { user: request.user ?? undefined, method: request.method, originalUrl: request.url, query: request.query as Record<string, unknown> },
          { status: reply.statusCode, startedAt, answeredAt: Date.now() },
          maxQueryBytes,
        ),
      );
      return payload;
    } catch {
      if (payload instanceof Readable) payload.destroy();
      for (const name of Object.keys(reply.getHeaders())) {
        reply.removeHeader(name);
        reply.raw.removeHeader(name);
      }
      reply.headers(securityHeaders).code(AUDIT_REFUSAL.status).header('content-type', AUDIT_REFUSAL.contentType).header('cache-control', 'no-store');
      return AUDIT_REFUSAL.body;
    }
  });
}
