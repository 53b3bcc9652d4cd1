import { parseArgs, UsageError } from './cli-args';

describe('parseArgs', () => {
  it('parses every option with defaults', () => {
    expect(parseArgs(['--children', '20000', '--days', '365'])).toEqual({
      children: 20000,
      days: 365,
      rate: undefined,
      seed: 1,
      out: '.sim/ground-truth.json',
      brokers: undefined,
      invalidShare: 0.01,
      linkableOnly: false,
      now: undefined,
      dryRun: false,
    });
    expect(
      parseArgs([
        '--children=10',
        '--days=7',
        '--rate',
        '500',
        '--seed',
        '9',
        '--out',
        'x.json',
        '--brokers',
        'a:1, b:2',
        '--invalid-share',
        '0',
        '--linkable-only',
        '--now',
        '2025-06-01T12:00:00Z',
        '--dry-run',
      ]),
    ).toEqual({
      children: 10,
      days: 7,
      rate: 500,
      seed: 9,
      out: 'x.json',
      brokers: ['a:1', 'b:2'],
      invalidShare: 0,
      linkableOnly: true,
      now: new Date('2025-06-01T12:00:00Z'),
      dryRun: true,
    });
  });

  it('returns null for --help', () => {
    expect(parseArgs(['--help'])).toBeNull();
  });

  it.each([
    [[], /--children is required/],
    [['--children', '5'], /--days is required/],
    [['--children', '0', '--days', '1'], /--children/],
    [['--children', '1.5', '--days', '1'], /--children/],
    [['--children', '5', '--days', '5000'], /--days/],
    [['--children', '5', '--days', '5', '--rate', '0'], /--rate/],
    [['--children', '5', '--days', '5', '--invalid-share', '1'], /--invalid-share/],
    [['--children', '5', '--days', '5', '--now', 'yesterday'], /--now/],
    [['--children', '5', '--days', '5', '--bogus'], /unknown argument/],
    [['--children'], /needs a value/],
  ])('rejects %j', (argv, message) => {
    expect(() => parseArgs(argv as string[])).toThrow(UsageError);
    expect(() => parseArgs(argv as string[])).toThrow(message as RegExp);
  });
});
