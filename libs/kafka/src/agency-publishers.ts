import { Kafka } from 'kafkajs';
import { createKafka, KafkaSettings } from './kafka-client';
import { KafkaPublisher, OutgoingRecord } from './publisher';
import { agencyInputTopic, TopicNames } from './topics';

/** A record an agency publishes: its own input topic is implied by the agency. */
export interface AgencyRecord extends Omit<OutgoingRecord, 'topic'> {
  agency: string;
}

/**
 * Publishes as many agencies, each through its own connection and identity, to its own input
 * topic (what the broker lets it write). The simulator, the benchmarks, the test harness and the
 * SSDA903 import publish through this, exactly as the agencies themselves would.
 */
export class AgencyPublishers {
  private readonly publishers = new Map<string, Promise<KafkaPublisher>>();

  constructor(
    private readonly settingsFor: (agency: string) => KafkaSettings,
    private readonly topics: TopicNames,
    private readonly concurrency = 32,
  ) {}

  /** Publishes every record, each agency's in order; resolves once the broker acknowledged all. */
  async publish(records: AgencyRecord[]): Promise<void> {
    const byAgency = new Map<string, OutgoingRecord[]>();
    for (const { agency, ...record } of records) {
      const list = byAgency.get(agency) ?? [];
      list.push({ ...record, topic: agencyInputTopic(agency, this.topics) });
      byAgency.set(agency, list);
    }
    const queue = [...byAgency];
    const worker = async () => {
      for (let next = queue.shift(); next; next = queue.shift()) {
        const [agency, list] = next;
        await (await this.publisherOf(agency)).publish(list);
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.concurrency, queue.length) }, worker));
  }

  /** The agency's own Kafka client (for tests that need more than publishing). */
  kafkaOf(agency: string): Kafka {
    return createKafka(this.settingsFor(agency));
  }

  async disconnect(): Promise<void> {
    const all = await Promise.allSettled(this.publishers.values());
    this.publishers.clear();
    await Promise.all(all.map((p) => (p.status === 'fulfilled' ? p.value.disconnect() : undefined)));
  }

  private publisherOf(agency: string): Promise<KafkaPublisher> {
    let publisher = this.publishers.get(agency);
    if (!publisher) {
      publisher = (async () => {
        const p = new KafkaPublisher(createKafka(this.settingsFor(agency)));
        await p.connect();
        return p;
      })();
      this.publishers.set(agency, publisher);
      publisher.catch(() => this.publishers.delete(agency));
    }
    return publisher;
  }
}
