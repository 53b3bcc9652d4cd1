import { existsSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { agencyChildKey, agencyInputTopic, agencyPrincipal, AgencyPublishers, issuedTlsFiles, kafkaSettingsFromEnv, topicNames } from '@mcm/kafka';
import { agencyTypeOfCode, CommonEnv, envValidator, useReferenceDataDir } from '@mcm/shared';
import { mapSsda903Return } from '@mcm/ssda903';

const USAGE = 'usage: npm run import:903 -- --la <LA code> --header header.csv --missing missing.csv [--dry-run]';

class UsageError extends Error {}

/**
 * `npm run import:903`: a council's SSDA903 return (Header and Missing tables) as CARE events,
 * published with the council's own credentials to its own topic, exactly as its case system
 * would over Kafka. Rows that cannot be mapped are reported and left out; the rest go on.
 */
async function main(argv: string[]): Promise<number> {
  const flag = (name: string) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const [la, headerFile, missingFile] = [flag('la'), flag('header'), flag('missing')];
  if (!la || !headerFile || !missingFile) throw new UsageError('--la, --header and --missing are required');
  if (agencyTypeOfCode(la) !== 'LOCAL_AUTHORITY') throw new UsageError(`${la} is not a local authority GSS code (E06/E08/E09/E10 + 6 digits)`);
  for (const file of [headerFile, missingFile]) if (!existsSync(file)) throw new UsageError(`${file} does not exist`);
  const dryRun = argv.includes('--dry-run');
  const env = envValidator(CommonEnv)(process.env);
  useReferenceDataDir(env.REFERENCE_DATA_DIR);

  const mapping = mapSsda903Return({
    laCode: la,
    headerCsv: readFileSync(headerFile, 'utf8'),
    missingCsv: readFileSync(missingFile, 'utf8'),
    importedAt: new Date(),
    headerFile: basename(headerFile),
    missingFile: basename(missingFile),
  });
  for (const e of mapping.errors) process.stderr.write(`${e.file}:${e.row} ${e.column}: ${e.reason}\n`);
  const episodes = new Set(mapping.events.map((e) => e.agencyEpisodeRef + e.agencyChildRef)).size;
  const topics = topicNames(env.KAFKA_TOPIC_PREFIX);
  if (!dryRun && mapping.events.length > 0) {
    const principal = agencyPrincipal(la, topics.prefix);
    if (!env.KAFKA_CERT_FILE && !existsSync(issuedTlsFiles(principal, env).certFile)) {
      throw new Error(
        `no Kafka credentials for ${la} here: onboard it first (npm run agency -- add --type LOCAL_AUTHORITY --code ${la}) or set KAFKA_CERT_FILE, KAFKA_KEY_FILE and KAFKA_CA_FILE`,
      );
    }
    const publishers = new AgencyPublishers(() => kafkaSettingsFromEnv(`mcm-import-903-${la}`, principal, env), topics, 1);
    try {
      await publishers.publish(
        mapping.events.map((event) => ({ agency: la, key: agencyChildKey(la, event.agencyChildRef), value: JSON.stringify(event) })),
      );
    } finally {
      await publishers.disconnect();
    }
  }
  process.stdout.write(
    `903 import ${la}: ${episodes} episodes, ${mapping.events.length} events ${dryRun ? 'mapped (dry run: nothing published)' : `published to ${agencyInputTopic(la, topics)}`}; ` +
      `${mapping.errors.length} rows not imported\n`,
  );
  return mapping.errors.length > 0 ? 3 : 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: Error) => {
    process.stderr.write(error instanceof UsageError ? `import:903: ${error.message}\n${USAGE}\n` : `import:903: ${error.message}\n`);
    process.exit(error instanceof UsageError ? 2 : 1);
  },
);
