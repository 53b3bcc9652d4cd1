import { Logger, Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { identityCipherProvider } from '@mcm/platform';
import { IdentityCipher } from '@mcm/shared';
import { DataSource } from '@mcm/persistence';
import { AggregatorEnv } from '../config/aggregator.env';
import { selectLinker } from '../linkage/linker-selection';
import { ReviewDecisionsPoller } from '../linkage/review-decisions.poller';
import { AcceptedEventsController } from './accepted-events.controller';
import { BatchAggregator } from './batch-aggregator';
import { BreakdownRefresher } from './breakdown-refresher';
import { createBatchAggregator } from './create-batch-aggregator';

/** Accepted events to national figures. The classes are plain; this module only wires them. */
@Module({
  controllers: [AcceptedEventsController],
  providers: [
    {
      provide: BatchAggregator,
      inject: [DataSource, ConfigService, IdentityCipher],
      useFactory: async (dataSource: DataSource, config: ConfigService<AggregatorEnv, true>, cipher: IdentityCipher) => {
        const log = new Logger('Linkage');
        const { linker, reviews } = await selectLinker(
          dataSource,
          cipher,
          config.get('LINKER', { infer: true }),
          { info: (m) => log.log(m), warn: (m) => log.warn(m) },
          {
            retrainMinProfiles: config.get('LINKAGE_RETRAIN_MIN_PROFILES', { infer: true }),
          },
        );
        const aggregator = createBatchAggregator(
          dataSource,
          {
            linkKeySecret: config.get('LINK_KEY_SECRET', { infer: true }),
            cipher,
            disclosureKeySeed: config.get('DISCLOSURE_KEY_SEED', { infer: true }),
          },
          linker,
          reviews,
        );
        await aggregator.backfillCellKeys();
        return aggregator;
      },
    },
    identityCipherProvider,
    ReviewDecisionsPoller,
    BreakdownRefresher,
  ],
})
export class AggregationModule {}
