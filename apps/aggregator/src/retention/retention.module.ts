import { Module } from '@nestjs/common';
import { IdentityRetention } from '@mcm/persistence/retention';
import { DataSource } from '@mcm/persistence';
import { RetentionScheduler } from './retention.scheduler';

/** The daily deletion of identifying data past its retention (docs/RETENTION.md). */
@Module({
  providers: [
    { provide: IdentityRetention, inject: [DataSource], useFactory: (dataSource: DataSource) => new IdentityRetention(dataSource) },
    RetentionScheduler,
  ],
})
export class RetentionModule {}
