export interface SimulatorArgs {
  children: number;
  days: number;
  rate?: number;
  seed: number;
  out: string;
  brokers?: string[];
  invalidShare: number;
  linkableOnly: boolean;
  now?: Date;
  dryRun: boolean;
  /** Writes the publishing agencies (type,code CSV) for `npm run agency -- add --file`. */
  agenciesOut?: string;
}

export const USAGE = `Usage: npm run simulate -- --children N --days D [options]

Publishes a realistic stream of agency events, each agency to its own topic (missing.events.v1.<code>) with its
own credentials (onboarded first: npm run agency -- add), and writes the ground truth.

  --children N        number of real children (required)
  --days D            length of the simulated history, ending now (required, 1-4380)
  --rate R            maximum events per second (default: as fast as possible)
  --seed S            seed of the deterministic generator (default 1)
  --out FILE          ground-truth file (default .sim/ground-truth.json)
  --brokers H:P[,..]  Kafka brokers (default KAFKA_BROKERS or 127.0.0.1:9092)
  --invalid-share F   share of invalid events, 0 <= F < 1 (default 0.01)
  --linkable-only     every child can be resolved by deterministic linkage
  --now ISO           end of the history (default: the current time)
  --dry-run           generate and write the ground truth, publish nothing
  --agencies-out FILE the agencies that publish, as type,code CSV (for npm run agency -- add --file FILE)
  --help              this text`;

export class UsageError extends Error {}

/** Parses the command line; throws UsageError with a message for people. Returns null for --help. */
export function parseArgs(argv: readonly string[]): SimulatorArgs | null {
  const values = new Map<string, string>();
  const flags = new Set<string>();
  const FLAGS = ['--linkable-only', '--dry-run', '--help', '-h'];
  const OPTIONS = ['--children', '--days', '--rate', '--seed', '--out', '--brokers', '--invalid-share', '--now', '--agencies-out'];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const eq = arg.indexOf('=');
    const name = arg.startsWith('--') && eq > 0 ? arg.slice(0, eq) : arg;
    if (FLAGS.includes(name)) flags.add(name);
    else if (OPTIONS.includes(name)) {
      const value = eq > 0 && arg.startsWith('--') ? arg.slice(eq + 1) : argv[++i];
      if (value === undefined) throw new UsageError(`${name} needs a value`);
      values.set(name, value);
    } else throw new UsageError(`unknown argument ${arg}`);
  }
  if (flags.has('--help') || flags.has('-h')) return null;

  const number = (name: string, check: (n: number) => boolean, rule: string): number | undefined => {
    const raw = values.get(name);
    if (raw === undefined) return undefined;
    const n = Number(raw);
    if (raw.trim() === '' || !Number.isFinite(n) || !check(n)) throw new UsageError(`${name} must be ${rule} (got ${raw})`);
    return n;
  };
  const children = number('--children', (n) => Number.isInteger(n) && n >= 1, 'a whole number >= 1');
  const days = number('--days', (n) => n >= 1 && n <= 4380, 'between 1 and 4380');
  if (children === undefined) throw new UsageError('--children is required');
  if (days === undefined) throw new UsageError('--days is required');
  let now: Date | undefined;
  if (values.has('--now')) {
    now = new Date(values.get('--now') as string);
    if (Number.isNaN(now.getTime())) throw new UsageError(`--now must be an ISO date-time (got ${values.get('--now')})`);
  }
  const brokers = values
    .get('--brokers')
    ?.split(',')
    .map((b) => b.trim())
    .filter(Boolean);
  if (brokers !== undefined && brokers.length === 0) throw new UsageError('--brokers needs at least one host:port');
  return {
    children,
    days,
    rate: number('--rate', (n) => n > 0, 'a number > 0'),
    seed: number('--seed', (n) => Number.isInteger(n) && n >= 0 && n <= 0xffffffff, 'a whole number between 0 and 4294967295') ?? 1,
    out: values.get('--out') ?? '.sim/ground-truth.json',
    brokers,
    invalidShare: number('--invalid-share', (n) => n >= 0 && n < 1, 'at least 0 and below 1') ?? 0.01,
    linkableOnly: flags.has('--linkable-only'),
    now,
    dryRun: flags.has('--dry-run'),
    agenciesOut: values.get('--agencies-out'),
  };
}
