export interface HttpRequestLike {
  headers: Record<string, string | string[] | undefined>;
  ip?: string;
}

/** The token of an `Authorization: Bearer <token>` header, or undefined. */
export function bearerToken(request: HttpRequestLike): string | undefined {
  const header = request.headers.authorization;
  const match = /^Bearer\s+(\S+)$/i.exec(typeof header === 'string' ? header : '');
  return match?.[1];
}

/** The peer address (`trust proxy` is off, so never a forwarded header a client could forge). */
export function clientAddress(request: HttpRequestLike): string {
  return request.ip ?? 'unknown';
}
