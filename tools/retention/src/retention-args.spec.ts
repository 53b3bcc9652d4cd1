import { parseRetentionArgs, RetentionUsageError } from './retention-args';

describe('parseRetentionArgs', () => {
  const clock = () => new Date('2026-11-16T03:30:00Z');

  it('defaults to now and a real run', () => {
    expect(parseRetentionArgs([], clock)).toEqual({ now: clock(), dryRun: false });
  });

  it('reads --now (both spellings) and --dry-run', () => {
    expect(parseRetentionArgs(['--now', '2030-01-02T00:00:00Z', '--dry-run'], clock)).toEqual({
      now: new Date('2030-01-02T00:00:00Z'),
      dryRun: true,
    });
    expect(parseRetentionArgs(['--now=2030-01-02T01:00:00+01:00'], clock).now.toISOString()).toBe('2030-01-02T00:00:00.000Z');
    expect(parseRetentionArgs(['--now', '2030-01-02'], clock).now.toISOString()).toBe('2030-01-02T00:00:00.000Z');
  });

  it('refuses anything else', () => {
    for (const argv of [['--now'], ['--now', 'yesterday'], ['--now', '2030-01-02T00:00:00'], ['--now', '2030-13-40'], ['--purge-everything']]) {
      expect(() => parseRetentionArgs(argv, clock)).toThrow(RetentionUsageError);
    }
  });
});
