import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { adminKafka, topicNames, topicRetentionOf, TopicRetentionEnv } from '@mcm/kafka';
import { DataSource, dataSourceOptions, DEFAULT_MIGRATION_DATABASE_URL, migrateDatabase } from '@mcm/persistence';
import { envValidator, referenceData } from '@mcm/shared';
import { parseCsv } from '@mcm/shared/reference/csv';
import { IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import { provisionEnvironment } from './environment';
import { AgencyOnboarding } from './onboarding';

const USAGE = `usage:
  npm run agency -- add --type POLICE|LOCAL_AUTHORITY|SCHOOL --code <code> [--json]
  npm run agency -- add --file agencies.csv [--json] [--if-missing]
                                 (columns: type,code; one JSON object a line with --json; --if-missing skips
                                  agencies that can publish now and reissues credentials for the others)
  npm run agency -- revoke --code <code>
  npm run agency -- list [--json]
  npm run agency -- provision                            (the environment's topics, service identities and grants)`;

class AgencyCliEnv extends TopicRetentionEnv {
  /** Where onboarded agencies POST their events (printed in their credentials). Unset: the local gateway's. */
  @IsOptional()
  @IsString()
  AGENCY_GATEWAY_URL?: string;

  /** The local gateway (ingest's INGEST_HTTP_HOST and INGEST_HTTP_PORT), when AGENCY_GATEWAY_URL is unset. */
  @IsString()
  INGEST_HTTP_HOST: string = '127.0.0.1';

  @IsInt()
  @Min(1)
  @Max(65535)
  INGEST_HTTP_PORT: number = 3100;

  /** The register is written by the admin tooling alone: as the owner (no service may write it). */
  @Matches(/^postgres(ql)?:\/\//, { message: 'MIGRATION_DATABASE_URL must be a postgres:// URL' })
  MIGRATION_DATABASE_URL: string = DEFAULT_MIGRATION_DATABASE_URL;
}

class UsageError extends Error {}

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  const flag = (name: string) => {
    const i = rest.indexOf(`--${name}`);
    return i >= 0 ? rest[i + 1] : undefined;
  };
  const json = rest.includes('--json');
  const env = envValidator(AgencyCliEnv)(process.env);
  const topics = topicNames(env.KAFKA_TOPIC_PREFIX);
  const kafka = adminKafka('mcm-agency-cli', env);
  if (command === 'provision') {
    await provisionEnvironment(kafka, topics, env, topicRetentionOf(env));
    process.stdout.write(`provisioned environment '${topics.prefix}': shared topics (and every topic's retention), service identities and grants\n`);
    return;
  }
  if (!['add', 'revoke', 'list'].includes(command)) throw new UsageError(command ? `unknown command ${command}` : 'missing command');
  await migrateDatabase(env.MIGRATION_DATABASE_URL, { identityKeys: env });
  const db = await new DataSource(dataSourceOptions(env.MIGRATION_DATABASE_URL)).initialize();
  try {
    const onboarding = new AgencyOnboarding(db, kafka, topics, referenceData(), {
      brokers: env.KAFKA_BROKERS.split(','),
      eventsUrl: env.AGENCY_GATEWAY_URL || `http://${env.INGEST_HTTP_HOST}:${env.INGEST_HTTP_PORT}/v1/events`,
      retention: topicRetentionOf(env),
      pki: env,
    });
    if (command === 'add') {
      const file = flag('file');
      const wanted = file
        ? parseCsv(readFileSync(file, 'utf8')).map((r) => ({ type: r.type, code: r.code }))
        : [{ type: flag('type') ?? '', code: flag('code') ?? '' }];
      if (!file && (!flag('type') || !flag('code'))) throw new UsageError('add needs --type and --code (or --file)');
      const ifMissing = rest.includes('--if-missing');
      const usable = ifMissing ? await onboarding.usable() : new Set<string>();
      // --if-missing: skip agencies that can publish now; (re)issue the rest, even if the register
      // still lists them as active (a new broker or CA since).
      const issued = await onboarding.add(
        wanted.filter((a) => !usable.has(a.code)),
        { reissue: ifMissing },
      );
      for (const credentials of issued) {
        process.stdout.write(json ? `${JSON.stringify(credentials)}\n` : describe(credentials));
      }
      process.stderr.write(
        `onboarded ${issued.length} agenc${issued.length === 1 ? 'y' : 'ies'}${ifMissing ? ` (${usable.size} already onboarded)` : ''}\n`,
      );
    } else if (command === 'revoke') {
      const code = flag('code');
      if (!code) throw new UsageError('revoke needs --code');
      const { grantsRemoved } = await onboarding.revoke(code);
      process.stdout.write(`revoked ${code}: HTTP credential forgotten, ${grantsRemoved} Kafka grants removed\n`);
    } else {
      const agencies = await onboarding.list();
      if (json) process.stdout.write(`${JSON.stringify(agencies)}\n`);
      else
        for (const a of agencies)
          process.stdout.write(
            `${a.type.padEnd(15)} ${a.code.padEnd(10)} ${a.status.padEnd(8)} ${a.createdAt.toISOString()} ${a.revokedAt?.toISOString() ?? '-'.padEnd(24)} ${a.name}\n`,
          );
    }
  } finally {
    await db.destroy();
  }
}

function describe(c: {
  agency: string;
  kafka: { brokers: string; topic: string; ssl: { ca: string; cert: string | null; key: string | null } };
  http: { url: string; token: string };
}): string {
  return `agency ${c.agency}
  kafka:  ${c.kafka.brokers}, publish to ${c.kafka.topic} with mutual TLS (ca ${c.kafka.ssl.ca}, cert ${c.kafka.ssl.cert}, key ${c.kafka.ssl.key})
  http:   POST ${c.http.url} with Authorization: Bearer ${c.http.token}
          (shown once: only its hash is kept)
`;
}

/** Exits once standard output is flushed: a long listing into a pipe is otherwise cut short. */
const exitAfterFlush = (code: number) => process.stdout.write('', () => process.exit(code));

main(process.argv.slice(2)).then(
  () => exitAfterFlush(0),
  (error: Error) => {
    process.stderr.write(error instanceof UsageError ? `agency: ${error.message}\n${USAGE}\n` : `agency: ${error.message}\n`);
    exitAfterFlush(error instanceof UsageError ? 2 : 1);
  },
);
