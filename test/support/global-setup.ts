import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

/**
 * Integration specs run the real services (compiled) against the real broker and PostgreSQL.
 * `npm test` prepares both; this makes a bare `npx jest` work too.
 */
export default async function globalSetup(): Promise<void> {
  if (!existsSync(join(ROOT, 'dist/apps/aggregator/src/main.js'))) {
    execFileSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, stdio: 'inherit' });
  }
  execFileSync('bash', [join(ROOT, 'scripts/infra/up.sh')], { cwd: ROOT, stdio: 'inherit' });
}
