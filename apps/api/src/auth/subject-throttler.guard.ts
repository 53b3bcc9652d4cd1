import { Injectable } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';
import { AuthenticatedUser } from './roles';

/**
 * Rate limits per verified subject, and per address on public routes. A request to a protected
 * route without a valid token never gets here: AnonymousRateLimitGuard and AuthGuard stop it.
 */
@Injectable()
export class SubjectThrottlerGuard extends ThrottlerGuard {
  protected override async getTracker(request: Record<string, unknown>): Promise<string> {
    const user = request.user as AuthenticatedUser | undefined;
    return user ? `sub:${user.sub}` : `ip:${String(request.ip)}`;
  }
}
