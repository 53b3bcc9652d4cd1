import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { ThrottlerModule } from '@nestjs/throttler';
import { SlidingWindowThrottlerStorage } from '@mcm/platform';
import { IngestEnv } from '../config/ingest.env';
import { IntakeModule } from '../intake/intake.module';
import { AgencyAuthGuard } from './agency-auth.guard';
import { AgencyThrottlerGuard } from './agency-throttler.guard';
import { GatewayController } from './gateway.controller';
import { GatewayService } from './gateway.service';

/** The HTTP way in for agencies without a Kafka client. */
@Module({
  imports: [
    IntakeModule,
    ThrottlerModule.forRootAsync({
      inject: [ConfigService],
      useFactory: (config: ConfigService<IngestEnv, true>) => ({
        throttlers: [{ ttl: 60_000, limit: config.get('GATEWAY_RATE_LIMIT_PER_MINUTE', { infer: true }) }],
        storage: new SlidingWindowThrottlerStorage(),
      }),
    }),
  ],
  controllers: [GatewayController],
  providers: [GatewayService, AgencyAuthGuard, AgencyThrottlerGuard],
})
export class GatewayModule {}
