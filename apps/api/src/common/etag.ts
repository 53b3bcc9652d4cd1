import { createHash } from 'node:crypto';
import { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/** Express's weak ETag of a body (the `etag` package): length and SHA-1, so clients' caches carry over. */
export function weakEtag(body: string | Buffer): string {
  const bytes = typeof body === 'string' ? Buffer.from(body) : body;
  return `W/"${bytes.length.toString(16)}-${createHash('sha1').update(bytes).digest('base64').substring(0, 27)}"`;
}

/** Whether the client's copy (If-None-Match, weak comparison) is this one. */
export function matchesEtag(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const bare = (tag: string) => tag.trim().replace(/^W\//, '');
  return ifNoneMatch.trim() === '*' || ifNoneMatch.split(',').some((tag) => bare(tag) === bare(etag));
}

/**
 * ETags and conditional GETs as Express gave them: every body sent whole gets a weak ETag, and a
 * GET or HEAD whose If-None-Match names it is answered 304 without the body. An `onSend` hook, so
 * register it before the audit's (which must see the final status).
 */
export function installEtags(fastify: FastifyInstance): void {
  fastify.addHook('onSend', (request: FastifyRequest, reply: FastifyReply, payload: unknown, done: (error: null, payload: unknown) => void) => {
    if ((typeof payload !== 'string' && !Buffer.isBuffer(payload)) || reply.statusCode === 204 || reply.statusCode === 304)
      return done(null, payload);
    let etag = reply.getHeader('etag') as string | undefined;
    if (!etag) reply.header('etag', (etag = weakEtag(payload)));
    const conditional = (request.method === 'GET' || request.method === 'HEAD') && reply.statusCode >= 200 && reply.statusCode < 300;
    if (!conditional || !matchesEtag(request.headers['if-none-match'], etag)) return done(null, payload);
    reply.code(304).removeHeader('content-type').removeHeader('content-length');
    done(null, '');
  });
}
