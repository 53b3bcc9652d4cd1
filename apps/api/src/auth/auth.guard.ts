import { CanActivate, ExecutionContext, ForbiddenException, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AnonymousRateLimiter } from './anonymous-rate-limiter';
import { bearerToken, clientAddress, HttpRequestLike } from './bearer-token';
import { IS_PUBLIC } from './public.decorator';
import { AGGREGATE_READERS, AuthenticatedUser, Role } from './roles';
import { ROLES_KEY } from './roles.decorator';
import { InvalidTokenError, TokenVerifier } from './token-verifier';

/**
 * Every route needs a valid bearer token and an admitted role, unless it is @Public(). A missing
 * or invalid token spends the address's budget of requests without a valid token
 * (AnonymousRateLimitGuard, which runs first).
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly verifier: TokenVerifier,
    private readonly limiter: AnonymousRateLimiter,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const request = context.switchToHttp().getRequest<HttpRequestLike & { user?: AuthenticatedUser }>();
    const token = bearerToken(request);
    if (!token) {
      this.limiter.recordFailure(clientAddress(request));
      throw new UnauthorizedException('a bearer token is required');
    }
    try {
      request.user = await this.verifier.verify(token);
    } catch (error) {
      if (!(error instanceof InvalidTokenError)) throw new UnauthorizedException('the token could not be checked');
      this.limiter.recordFailure(clientAddress(request));
      throw new UnauthorizedException('the token is not valid');
    }
    const admitted = this.reflector.getAllAndOverride<Role[]>(ROLES_KEY, targets) ?? AGGREGATE_READERS;
    if (!admitted.includes(request.user.role)) throw new ForbiddenException(`role ${request.user.role} may not use this route`);
    return true;
  }
}
