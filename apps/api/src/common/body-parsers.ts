import { parse } from 'node:querystring';
import { FastifyInstance } from 'fastify';

/** A body the parser could not read: answered as problem details (400) by ProblemDetailsFilter. */
function unreadableBody(): Error {
  return Object.assign(new Error('the request body could not be read'), { statusCode: 400, code: 'FST_ERR_CTP_UNREADABLE_BODY' });
}

/**
 * The request bodies the API reads, as before on Express: JSON up to `jsonBytes`, URL-encoded
 * forms up to `formBytes` (node:querystring); anything larger is refused with 413, malformed
 * bodies with 400, other media types with 415, all as problem details. Fastify's own JSON parser
 * (prototype-poisoning checks) does the parsing; its SyntaxError is wrapped so that it is not
 * mistaken for a failed query by Nest.
 */
export function installBodyParsers(fastify: FastifyInstance, limits: { jsonBytes: number; formBytes: number }): void {
  const parseJson = fastify.getDefaultJsonParser('error', 'error');
  fastify.removeContentTypeParser('application/json');
  fastify.addContentTypeParser('application/json', { parseAs: 'string', bodyLimit: limits.jsonBytes }, (request, body, done) =>
    parseJson(request, body as string, (error, value) => (error ? done(unreadableBody(), undefined) : done(null, value))),
  );
  fastify.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: limits.formBytes }, (_request, body, done) =>
    done(null, { ...parse(body as string) }),
  );
}
