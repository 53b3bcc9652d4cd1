import { IncomingMessage, ServerResponse } from 'node:http';
import helmet from 'helmet';

/** The helmet policy of the API: only our own scripts, images from us or data: URLs. */
export const HELMET_OPTIONS = { contentSecurityPolicy: { directives: { 'script-src': ["'self'"], 'img-src': ["'self'", 'data:'] } } } as const;

/**
 * The security headers helmet sets with HELMET_OPTIONS, worked out once: they do not depend on the
 * request (no nonces), so every response gets this same object instead of helmet running per
 * request. Names in lower case, as Fastify keeps them.
 */
export function securityHeaders(options: Parameters<typeof helmet>[0] = HELMET_OPTIONS): Readonly<Record<string, string>> {
  const headers: Record<string, string> = {};
  const recorder = {
    setHeader: (name: string, value: string | number | readonly string[]) =>
      void (headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value)),
    removeHeader: (name: string) => void delete headers[name.toLowerCase()],
    getHeader: (name: string) => headers[name.toLowerCase()],
  } as unknown as ServerResponse;
  let failure: unknown;
  helmet(options)({ headers: {} } as IncomingMessage, recorder, (error?: unknown) => void (failure = error));
  if (failure) throw failure;
  return Object.freeze(headers);
}
