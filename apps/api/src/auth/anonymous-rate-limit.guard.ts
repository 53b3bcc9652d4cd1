import { CanActivate, ExecutionContext, HttpException, HttpStatus, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { FastifyReply } from 'fastify';
import { AnonymousRateLimiter } from './anonymous-rate-limiter';
import { bearerToken, clientAddress, HttpRequestLike } from './bearer-token';
import { IS_PUBLIC } from './public.decorator';
import { TokenVerifier } from './token-verifier';

/**
 * Runs before authentication: an address that has spent its budget of requests without a valid
 * token gets 429 with Retry-After, and no token of it is verified. A token this process has
 * already verified (a map look-up, no cryptography) passes, so signed-in users behind a shared
 * address are not refused for someone else's failures. Public routes are left to the per-address
 * limit of SubjectThrottlerGuard.
 */
@Injectable()
export class AnonymousRateLimitGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly verifier: TokenVerifier,
    private readonly limiter: AnonymousRateLimiter,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()])) return true;
    const request = context.switchToHttp().getRequest<HttpRequestLike>();
    const token = bearerToken(request);
    if (token && this.verifier.known(token)) return true;
    const wait = this.limiter.retryAfter(clientAddress(request));
    if (wait === 0) return true;
    context.switchToHttp().getResponse<FastifyReply>().header('Retry-After', String(wait));
    throw new HttpException('Too many requests without a valid token', HttpStatus.TOO_MANY_REQUESTS);
  }
}
