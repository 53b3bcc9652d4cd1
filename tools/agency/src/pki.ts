import { execFile } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { issuedTlsFiles, KafkaEnv, KafkaTlsFiles } from '@mcm/kafka';

const run = promisify(execFile);

/** The repository root (from source under jest, or from dist/). */
export function repositoryRoot(): string {
  for (let dir = __dirname; dir !== dirname(dir); dir = dirname(dir)) {
    if (existsSync(join(dir, 'scripts', 'infra', 'pki.sh'))) return dir;
  }
  throw new Error(`scripts/infra/pki.sh not found above ${__dirname}`);
}

/**
 * Client certificates from the local CA (scripts/infra/pki.sh is the one place they are made),
 * a few at a time. Each certificate's CN is the principal name. `env` (the validated config)
 * says where the CA keeps them (KAFKA_PKI_DIR), as pki.sh reads it.
 */
export async function issueClientCertificates(principals: string[], env: KafkaEnv, parallel = 4): Promise<Map<string, KafkaTlsFiles>> {
  return issueNamedCertificates(
    principals.map((p) => ({ name: p, principal: p })),
    env,
    parallel,
  );
}

/**
 * Certificates whose files are named `name` and whose subject is CN=`principal`: an agency's
 * files keep one name while its principal changes with each onboarding.
 */
export async function issueNamedCertificates(
  entries: { name: string; principal: string }[],
  env: KafkaEnv,
  parallel = 4,
): Promise<Map<string, KafkaTlsFiles>> {
  const script = join(repositoryRoot(), 'scripts', 'infra', 'pki.sh');
  const args = entries.map((e) => `${e.name}=${e.principal}`);
  const slices = Array.from({ length: parallel }, (_, i) => args.filter((_, j) => j % parallel === i)).filter((s) => s.length > 0);
  await Promise.all(slices.map((slice) => run('bash', [script, 'clients', ...slice], { maxBuffer: 16 * 1024 * 1024 })));
  return new Map(entries.map((e) => [e.name, issuedTlsFiles(e.name, env)]));
}

/** Ensures a certificate exists for each principal (services: issued once per environment). */
export async function ensureClientCertificates(principals: string[], env: KafkaEnv): Promise<void> {
  const missing = principals.filter((p) => !existsSync(issuedTlsFiles(p, env).certFile));
  if (missing.length > 0) await issueClientCertificates(missing, env);
}

/** Deletes the local copy of a principal's key and certificate. */
export function discardClientCertificate(principal: string, env: KafkaEnv): void {
  const { certFile, keyFile } = issuedTlsFiles(principal, env);
  rmSync(certFile, { force: true });
  rmSync(keyFile, { force: true });
}
