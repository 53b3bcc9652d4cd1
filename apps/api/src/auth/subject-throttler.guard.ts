import { Injectable } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';
import { AuthenticatedUser } from './roles';

/** Rate limits per verified subject (per address for requests that carry no valid token). */
@Injectable()
export class SubjectThrottlerGuard extends ThrottlerGuard {
  protected override async getTracker(request: Record<string, unknown>): Promise<string> {
    const user = request.user as AuthenticatedUser | undefined;
    return user ? `sub:${user.sub}` : `ip:${String(request.ip)}`;
  }
}
