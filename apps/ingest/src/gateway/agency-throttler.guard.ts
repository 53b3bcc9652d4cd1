import { Injectable } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';
import { AgencyRequest } from './agency-auth.guard';

/** Rate limits per authenticated agency (runs after AgencyAuthGuard). */
@Injectable()
export class AgencyThrottlerGuard extends ThrottlerGuard {
  protected override async getTracker(request: Record<string, unknown>): Promise<string> {
    return `agency:${(request as unknown as AgencyRequest).agency.code}`;
  }
}
