import { CanActivate, ExecutionContext, ForbiddenException, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { IS_PUBLIC } from './public.decorator';
import { AGGREGATE_READERS, AuthenticatedUser, Role } from './roles';
import { ROLES_KEY } from './roles.decorator';
import { InvalidTokenError, TokenVerifier } from './token-verifier';

/** Every route needs a valid bearer token and an admitted role, unless it is @Public(). */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(private readonly reflector: Reflector, private readonly verifier: TokenVerifier) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const request = context.switchToHttp().getRequest<{ headers: Record<string, string | undefined>; user?: AuthenticatedUser }>();
    const match = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '');
    if (!match) throw new UnauthorizedException('a bearer token is required');
    try {
      request.user = await this.verifier.verify(match[1]);
    } catch (error) {
      throw new UnauthorizedException(error instanceof InvalidTokenError ? 'the token is not valid' : 'the token could not be checked');
    }
    const admitted = this.reflector.getAllAndOverride<Role[]>(ROLES_KEY, targets) ?? AGGREGATE_READERS;
    if (!admitted.includes(request.user.role)) throw new ForbiddenException(`role ${request.user.role} may not use this route`);
    return true;
  }
}
