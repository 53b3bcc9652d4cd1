import { Injectable } from '@nestjs/common';
import { AgencyRejectionPage, AgencyRejectionRepository, DataSource, InjectDataSource } from '@mcm/persistence';
import { randomUUID } from 'node:crypto';
import { EventIntakeService, IntakeItem } from '../intake/event-intake.service';
import { IntakeSink } from '../intake/intake-sink.service';
import { SubmissionResultDto } from './gateway.dto';

/** HTTP submissions go through the same triage and the same sink as events from Kafka. */
@Injectable()
export class GatewayService {
  private readonly rejections = new AgencyRejectionRepository();

  constructor(
    private readonly intake: EventIntakeService,
    private readonly sink: IntakeSink,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  async submit(agencyCode: string, events: unknown[], now = new Date()): Promise<SubmissionResultDto> {
    const request = randomUUID();
    const items: IntakeItem[] = events.map((event, index) => ({
      // Each element is judged as the bytes an agency would have published to Kafka.
      message: {
        topic: 'http',
        partition: -1,
        offset: `${request}/${index}`,
        timestamp: String(now.getTime()),
        key: null,
        value: Buffer.from(JSON.stringify(event) ?? ''),
        headers: {},
      },
      sender: agencyCode,
      source: `http:${request}/${index}`,
    }));
    const outcome = this.intake.triage(items, now);
    await this.sink.deliver(outcome);
    return {
      accepted: outcome.accepted,
      rejected: outcome.rejected,
      results: outcome.outcomes.map((o, index) => ({ index, ...o })),
    };
  }

  rejectionsOf(agencyCode: string, after: string | undefined, limit: number): Promise<AgencyRejectionPage> {
    return this.rejections.page(this.db, agencyCode, after, limit);
  }
}
