import { AuthenticatedUser } from '../auth/roles';

export interface AuditRecord {
  at: Date;
  subject: string | null;
  role: string | null;
  method: string;
  route: string;
  parameters: Record<string, unknown>;
  status: number;
  durationMs: number;
}

/** The most of a request's path the audit trail keeps (longer ones are cut and marked). */
export const MAX_AUDITED_PATH_BYTES = 1024;

export const TRUNCATION_MARKER = '…[truncated]';

export interface AuditedRequest {
  user?: AuthenticatedUser;
  method: string;
  originalUrl: string;
  query: Record<string, unknown>;
}

/**
 * What the audit trail keeps of a request: subject and role (null without a valid token), method,
 * path, query parameters (never bodies or headers), status and time; path and parameters capped.
 */
export function auditRecord(
  request: AuditedRequest,
  outcome: { status: number; startedAt: number; answeredAt: number },
  maxParameterBytes: number,
): AuditRecord {
  const cut = request.originalUrl.indexOf('?');
  const path = cut >= 0 ? request.originalUrl.slice(0, cut) : request.originalUrl;
  const rawQuery = cut >= 0 ? request.originalUrl.slice(cut + 1) : '';
  return {
    at: new Date(outcome.startedAt),
    subject: request.user?.sub ?? null,
    role: request.user?.role ?? null,
    method: request.method,
    route: truncateUtf8(path, MAX_AUDITED_PATH_BYTES),
    // A query string over the cap is not even parsed.
    parameters: auditedParameters(() => request.query, rawQuery, maxParameterBytes),
    status: outcome.status,
    durationMs: Math.max(0, outcome.answeredAt - outcome.startedAt),
  };
}

/**
 * The parameters as stored: the parsed query if its JSON fits in `maxBytes`; otherwise a marked,
 * cut copy of the raw query string (`{ truncated: true, bytes, query }`) that also fits.
 */
export function auditedParameters(parsed: () => Record<string, unknown>, rawQuery: string, maxBytes: number): Record<string, unknown> {
  const rawBytes = Buffer.byteLength(rawQuery, 'utf8');
  if (rawBytes <= maxBytes) {
    const query = { ...parsed() };
    if (Buffer.byteLength(JSON.stringify(query), 'utf8') <= maxBytes) return query;
  }
  let budget = maxBytes;
  for (;;) {
    const stored = { truncated: true, bytes: rawBytes, query: truncateUtf8(rawQuery, budget) };
    const excess = Buffer.byteLength(JSON.stringify(stored), 'utf8') - maxBytes;
    if (excess <= 0 || budget === 0) return stored;
    budget = Math.max(0, budget - excess);
  }
}

/** The text cut to at most `maxBytes` UTF-8 bytes, marker included, on a character boundary. */
export function truncateUtf8(text: string, maxBytes: number): string {
  const bytes = Buffer.from(text, 'utf8');
  if (bytes.length <= maxBytes) return text;
  const room = Math.max(0, maxBytes - Buffer.byteLength(TRUNCATION_MARKER, 'utf8'));
  // Drop a character cut in half (decoded as U+FFFD at the end).
  const head = bytes
    .subarray(0, room)
    .toString('utf8')
    .replace(/\uFFFD+$/, '');
  return `${head}${TRUNCATION_MARKER}`;
}
