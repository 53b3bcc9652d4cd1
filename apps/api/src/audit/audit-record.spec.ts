import { auditedParameters, auditRecord, MAX_AUDITED_PATH_BYTES, TRUNCATION_MARKER, truncateUtf8 } from './audit-record';
import { queryStringBytes } from './request-hooks';

describe('audit records', () => {
  const bytes = (value: unknown) => Buffer.byteLength(typeof value === 'string' ? value : JSON.stringify(value), 'utf8');

  it('keeps subject, role, method, path, parameters, status and duration', () => {
    const record = auditRecord(
      {
        user: { sub: 'alice', role: 'analyst' },
        method: 'GET',
        originalUrl: '/v1/incidence/weekly?setting=CARE&la=E09000033',
        query: { setting: 'CARE', la: 'E09000033' },
      },
      { status: 200, startedAt: 1_000, answeredAt: 1_007 },
      2048,
    );
    expect(record).toEqual({
      at: new Date(1_000),
      subject: 'alice',
      role: 'analyst',
      method: 'GET',
      route: '/v1/incidence/weekly',
      parameters: { setting: 'CARE', la: 'E09000033' },
      status: 200,
      durationMs: 7,
    });
  });

  it('records requests without a valid token with no subject', () => {
    const record = auditRecord({ method: 'GET', originalUrl: '/v1/bulletins', query: {} }, { status: 401, startedAt: 0, answeredAt: 1 }, 2048);
    expect([record.subject, record.role, record.parameters]).toEqual([null, null, {}]);
  });

  it('stores a long query string cut to the cap, marked, without parsing it', () => {
    const raw = `setting=${'x'.repeat(5000)}`;
    const parse = jest.fn(() => ({ setting: 'x'.repeat(5000) }));
    const stored = auditedParameters(parse, raw, 2048);
    expect(parse).not.toHaveBeenCalled();
    expect(stored).toMatchObject({ truncated: true, bytes: raw.length });
    expect(String(stored.query)).toMatch(/^setting=x+…\[truncated\]$/);
    expect(bytes(stored)).toBeLessThanOrEqual(2048);
    expect(bytes(stored)).toBeGreaterThan(1900);
  });

  it('cuts parameters whose JSON outgrows the cap even when the raw string fits', () => {
    // %22 (3 bytes) becomes \" (2 bytes), but a control character %01 (3 bytes) becomes \u0001 (6).
    const raw = `a=${'%01'.repeat(600)}`;
    const stored = auditedParameters(() => ({ a: '\u0001'.repeat(600) }), raw, 2048);
    expect(stored.truncated).toBe(true);
    expect(bytes(stored)).toBeLessThanOrEqual(2048);
  });

  it('keeps the stored form under the cap whatever the characters', () => {
    for (const unit of ['"', '\\', '\u0001', 'é', '😀', 'a']) {
      const raw = unit.repeat(3000);
      expect(bytes(auditedParameters(() => ({}), raw, 512))).toBeLessThanOrEqual(512);
    }
  });

  it('cuts long paths, on a character boundary', () => {
    const route = auditRecord(
      { method: 'GET', originalUrl: `/v1/${'é'.repeat(2000)}`, query: {} },
      { status: 404, startedAt: 0, answeredAt: 0 },
      2048,
    ).route;
    expect(bytes(route)).toBeLessThanOrEqual(MAX_AUDITED_PATH_BYTES);
    expect(route.endsWith(`é${TRUNCATION_MARKER}`)).toBe(true);
    expect(truncateUtf8('short', 100)).toBe('short');
    expect(truncateUtf8('😀😀😀😀😀', 19)).toBe(`😀${TRUNCATION_MARKER}`);
  });

  it('measures query strings in bytes as sent', () => {
    expect([queryStringBytes('/v1/x'), queryStringBytes('/v1/x?'), queryStringBytes('/v1/x?a=1&b=2'), queryStringBytes('/x?a=é')]).toEqual([
      0, 0, 7, 4,
    ]);
  });
});
