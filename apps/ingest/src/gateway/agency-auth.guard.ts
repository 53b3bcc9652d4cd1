import { CanActivate, ExecutionContext, Injectable, UnauthorizedException } from '@nestjs/common';
import { AgencyRecord, AgencyRegisterRepository, DataSource, InjectDataSource } from '@mcm/persistence';
import { hashHttpCredential, looksLikeHttpCredential } from '@mcm/shared';
import { Request, Response } from 'express';

export type AgencyRequest = Request & { agency: AgencyRecord };

/**
 * An agency's bearer credential, checked against the register on every request: a revoked
 * agency's credential fails from the moment `agency revoke` commits.
 */
@Injectable()
export class AgencyAuthGuard implements CanActivate {
  private readonly register = new AgencyRegisterRepository();

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<AgencyRequest>();
    const [scheme, credential] = (request.headers.authorization ?? '').split(' ');
    const agency =
      scheme === 'Bearer' && credential && looksLikeHttpCredential(credential)
        ? await this.register.activeByTokenHash(this.db, hashHttpCredential(credential))
        : undefined;
    if (!agency) {
      context.switchToHttp().getResponse<Response>().setHeader('WWW-Authenticate', 'Bearer realm="agencies"');
      throw new UnauthorizedException('A valid agency credential is required');
    }
    request.agency = agency;
    return true;
  }
}
