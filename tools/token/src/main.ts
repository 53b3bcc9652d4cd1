import { mintToken } from '../../../apps/api/src/auth/mint-token';
import { DEVELOPMENT_JWT_SECRET } from '../../../apps/api/src/auth/auth.env';
import { Role, ROLES } from '../../../apps/api/src/auth/roles';

const USAGE = `usage: npm run token -- --role ${ROLES.join('|')} --sub <name> [--expires 8h]`;

/** `npm run token -- --role analyst --sub alice`: a token for local use, signed with JWT_SECRET. */
async function main(argv: string[]): Promise<void> {
  const arg = (name: string) => { const i = argv.indexOf(`--${name}`); return i >= 0 ? argv[i + 1] : undefined; };
  const role = arg('role') as Role | undefined;
  const sub = arg('sub');
  if (!role || !ROLES.includes(role) || !sub) throw new Error(USAGE);
  if (process.env.NODE_ENV === 'production' && !process.env.JWT_SECRET) throw new Error('JWT_SECRET must be set to mint a token in production');
  const token = await mintToken({ sub, role }, {
    secret: process.env.JWT_SECRET ?? DEVELOPMENT_JWT_SECRET,
    issuer: process.env.JWT_ISSUER ?? 'missing-children-monitor',
    audience: process.env.JWT_AUDIENCE ?? 'mcm-api',
    expiresIn: arg('expires') ?? '8h',
  });
  process.stdout.write(`${token}\n`);
}

main(process.argv.slice(2)).catch((error: Error) => {
  process.stderr.write(`${error.message}\n`);
  process.exit(2);
});
