import { formatAuditEntry, parseAuditArguments } from './audit-trail';

describe('npm run audit', () => {
  it('reads its arguments', () => {
    expect(parseAuditArguments([])).toEqual({ limit: 100, json: false });
    expect(parseAuditArguments(['--subject', 'alice', '--before', '42', '--limit', '5', '--json'])).toEqual({
      subject: 'alice',
      before: '42',
      limit: 5,
      json: true,
    });
  });

  it('refuses what it does not understand', () => {
    for (const argv of [
      ['--before', '0'],
      ['--before', 'x'],
      ['--limit', '0'],
      ['--limit', '10001'],
      ['--limit', '2.5'],
      ['--subject'],
      ['--subject', '--json'],
      ['--since', 'x'],
    ]) {
      expect(() => parseAuditArguments(argv)).toThrow(/usage: npm run audit/);
    }
  });

  it('prints one line a record, as JSON or as columns', () => {
    const entry = {
      id: '41',
      at: new Date('2026-11-23T09:31:02.120Z'),
      subject: 'alice',
      role: 'analyst',
      method: 'GET',
      route: '/v1/incidence/weekly',
      parameters: { setting: 'CARE' },
      status: 200,
      durationMs: 4,
    };
    expect(JSON.parse(formatAuditEntry(entry, true))).toEqual({ ...entry, at: '2026-11-23T09:31:02.120Z' });
    expect(formatAuditEntry(entry, false)).toBe(
      '41\t2026-11-23T09:31:02.120Z\talice\tanalyst\tGET\t/v1/incidence/weekly\t200\t4ms\t{"setting":"CARE"}',
    );
    expect(formatAuditEntry({ ...entry, subject: null, role: null }, false)).toMatch(/^41\t\S+\t-\t-\t/);
  });
});
