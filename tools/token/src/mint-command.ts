import { MIN_JWT_SECRET_BYTES } from '../../../apps/api/src/auth/auth.env';
import { Role, ROLES } from '../../../apps/api/src';

export const USAGE = `usage: npm run token -- --role ${ROLES.join('|')} --sub <name> [--expires 8h]`;

export class MintRefusedError extends Error {}

export interface MintRequest {
  sub: string;
  role: Role;
  secret?: string;
  issuer: string;
  audience: string;
  expiresIn: string;
}

/**
 * What `npm run token` should mint, or why it refuses: never in production (tokens there come
 * from the identity provider), never with a secret the API would refuse.
 */
export function mintRequest(argv: string[], env: NodeJS.ProcessEnv): MintRequest {
  if (env.NODE_ENV === 'production') {
    throw new MintRefusedError('refusing to mint a token with NODE_ENV=production: production tokens come from the identity provider');
  }
  const arg = (name: string) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const role = arg('role') as Role | undefined;
  const sub = arg('sub');
  if (!role || !ROLES.includes(role) || !sub) throw new MintRefusedError(USAGE);
  const secret = env.JWT_SECRET || undefined;
  if (secret && Buffer.byteLength(secret, 'utf8') < MIN_JWT_SECRET_BYTES) {
    throw new MintRefusedError(`JWT_SECRET must be at least ${MIN_JWT_SECRET_BYTES} bytes long (the API refuses a shorter one)`);
  }
  return {
    sub,
    role,
    secret,
    issuer: env.JWT_ISSUER || 'missing-children-monitor',
    audience: env.JWT_AUDIENCE || 'mcm-api',
    expiresIn: arg('expires') ?? '8h',
  };
}
