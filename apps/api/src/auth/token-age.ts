/** A duration such as `12h`, `30m`, `90s` or `1d`. */
export const DURATION_PATTERN = /^([1-9]\d{0,6})([smhd])$/;

const SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86_400 };

/** The duration in seconds (`12h` -> 43200); throws on anything DURATION_PATTERN refuses. */
export function durationSeconds(text: string): number {
  const match = DURATION_PATTERN.exec(text);
  if (!match) throw new Error(`not a duration: ${text} (expected e.g. 12h, 30m, 90s, 1d)`);
  return Number(match[1]) * SECONDS[match[2]];
}

/**
 * Until when a verified token may be trusted (epoch ms): its expiry, or its issue time plus the
 * maximum token age, whichever comes first.
 */
export function trustedUntil(claims: { iat: number; exp: number }, maxAgeSeconds: number): number {
  return Math.min(claims.exp, claims.iat + maxAgeSeconds) * 1000;
}
