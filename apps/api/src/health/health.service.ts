import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { databaseAnswers, DataSource, InjectDataSource } from '@mcm/persistence';
import { Admin } from '@mcm/kafka';
import { serviceKafka } from '@mcm/platform';
import { CommonEnv } from '@mcm/shared';

type Check = 'up' | 'down';
const TIMEOUT_MS = 2000;

function within<T>(promise: Promise<T>, ms: number): Promise<T> {
  return Promise.race([promise, new Promise<T>((_, reject) => setTimeout(() => reject(new Error('timeout')), ms).unref())]);
}

@Injectable()
export class HealthService implements OnModuleDestroy {
  private readonly admin: Admin;
  private connected?: Promise<void>;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    config: ConfigService<CommonEnv, true>,
  ) {
    // The API's principal has no ACL at all: cluster metadata is all a health check needs.
    this.admin = serviceKafka(config, 'api', 'mcm-api-health').admin();
  }

  async check(): Promise<{ status: 'ok' | 'degraded'; checks: { database: Check; kafka: Check } }> {
    const [database, kafka] = await Promise.all([this.database(), this.kafka()]);
    return { status: database === 'up' && kafka === 'up' ? 'ok' : 'degraded', checks: { database, kafka } };
  }

  private database(): Promise<Check> {
    return within(databaseAnswers(this.db), TIMEOUT_MS).then(
      () => 'up' as const,
      () => 'down' as const,
    );
  }

  private async kafka(): Promise<Check> {
    try {
      this.connected ??= this.admin.connect();
      await within(this.connected, TIMEOUT_MS);
      const cluster = await within(this.admin.describeCluster(), TIMEOUT_MS);
      return cluster.brokers.length > 0 ? 'up' : 'down';
    } catch {
      this.connected = undefined;
      return 'down';
    }
  }

  async onModuleDestroy(): Promise<void> {
    await this.admin.disconnect();
  }
}
