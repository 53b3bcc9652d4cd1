import { mintToken } from '../../../apps/api/src';
import { DEVELOPMENT_JWT_SECRET } from '../../../apps/api/src/auth/auth.env';
import { mintRequest } from './mint-command';

/**
 * `npm run token -- --role analyst --sub alice`: a token for local use, signed with JWT_SECRET
 * (the development secret when unset). Refuses with NODE_ENV=production. The API refuses tokens
 * older than JWT_MAX_TOKEN_AGE (12 h by default) whatever `--expires` says.
 */
async function main(argv: string[]): Promise<void> {
  const request = mintRequest(argv, process.env);
  const token = await mintToken(
    { sub: request.sub, role: request.role },
    {
      secret: request.secret ?? DEVELOPMENT_JWT_SECRET,
      issuer: request.issuer,
      audience: request.audience,
      expiresIn: request.expiresIn,
    },
  );
  process.stdout.write(`${token}\n`);
}

main(process.argv.slice(2)).catch((error: Error) => {
  process.stderr.write(`${error.message}\n`);
  process.exit(2);
});
