import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { DataSource } from 'typeorm';
import { AggregatorEnv } from '../config/aggregator.env';
import { AcceptedEventsController } from './accepted-events.controller';
import { BatchAggregator } from './batch-aggregator';
import { createBatchAggregator } from './create-batch-aggregator';

/** Accepted events to national figures. The classes are plain; this module only wires them. */
@Module({
  controllers: [AcceptedEventsController],
  providers: [
    {
      provide: BatchAggregator,
      inject: [DataSource, ConfigService],
      useFactory: (dataSource: DataSource, config: ConfigService<AggregatorEnv, true>) =>
        createBatchAggregator(dataSource, config.get('LINK_KEY_SECRET', { infer: true })),
    },
  ],
})
export class AggregationModule {}
