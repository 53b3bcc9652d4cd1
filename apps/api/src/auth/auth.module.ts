import { Global, Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { APP_GUARD } from '@nestjs/core';
import { ApiEnv } from '../config/api.env';
import { AnonymousRateLimitGuard } from './anonymous-rate-limit.guard';
import { AnonymousRateLimiter } from './anonymous-rate-limiter';
import { DEVELOPMENT_JWT_SECRET } from './auth.env';
import { AuthGuard } from './auth.guard';
import { SlidingWindowThrottlerStorage } from '@mcm/platform';
import { SubjectThrottlerGuard } from './subject-throttler.guard';
import { ThrottlerModule } from '@nestjs/throttler';
import { durationSeconds } from './token-age';
import { TokenVerifier, VerifierSettings } from './token-verifier';

/** Bearer-token access control for the whole API (see roles.ts). */
@Global()
@Module({
  imports: [
    ThrottlerModule.forRootAsync({
      inject: [ConfigService],
      useFactory: (config: ConfigService<ApiEnv, true>) => ({
        throttlers: [{ ttl: 60_000, limit: config.get('RATE_LIMIT_PER_MINUTE', { infer: true }) }],
        storage: new SlidingWindowThrottlerStorage(),
      }),
    }),
  ],
  providers: [
    {
      provide: TokenVerifier,
      inject: [ConfigService],
      useFactory: (config: ConfigService<ApiEnv, true>) =>
        new TokenVerifier(
          verifierSettings(config.get('NODE_ENV', { infer: true }), {
            JWT_SECRET: config.get('JWT_SECRET', { infer: true }),
            JWT_PUBLIC_KEY: config.get('JWT_PUBLIC_KEY', { infer: true }),
            JWKS_URL: config.get('JWKS_URL', { infer: true }),
            JWT_ISSUER: config.get('JWT_ISSUER', { infer: true }),
            JWT_AUDIENCE: config.get('JWT_AUDIENCE', { infer: true }),
            JWT_MAX_TOKEN_AGE: config.get('JWT_MAX_TOKEN_AGE', { infer: true }),
          }),
        ),
    },
    {
      provide: AnonymousRateLimiter,
      inject: [ConfigService],
      useFactory: (config: ConfigService<ApiEnv, true>) =>
        new AnonymousRateLimiter(config.get('API_ANONYMOUS_RATE_LIMIT_PER_MINUTE', { infer: true })),
    },
    // Order matters: the budget of requests without a valid token is checked before any token is
    // verified; then authentication, so that the general rate limit counts per subject.
    { provide: APP_GUARD, useClass: AnonymousRateLimitGuard },
    { provide: APP_GUARD, useClass: AuthGuard },
    { provide: APP_GUARD, useClass: SubjectThrottlerGuard },
  ],
  exports: [TokenVerifier],
})
export class AuthModule {}

/** Production refuses to start without a configured key; elsewhere a development secret serves. */
export function verifierSettings(
  nodeEnv: string,
  env: {
    JWT_SECRET?: string;
    JWT_PUBLIC_KEY?: string;
    JWKS_URL?: string;
    JWT_ISSUER: string;
    JWT_AUDIENCE: string;
    JWT_MAX_TOKEN_AGE: string;
  },
): VerifierSettings {
  const configured = env.JWT_SECRET || env.JWT_PUBLIC_KEY || env.JWKS_URL;
  if (!configured && nodeEnv === 'production') throw new Error('JWT_SECRET, JWT_PUBLIC_KEY or JWKS_URL must be set in production');
  return {
    secret: env.JWT_SECRET || (configured ? undefined : DEVELOPMENT_JWT_SECRET),
    publicKey: env.JWT_PUBLIC_KEY,
    jwksUrl: env.JWKS_URL,
    issuer: env.JWT_ISSUER,
    audience: env.JWT_AUDIENCE,
    maxTokenAgeSeconds: durationSeconds(env.JWT_MAX_TOKEN_AGE),
  };
}
