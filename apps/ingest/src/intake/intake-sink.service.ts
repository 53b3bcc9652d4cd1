import { Injectable } from '@nestjs/common';
import { AgencyRejectionRepository, DataSource, InjectDataSource } from '@mcm/persistence';
import { KafkaPublisher } from '@mcm/kafka';
import { IntakeOutcome } from './event-intake.service';

/**
 * Where a triaged batch goes: accepted events and dead letters to Kafka (acknowledged by all
 * replicas), then the rejections to each agency's own record. Both finish before the caller
 * commits offsets or answers, and both are idempotent, so a replay adds nothing.
 */
@Injectable()
export class IntakeSink {
  private readonly rejections = new AgencyRejectionRepository();

  constructor(
    private readonly publisher: KafkaPublisher,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  async deliver(outcome: IntakeOutcome): Promise<void> {
    await this.publisher.publish(outcome.records);
    await this.rejections.record(this.db, outcome.rejections);
  }
}
