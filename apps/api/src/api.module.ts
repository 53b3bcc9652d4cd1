import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { APP_FILTER } from '@nestjs/core';
import { DatabaseModule, ProblemDetailsFilter } from '@mcm/platform';
import { envValidator } from '@mcm/shared';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { ApiEnv } from './config/api.env';
import { BulletinsModule } from './bulletins/bulletins.module';
import { CompletenessModule } from './completeness/completeness.module';
import { DashboardModule } from './dashboard/dashboard.module';
import { HealthModule } from './health/health.module';
import { IncidenceModule } from './incidence/incidence.module';
import { LinkageReviewModule } from './linkage-review/linkage-review.module';

@Module({
  imports: [
    ConfigModule.forRoot({ isGlobal: true, ignoreEnvFile: true, validate: envValidator(ApiEnv) }),
    DatabaseModule.forService('api'),
    AuthModule,
    AuditModule,
    HealthModule,
    IncidenceModule,
    BulletinsModule,
    CompletenessModule,
    DashboardModule,
    LinkageReviewModule,
  ],
  providers: [{ provide: APP_FILTER, useClass: ProblemDetailsFilter }],
})
export class ApiModule {}
